<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>dcs::ui::ClusterForm</name>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="51" />
        <source>Fill the form with a ready-made schedule</source>
        <translation>املأ النموذج بجدول جاهز</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="53" />
        <source>DCAE-Kmeans: k-means in the latent space. DCAE-GMM: a Gaussian mixture.</source>
        <translation>DCAE-Kmeans: خوارزمية k-means في الفضاء الكامن. DCAE-GMM: خليط غاوسي.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="55" />
        <source>caip2019: the DCEC auto-encoder (ReLU, squared error).
icip2018: sigmoid layers and binary cross-entropy (needs images of at least 18 px).</source>
        <translation>caip2019: المرمّز التلقائي DCEC (ReLU، الخطأ التربيعي).
icip2018: طبقات سيغمويد وإنتروبيا متقاطعة ثنائية (يحتاج صورًا من 18 بكسل على الأقل).</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="57" />
        <location filename="../ui/cluster/cluster_form.cpp" line="59" />
        <source> epoch</source>
        <translation> حقبة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="57" />
        <location filename="../ui/cluster/cluster_form.cpp" line="59" />
        <source> epochs</source>
        <translation> حقبة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="58" />
        <source>Epochs in all, warm-up included (1 or more)</source>
        <translation>عدد الحقب كلها بما فيها الإحماء (1 أو أكثر)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="60" />
        <source>Reconstruction-only epochs before the clustering term starts (at most the epochs)</source>
        <translation>حقب إعادة البناء فقط قبل أن يبدأ حد التجميع (لا تتجاوز عدد الحقب)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="62" />
        <source>Dropout after the hidden fully-connected layers, e.g. 0.2 (0: off, at most 0.95)</source>
        <translation>الإسقاط بعد الطبقات المتصلة بالكامل المخفية، مثلاً 0.2 (0: معطّل، 0.95 على الأكثر)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="65" />
        <source>none: unsupervised. semi: a softmax head on the reconstruction learns the coarse parent labels of the mapping below (choosing it sets supervision weight 5 and the Long schedule: 200 epochs, 20 of warm-up, cosine learning rate; a heavier weight pulls the clusters apart). full: it learns the class labels.</source>
        <translation>none: دون إشراف. semi: رأس softmax على إعادة البناء يتعلم التسميات الأم الخشنة للتعيين أدناه (اختياره يضبط وزن الإشراف على 5 والجدول الطويل: 200 حقبة منها 20 للإحماء، ومعدل تعلم جيبي؛ الوزن الأثقل يفكك العناقيد). full: يتعلم تسميات الفئات.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="69" />
        <location filename="../ui/cluster/cluster_form.cpp" line="100" />
        <location filename="../ui/cluster/cluster_form.cpp" line="127" />
        <source> images</source>
        <translation> صورة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="70" />
        <source>Only the first N images carry their label for the supervision term; 0 uses all</source>
        <translation>أول N صورة فقط تحمل تسميتها لحد الإشراف؛ 0 يستخدم الكل</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="72" />
        <source>Weight of the supervision term E3, the head's cross-entropy (0 or more)</source>
        <translation>وزن حد الإشراف E3، الإنتروبيا المتقاطعة للرأس (0 أو أكثر)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="74" />
        <source>K, the number of clusters (1 or more, at most the images)</source>
        <translation>K، عدد العناقيد (1 أو أكثر، لا يتجاوز عدد الصور)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="75" />
        <source> dims</source>
        <translation> بُعد</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="75" />
        <source>Size of the latent code h(x)</source>
        <translation>حجم الشفرة الكامنة h(x)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="76" />
        <source>Weight of the clustering term E2 (0 or more)</source>
        <translation>وزن حد التجميع E2 (صفر أو أكثر)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="78" />
        <source>Adam or SGD with momentum 0.9</source>
        <translation>Adam أو SGD بزخم 0.9</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="79" />
        <source>Learning rate (more than 0)</source>
        <translation>معدل التعلم (أكبر من صفر)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="81" />
        <source>constant, or cosine: the learning rate annealed to 0 over the clustering epochs (steadier clusters at the end of a long run)</source>
        <translation>ثابت، أو جيبي (cosine): يُخفَّض معدل التعلم تدريجيًا نحو الصفر عبر حقب التجميع (عناقيد أثبت في نهاية التشغيل الطويل)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="83" />
        <source>SGD momentum, in [0, 1]</source>
        <translation>زخم SGD، ضمن [0، 1]</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="84" />
        <source>L2 weight decay, in [0, 1]</source>
        <translation>اضمحلال الأوزان L2، ضمن [0، 1]</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="87" />
        <source>DCAE-GMM clustering term: responsibility-weighted Mahalanobis distance; scaled: the same times the mixture's mean variance (a pull that does not grow as the clusters tighten); or negative log-likelihood</source>
        <translation>حد التجميع في DCAE-GMM: مسافة ماهالانوبيس الموزونة بالمسؤوليات؛ أو المقيسة: المسافة نفسها مضروبة في متوسط تباين الخليط (شدّ لا يزداد كلما تقلّصت العناقيد)؛ أو سالب لوغاريتم الأرجحية</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="91" />
        <source>DCAE-GMM mixing weights in training: fitted by each M-step, or held equal (1/K), so that no cluster grows by taking the ambiguous images</source>
        <translation>أوزان خلط DCAE-GMM أثناء التدريب: تُقدَّر في كل خطوة M، أو تبقى متساوية (1/K) كي لا يكبر عنقود بأخذ الصور الملتبسة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="94" />
        <source>How each image's cluster is shown and scored. gaussian: each cluster read by its own shape (its members' mean and full covariance), every image in the cluster under which it is most likely. nearest: the nearest centre, the papers' rule (DCAE-GMM: the most responsible component). Training is the same either way.</source>
        <translation>كيف يُعرض عنقود كل صورة ويُقيَّم. gaussian: يُقرأ كل عنقود بشكله (متوسط أعضائه وتغايرهم الكامل)، وتوضع كل صورة في العنقود الأرجح لها. nearest: أقرب مركز، قاعدة الأوراق البحثية (في DCAE-GMM: المكوّن الأعلى مسؤولية). التدريب واحد في الحالتين.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="98" />
        <source> points</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="99" />
        <source>How many images the latent-space view draws (a fixed sample)</source>
        <translation>عدد الصور التي يرسمها عرض الفضاء الكامن (عيّنة ثابتة)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="100" />
        <source>Mini-batch size</source>
        <translation>حجم الدفعة الصغيرة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="104" />
        <source>How the clusters start: k-means++ on the codes; merged: k-means into 2K clusters, merged down to K by Ward's criterion (keeps a dense class whole where the best k-means splits it); random centres (the papers); labels: each cluster at the mean code of one class's labelled images (full supervision, K = classes); or constrained (constrained k-means): the clusters are shared out among the classes or parents, and a labelled image trains only towards its own label's clusters</source>
        <translation>كيف تبدأ العناقيد: k-means++ على الرموز؛ merged: k-means إلى 2K عنقودًا ثم دمجها إلى K بمعيار Ward (يُبقي الفئة الكثيفة كاملة حيث يقسمها أفضل k-means)؛ مراكز عشوائية (الأوراق البحثية)؛ labels: كل عنقود عند متوسط رموز الصور الموسومة لفئة واحدة (إشراف كامل، K = عدد الفئات)؛ أو constrained (‏k-means المقيّد): تُوزَّع العناقيد على الفئات أو الآباء، ولا تتدرّب الصورة الموسومة إلا نحو عناقيد تسميتها</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="111" />
        <source>k-means++ start: the weight of a prior for clusters of similar size when the best of 20 restarts is chosen (0: the lowest inertia; 1.5 keeps a dense class such as the 1s whole where the lowest inertia splits it)</source>
        <translation>بداية k-means++: وزن أولوية للعناقيد المتقاربة في الحجم عند اختيار أفضل 20 إعادة تشغيل (الصفر: أدنى قصور ذاتي؛ 1.5 يُبقي فئة كثيفة مثل الآحاد كاملة حيث يقسمها أدنى قصور ذاتي)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="115" />
        <source>After each epoch, a cluster holding fewer than this fraction of N/K images takes half of the largest cluster (when that holds more than 1.5 N/K); 0: off</source>
        <translation>بعد كل حقبة، يأخذ العنقود الذي يضم أقل من هذا الكسر من N/K صورةً نصفَ أكبر العناقيد (إذا ضم ذلك أكثر من 1.5 N/K)؛ الصفر: معطّل</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="120" />
        <source>DCAE-GMM covariance: diagonal, spherical (one variance per cluster), tied (one diagonal shared by all clusters) or full</source>
        <translation>تغاير DCAE-GMM: قطري، أو كروي (تباين واحد لكل عنقود)، أو مشترك (قطر واحد تتقاسمه كل العناقيد)، أو كامل</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="122" />
        <source>Same seed, config and data: the same run</source>
        <translation>البذرة نفسها والإعدادات نفسها والبيانات نفسها: التشغيل نفسه</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="123" />
        <source>CPU threads; 0 uses every core</source>
        <translation>خيوط المعالج؛ الصفر يستخدم كل الأنوية</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="125" />
        <source>Where training runs: the CPU, or an NVIDIA GPU (cuda) when LibTorch was built with CUDA. On the GPU a seed names one run too, but another run than on the CPU</source>
        <translation>أين يجري التدريب: المعالج، أو معالج رسوميات من NVIDIA ‏(cuda) حين تكون LibTorch مبنية مع CUDA. على معالج الرسوميات تسمّي البذرة تشغيلًا واحدًا أيضًا، لكنه غير تشغيل المعالج</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="127" />
        <source>Train on the first N images only; 0 uses all</source>
        <translation>درّب على أول N صورة فقط؛ الصفر يستخدم الكل</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="129" />
        <source>all images</source>
        <translation>كل الصور</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="130" />
        <source>every core</source>
        <translation>كل الأنوية</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="136" />
        <source>This build's LibTorch has no CUDA, or no GPU is present</source>
        <translation>مكتبة LibTorch في هذا البناء بلا CUDA، أو لا يوجد معالج رسوميات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="138" />
        <source>Default</source>
        <translation>الافتراضي</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="139" />
        <source>Demo (about a minute)</source>
        <translation>عرض توضيحي (نحو دقيقة)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="140" />
        <source>Long: 200 epochs, cosine learning rate</source>
        <translation>طويل: 200 حقبة، معدل تعلم جيبي</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="143" />
        <source>Reaches the mnist targets with either method (about 15-20 minutes on 2 cores); DCAE-GMM trains on it with lambda 1 and on the read-out</source>
        <translation>يبلغ أهداف mnist بأيٍّ من الطريقتين (نحو 15-20 دقيقة على نواتين)؛ ويتدرّب فيه DCAE-GMM بقيمة lambda تساوي 1 وعلى القراءة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="146" />
        <source>Plain: 30 epochs, no augmentation, lambda 0.1</source>
        <translation>بسيط: 30 حقبة، بلا تعزيز للبيانات، لامدا 0.1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="148" />
        <source>Reaches the fashion-mnist target with DCAE-Kmeans (about 13 minutes on 2 cores): augmentation blurs garments that differ by shape details; DCAE-GMM takes the diagonal Mahalanobis form it was measured in</source>
        <translation>يبلغ هدف fashion-mnist مع DCAE-Kmeans (نحو 13 دقيقة على نواتين): تعزيز البيانات يطمس الملابس التي تختلف في تفاصيل الشكل؛ ويأخذ DCAE-GMM صيغة ماهالانوبيس القطرية التي قيس بها</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="152" />
        <source>Paper: icip2018</source>
        <translation>الورقة: icip2018</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="153" />
        <source>Paper: caip2019</source>
        <translation>الورقة: caip2019</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="154" />
        <source>shifted, rotated, scaled copies</source>
        <translation>نسخ مُزاحة ومُدوَّرة ومُحجَّمة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="156" />
        <source>Each batch is randomly shifted (up to 10 %), rotated (up to 10 degrees) and scaled (up to 10 %); the clusters are computed on the original images</source>
        <translation>تُزاح كل دفعة عشوائيًا (حتى 10 %) وتُدوَّر (حتى 10 درجات) وتُحجَّم (حتى 10 %)؛ وتُحسب العناقيد على الصور الأصلية</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="158" />
        <source>centres follow the read-out's clusters</source>
        <translation>المراكز تتبع عناقيد القراءة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="161" />
        <source>With an unconstrained start: each epoch's centres are the means of the clusters the images are read into by the gaussian read-out (DCAE-GMM: each component is fitted to its cluster so read), and the clustering term pulls every code towards that cluster</source>
        <translation>ببداية غير مقيَّدة: مراكز كل حقبة هي متوسطات العناقيد التي تُقرأ فيها الصور بالقراءة الغاوسية (في DCAE-GMM: يُوفَّق كل مكوّن على عنقوده المقروء هكذا)، وحدّ التجميع يجذب كل رمز نحو ذلك العنقود</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="164" />
        <source>re-cut two clusters along a sparser boundary</source>
        <translation>إعادة قطع عنقودين على حدٍّ أقل كثافة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="167" />
        <source>With an unconstrained start: after each epoch's update, the two clusters whose boundary cuts the most links between nearest neighbours are re-split along the sparsest cut of their union, when that cut is under 0.6 of the current one: the way out of two classes split across two clusters</source>
        <translation>ببداية غير مقيَّدة: بعد تحديث كل حقبة، يُعاد تقسيم العنقودين اللذين يقطع الحدّ بينهما أكثر الروابط بين الجيران الأقرب، على أقل قطع كثافةً في اتحادهما، إذا كان ذلك القطع أقل من 0.6 من القطع الحالي: المخرج من صنفين مقسومين على عنقودين</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="170" />
        <source>after every convolution</source>
        <translation>بعد كل التفاف</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="172" />
        <source>Batch normalisation after every convolution and transposed convolution but the output</source>
        <translation>تطبيع الدفعات بعد كل التفاف والتفاف منقول عدا المخرج</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="173" />
        <source>default: first half of the classes 0, the rest 1</source>
        <translation>الافتراضي: النصف الأول من الفئات 0، والباقي 1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="174" />
        <source>The parent of each class in class order, separated by commas: 0,0,0,0,0,1,1,1,1,1 groups the digits 0-4 and 5-9. Empty uses that default.</source>
        <translation>الأم لكل فئة بترتيب الفئات، مفصولة بفواصل: 0,0,0,0,0,1,1,1,1,1 تجمع الأرقام 0-4 و5-9. الفارغ يستخدم هذا الافتراضي.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="181" />
        <source>Schedule:</source>
        <translation>الجدول:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="182" />
        <source>Method:</source>
        <translation>الطريقة:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="183" />
        <source>Architecture:</source>
        <translation>البنية:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="184" />
        <source>Epochs:</source>
        <translation>الحقب:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="185" />
        <source>Warm-up:</source>
        <translation>الإحماء:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="186" />
        <source>Augmentation:</source>
        <translation>التعزيز:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="187" />
        <source>Dropout:</source>
        <translation>الإسقاط:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="188" />
        <source>Batch norm:</source>
        <translation>تطبيع الدفعات:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="189" />
        <source>Supervision:</source>
        <translation>الإشراف:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="190" />
        <source>Labelled:</source>
        <translation>الموسومة:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="191" />
        <source>Parent map:</source>
        <translation>تعيين الأم:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="192" />
        <source>Supervision weight:</source>
        <translation>وزن الإشراف:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="193" />
        <source>Clusters K:</source>
        <translation>العناقيد K:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="194" />
        <source>Latent size:</source>
        <translation>حجم الفضاء الكامن:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="195" />
        <source>Lambda:</source>
        <translation>لامدا:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="196" />
        <source>Optimiser:</source>
        <translation>المُحسِّن:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="197" />
        <source>Learning rate:</source>
        <translation>معدل التعلم:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="198" />
        <source>LR schedule:</source>
        <translation>جدول معدل التعلم:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="199" />
        <source>Momentum:</source>
        <translation>الزخم:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="200" />
        <source>Weight decay:</source>
        <translation>اضمحلال الأوزان:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="201" />
        <source>Batch:</source>
        <translation>الدفعة:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="202" />
        <source>Cluster start:</source>
        <translation>بداية العناقيد:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="203" />
        <source>Start size prior:</source>
        <translation>أولوية تقارب الأحجام في البداية:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="204" />
        <source>Re-seed below:</source>
        <translation>إعادة البذر تحت:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="205" />
        <source>Covariance:</source>
        <translation>التغاير:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="206" />
        <source>GMM term:</source>
        <translation>حد GMM:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="207" />
        <source>GMM weights:</source>
        <translation>أوزان GMM:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="208" />
        <source>Read-out:</source>
        <translation>قراءة العناقيد:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="209" />
        <source>Train on read-out:</source>
        <translation>التدريب على القراءة:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="210" />
        <source>Re-split boundaries:</source>
        <translation>إعادة قسمة الحدود:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="211" />
        <source>Seed:</source>
        <translation>البذرة:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="212" />
        <source>Threads:</source>
        <translation>الخيوط:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="213" />
        <source>Device:</source>
        <translation>الجهاز:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="214" />
        <source>Limit:</source>
        <translation>الحد:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_form.cpp" line="215" />
        <source>Points shown:</source>
        <translation>النقاط المعروضة:</translation>
    </message>
</context>
<context>
    <name>dcs::ui::ClusterPage</name>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="54" />
        <source>Start</source>
        <translation>ابدأ</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="55" />
        <location filename="../ui/cluster/cluster_page.cpp" line="402" />
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="56" />
        <source>Step one epoch</source>
        <translation>تقدّم حقبة واحدة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="57" />
        <source>Stop</source>
        <translation>أوقف</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="58" />
        <source>Restart with the same initial weights</source>
        <translation>أعد البدء بالأوزان الابتدائية نفسها</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="69" />
        <source>Each point is one image, placed by the first two principal components of its latent code. Colours are clusters (or true labels, with the tick box); crosses are the cluster centres. Drag to pan, scroll to zoom, rest the pointer on a point to see its image.</source>
        <translation>كل نقطة صورة واحدة، موضعها أول مكوّنين رئيسيين لشفرتها الكامنة. الألوان هي العناقيد (أو التسميات الحقيقية عند تفعيل المربع)؛ والصلبان مراكز العناقيد. اسحب للتحريك، ومرّر العجلة للتكبير، وأبقِ المؤشر على نقطة لترى صورتها.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="72" />
        <source>Left: E1, how well the auto-encoder reconstructs its input, and E2 (right axis), how far the codes are from their centres; E2 is zero during warm-up. Right: ACC, NMI and ARI against the true labels, per epoch.</source>
        <translation>يسارًا: E1، مدى جودة إعادة المرمّز التلقائي بناء مدخلاته، وE2 (المحور الأيمن)، بُعد الشفرات عن مراكزها؛ وE2 صفر أثناء الإحماء. يمينًا: ACC وNMI وARI مقارنةً بالتسميات الحقيقية، لكل حقبة.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="75" />
        <source>Per cluster: its size, its most common true label and the images nearest its centre, which show what the model takes the cluster to be.</source>
        <translation>لكل عنقود: حجمه، وأكثر تسمياته الحقيقية شيوعًا، والصور الأقرب إلى مركزه، وهي تُظهر ما يراه النموذج في العنقود.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="77" />
        <source>How many images of each true label (columns) fell in each cluster (rows). A good clustering has one bright cell in each row and column.</source>
        <translation>كم صورة من كل تسمية حقيقية (الأعمدة) وقعت في كل عنقود (الصفوف). التجميع الجيد فيه خلية ساطعة واحدة في كل صف وعمود.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="79" />
        <source>Input images above the auto-encoder's reconstructions of them.</source>
        <translation>صور الإدخال فوق ما يعيد المرمّز التلقائي بناءه منها.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="80" />
        <source>The settings of the run. A setting outside its range is marked and explained below the form, and Start stays off until it is fixed.</source>
        <translation>إعدادات التشغيل. الإعداد الخارج عن نطاقه يُعلَّم ويُشرح أسفل النموذج، ويبقى زر البدء معطّلًا حتى يُصحَّح.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="87" />
        <source>Run the last run again from exactly the same start (same settings, seed and data)</source>
        <translation>أعد تشغيل آخر تشغيل من البداية نفسها تمامًا (الإعدادات والبذرة والبيانات نفسها)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="92" />
        <source>Train on the data set shown in the Data tab</source>
        <translation>درّب على مجموعة البيانات المعروضة في تبويب البيانات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="93" />
        <source>Run one more epoch, then pause</source>
        <translation>شغّل حقبة واحدة أخرى ثم توقّف مؤقتًا</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="112" />
        <source>Curves</source>
        <translation>المنحنيات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="113" />
        <source>Clusters</source>
        <translation>العناقيد</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="114" />
        <source>Confusion</source>
        <translation>الالتباس</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="115" />
        <location filename="../ui/cluster/cluster_page.cpp" line="268" />
        <source>Reconstructions</source>
        <translation>إعادة البناء</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="116" />
        <source>Runs</source>
        <translation>التشغيلات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="117" />
        <source>Invariance</source>
        <translation>الثبات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="118" />
        <source>Losses and clustering quality per epoch</source>
        <translation>الخسائر وجودة التجميع لكل حقبة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="119" />
        <source>Per cluster: its size, its most common true label, and its most central images</source>
        <translation>لكل عنقود: حجمه، وأكثر تسمياته الحقيقية شيوعًا، وأكثر صوره مركزيةً</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="120" />
        <source>How many images of each true label fell in each cluster</source>
        <translation>كم صورة من كل تسمية حقيقية وقعت في كل عنقود</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="121" />
        <source>Input images above what the auto-encoder makes of them</source>
        <translation>صور الإدخال فوق ما يصنعه منها المرمّز التلقائي</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="122" />
        <source>Every run of this session and the run folders you opened; select two to compare their curves</source>
        <translation>كل تشغيلات هذه الجلسة ومجلدات التشغيل التي فتحتها؛ اختر اثنين لمقارنة منحنياتهما</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="123" />
        <source>How much each layer's features change when the images are rotated or flipped, per run</source>
        <translation>مقدار تغير سمات كل طبقة عند تدوير الصور أو قلبها، لكل تشغيل</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="142" />
        <source>Choose a data set in the Data tab, set up the run, and press Start.</source>
        <translation>اختر مجموعة بيانات في تبويب البيانات، واضبط التشغيل، ثم اضغط ابدأ.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="184" />
        <source>Starting %1 on %2…</source>
        <translation>بدء %1 على %2…</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="209" />
        <source>There is no finished run to export yet.</source>
        <translation>لا يوجد تشغيل منتهٍ لتصديره بعد.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="211" />
        <source>'%1': could not be written</source>
        <translation>'%1': تعذّرت الكتابة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="219" />
        <source>'%1' is not a view; expected latent, losses, metrics, confusion or invariance</source>
        <translation>'%1' ليس عرضاً؛ المتوقع latent أو losses أو metrics أو confusion أو invariance</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="246" />
        <source>Cluster %1: %2 images</source>
        <translation>العنقود %1: %2 صورة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="250" />
        <source>, mostly %1 (%2 %)</source>
        <translation>، غالبًا %1 (%2 %)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="256" />
        <source>, re-seeded with half of cluster %1 after this epoch</source>
        <translation>، أُعيد بذره بنصف العنقود %1 بعد هذه الحقبة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="258" />
        <source>, re-split with cluster %1 after this epoch</source>
        <translation>، أُعيد تقسيمه مع العنقود %1 بعد هذه الحقبة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="268" />
        <source>Inputs</source>
        <translation>المدخلات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="280" />
        <source>Data set</source>
        <translation>مجموعة البيانات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="280" />
        <source>Method</source>
        <translation>الطريقة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="280" />
        <source>Epochs</source>
        <translation>الحقب</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="280" />
        <source>Lambda</source>
        <translation>لامدا</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="280" />
        <source>Batch</source>
        <translation>الدفعة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="281" />
        <source>Supervision, regularisation, read-out</source>
        <translation>الإشراف، التنظيم، قراءة العناقيد</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="281" />
        <source>ACC</source>
        <translation>ACC</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="281" />
        <source>NMI</source>
        <translation>NMI</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="282" />
        <source>ARI</source>
        <translation>ARI</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="282" />
        <source>Status / folder</source>
        <translation>الحالة / المجلد</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="288" />
        <source>Select one run to see its curves, two to overlay them (the second dashed).</source>
        <translation>اختر تشغيلًا واحدًا لترى منحنياته، أو اثنين لتراكبهما (الثاني متقطّع).</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="290" />
        <source>Open run folder…</source>
        <translation>افتح مجلد تشغيل…</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="293" />
        <source>Open a run folder</source>
        <translation>افتح مجلد تشغيل</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="314" />
        <source>There is no run to measure yet: train one or open a run folder in the Runs tab.</source>
        <translation>لا يوجد تشغيل لقياسه بعد: درّب واحداً أو افتح مجلد تشغيل في لسان التشغيلات.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="315" />
        <source>Load the data set the runs were trained on first.</source>
        <translation>حمّل أولاً مجموعة البيانات التي دُرّبت عليها التشغيلات.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="316" />
        <source>The invariance study is still measuring.</source>
        <translation>دراسة الثبات ما زالت تقيس.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="326" />
        <source>Could not open the run: %1</source>
        <translation>تعذّر فتح التشغيل: %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="340" />
        <source>%1, first %2 labels</source>
        <translation>%1، أول %2 تسمية</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="342" />
        <source>dropout %1</source>
        <translation>إسقاط %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="343" />
        <source>weight decay %1</source>
        <translation>اضمحلال الأوزان %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="344" />
        <source>batch norm</source>
        <translation>تطبيع الدفعات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="345" />
        <source>on the GPU</source>
        <translation>على معالج الرسوميات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="346" />
        <source>augmentation</source>
        <translation>التعزيز</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="347" />
        <source>nearest-centre read-out</source>
        <translation>قراءة بأقرب مركز</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="348" />
        <source>trained on the read-out</source>
        <translation>مُدرَّب على القراءة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="349" />
        <source>boundaries re-split</source>
        <translation>حدود أُعيد تقسيمها</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="352" />
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="371" />
        <source>run %1</source>
        <translation>التشغيل %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="384" />
        <source>Run failed: %1</source>
        <translation>فشل التشغيل: %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="386" />
        <source>Run %1 after %2 epochs in %3 (%4 images/s).%5%6%7 Saved in %8</source>
        <translation>التشغيل %1 بعد %2 حقبة في %3 (%4 صورة/ث).%5%6%7 حُفظ في %8</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="387" />
        <source>finished</source>
        <translation>انتهى</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="387" />
        <source>stopped</source>
        <translation>توقّف</translation>
    </message>
    <message>
        <location filename="../ui/cluster/cluster_page.cpp" line="402" />
        <source>Resume</source>
        <translation>استأنف</translation>
    </message>
</context>
<context>
    <name>dcs::ui::ConfusionView</name>
    <message>
        <location filename="../ui/cluster/confusion_view.cpp" line="23" />
        <source>Clusters against true labels (counts)</source>
        <translation>العناقيد مقابل التسميات الحقيقية (أعداد)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/confusion_view.cpp" line="24" />
        <source>true label</source>
        <translation>التسمية الحقيقية</translation>
    </message>
    <message>
        <location filename="../ui/cluster/confusion_view.cpp" line="25" />
        <source>cluster</source>
        <translation>العنقود</translation>
    </message>
    <message>
        <location filename="../ui/cluster/confusion_view.cpp" line="31" />
        <source>images</source>
        <translation>صور</translation>
    </message>
</context>
<context>
    <name>dcs::ui::DatasetFactsView</name>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="37" />
        <source>Data set:</source>
        <translation>مجموعة البيانات:</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="38" />
        <source>Source:</source>
        <translation>المصدر:</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="39" />
        <source>Images:</source>
        <translation>الصور:</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="40" />
        <source>Shape (C × H × W):</source>
        <translation>الشكل (C × H × W):</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="41" />
        <source>Classes:</source>
        <translation>الفئات:</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="42" />
        <source>Pixels:</source>
        <translation>البكسلات:</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="45" />
        <source>Class</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="45" />
        <source>Images</source>
        <translation>الصور</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="45" />
        <source>Share</source>
        <translation>النسبة</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="54" />
        <source>images</source>
        <translation>صور</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="55" />
        <source>Images per class</source>
        <translation>الصور لكل فئة</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="70" />
        <source>none (unlabelled)</source>
        <translation>لا شيء (بلا تسميات)</translation>
    </message>
    <message>
        <location filename="../ui/data/dataset_facts_view.cpp" line="72" />
        <source>mean %1, std %2, range [%3, %4]</source>
        <translation>المتوسط %1، الانحراف المعياري %2، المدى [%3، %4]</translation>
    </message>
</context>
<context>
    <name>dcs::ui::FilterCurvesView</name>
    <message>
        <location filename="../ui/filters/filter_curves_view.cpp" line="15" />
        <source>Accuracy: dense training, pruning, fine-tuning</source>
        <translation>الدقة: تدريب الشبكة الكاملة، ثم التقليم، ثم الضبط الدقيق</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_curves_view.cpp" line="16" />
        <source>epoch</source>
        <translation>الحقبة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_curves_view.cpp" line="17" />
        <source>accuracy</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_curves_view.cpp" line="27" />
        <source>train</source>
        <translation>التدريب</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_curves_view.cpp" line="28" />
        <source>validation</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_curves_view.cpp" line="29" />
        <source>test</source>
        <translation>الاختبار</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_curves_view.cpp" line="37" />
        <source>test, just pruned</source>
        <translation>الاختبار، بعد التقليم مباشرة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_curves_view.cpp" line="89" />
        <source> pruned (%1)</source>
        <translation> قُلِّمت (%1)</translation>
    </message>
</context>
<context>
    <name>dcs::ui::FilterForm</name>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="17" />
        <source>Fill the form with ready-made settings</source>
        <translation>املأ النموذج بإعدادات جاهزة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="19" />
        <source>vgg16: 13 convs with batch norm, every one prunable.
resnet20 / resnet32: residual nets; only the first conv of each block is pruned.</source>
        <translation>vgg16: ‏13 طبقة التفاف مع تطبيع الدُّفعات، كلها قابلة للتقليم.
resnet20 / resnet32: شبكات متبقية؛ تُقلَّم أول طبقة التفاف في كل كتلة فقط.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="22" />
        <source>Multiplies every channel count (1: the papers' nets; 0.25 trains on a laptop)</source>
        <translation>يضرب عدد القنوات كلها (1: شبكات الأوراق البحثية؛ 0.25 تتدرب على حاسوب محمول)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="26" />
        <source>How filters are ranked: relevance = votes for filters whose feature map overlaps the image's Grad-CAM region; the others are the baselines</source>
        <translation>كيف تُرتَّب المرشحات: relevance = أصوات للمرشحات التي تتداخل خريطة سماتها مع منطقة Grad-CAM في الصورة؛ والبقية معايير المقارنة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="29" />
        <source>Fraction of the dense net's FLOPs to remove, in (0, 1)</source>
        <translation>نسبة عمليات الفاصلة العائمة التي تُزال من الشبكة الكاملة، في (0، 1)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="30" />
        <location filename="../ui/filters/filter_form.cpp" line="32" />
        <source> epoch</source>
        <translation> حقبة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="30" />
        <location filename="../ui/filters/filter_form.cpp" line="32" />
        <source> epochs</source>
        <translation> حقبة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="31" />
        <source>Training epochs of the dense net (1 or more)</source>
        <translation>حقب تدريب الشبكة الكاملة (1 أو أكثر)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="33" />
        <source>Fine-tuning epochs after pruning (0: none)</source>
        <translation>حقب الضبط الدقيق بعد التقليم (0: بلا ضبط)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="34" />
        <source>Training learning rate, cosine-annealed</source>
        <translation>معدل تعلّم التدريب، يتناقص وفق جيب التمام</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="36" />
        <source>Fine-tuning learning rate, cosine-annealed</source>
        <translation>معدل تعلّم الضبط الدقيق، يتناقص وفق جيب التمام</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="37" />
        <location filename="../ui/filters/filter_form.cpp" line="38" />
        <location filename="../ui/filters/filter_form.cpp" line="68" />
        <source> images</source>
        <translation> صورة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="37" />
        <source>Mini-batch size</source>
        <translation>حجم الدفعة الصغيرة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="39" />
        <source>Training images the criteria look at (Grad-CAM, feature maps) and the re-fit uses</source>
        <translation>صور التدريب التي تفحصها المعايير (Grad-CAM وخرائط السمات) ويستخدمها إعادة الملاءمة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="40" />
        <location filename="../ui/filters/filter_form.cpp" line="45" />
        <source> filters</source>
        <translation> مرشحات</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="40" />
        <source>Never fewer filters in a conv</source>
        <translation>لا يقل عدد المرشحات في طبقة الالتفاف عن هذا</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="42" />
        <source>How many filters each conv keeps: uniform = the same share of every conv; latency = first where removing them saves the most time per FLOP (convs timed on this machine when pruning starts): a faster net, usually less accurate</source>
        <translation>عدد المرشحات التي تُبقيها كل طبقة التفاف: uniform = الحصة نفسها من كل طبقة؛ latency = يُحذف أولًا حيث يوفّر الحذف أكبر زمن لكل عملية (تُقاس أزمنة الطبقات على هذا الجهاز عند بدء التقليم): شبكة أسرع، وعادةً أقل دقة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="46" />
        <source>Kept filters are rounded to a multiple of this in convs of twice as many or more, to halves of it in narrower ones: CPU convolutions work in blocks of 16 channels (AVX-512) or 8 (AVX2), so 20 filters cost about what 32 do (0: this CPU's block; 1: the exact share)</source>
        <translation>يُقرَّب عدد المرشحات المُبقاة إلى مضاعف لهذا العدد في طبقات الالتفاف التي فيها ضعفه أو أكثر، وإلى مضاعف نصفه في الأضيق منها: التفافات المعالج تعمل بكتل من 16 قناة (AVX-512) أو 8 (AVX2)، فكلفة 20 مرشحًا تقارب كلفة 32 (0: كتلة هذا المعالج؛ 1: الحصة الدقيقة)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="54" />
        <source>Relevance: each image votes for its top-l filters by alignment; l = the filters kept (keep), half the layer (half), the filters removed (removed), or a fraction of the layer (type any, e.g. 0.1)</source>
        <translation>relevance: تصوّت كل صورة لأعلى l مرشحًا بحسب المحاذاة؛ l = المرشحات المُبقاة (keep)، أو نصف الطبقة (half)، أو المرشحات المُزالة (removed)، أو نسبة من الطبقة (اكتب أي نسبة، مثل 0.1)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="58" />
        <source>Relevance: how a filter's map is compared with an image's Grad-CAM mask: response = its mean inside the mask (how strongly it fires where the class decision lies); iou = the overlap of its thresholded map with the mask (METHODS.md; ignores how strongly it fires)</source>
        <translation>relevance: كيف تُقارن خريطة المرشح بقناع Grad-CAM للصورة: response = متوسطها داخل القناع (مدى قوة استجابة المرشح حيث يقوم قرار الصنف)؛ iou = تداخل خريطته بعد العتبة مع القناع (METHODS.md؛ يتجاهل قوة الاستجابة)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="61" />
        <source>re-fit the next layer by least squares</source>
        <translation>أعد ملاءمة الطبقة التالية بالمربعات الصغرى</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="64" />
        <source>Relevance with iou: a filter's mask is where its upsampled map reaches this quantile of its values over all probe images (0.995: the top half percent)</source>
        <translation>relevance مع iou: قناع المرشح حيث تبلغ خريطته المكبَّرة هذا المئين من قيمها على كل صور الفحص (0.995: أعلى نصف في المئة)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="67" />
        <source>Relevance: an image's semantic mask is this top share of its Grad-CAM map</source>
        <translation>relevance: القناع الدلالي للصورة هو هذه الحصة العليا من خريطة Grad-CAM الخاصة بها</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="68" />
        <source>Train on at most N images; 0 uses all</source>
        <translation>درِّب على N صورة على الأكثر؛ 0 يستخدم الكل</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="69" />
        <source>Same seed, config and data: the same run</source>
        <translation>البذرة نفسها والإعدادات نفسها والبيانات نفسها: التشغيل نفسه</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="72" />
        <source>this CPU's block</source>
        <translation>كتلة هذا المعالج</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="73" />
        <source>all images</source>
        <translation>كل الصور</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="75" />
        <source>After removing filters, fit the kernels of the layer that reads them so that its outputs match the unpruned net's</source>
        <translation>بعد إزالة المرشحات، لاءم نوى الطبقة التي تقرؤها كي تطابق مخرجاتها مخرجات الشبكة غير المقلَّمة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="77" />
        <source>Default</source>
        <translation>الافتراضي</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="78" />
        <source>Demo (under a minute)</source>
        <translation>عرض توضيحي (أقل من دقيقة)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="83" />
        <source>Settings:</source>
        <translation>الإعدادات:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="84" />
        <source>Network:</source>
        <translation>الشبكة:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="85" />
        <source>Width:</source>
        <translation>العرض:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="86" />
        <source>Criterion:</source>
        <translation>المعيار:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="87" />
        <source>FLOPs reduction:</source>
        <translation>خفض العمليات:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="88" />
        <source>Epochs:</source>
        <translation>الحقب:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="89" />
        <source>Fine-tuning:</source>
        <translation>الضبط الدقيق:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="90" />
        <source>Learning rate:</source>
        <translation>معدل التعلم:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="91" />
        <source>Fine-tuning rate:</source>
        <translation>معدل الضبط الدقيق:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="92" />
        <source>Batch:</source>
        <translation>الدفعة:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="93" />
        <source>Probe:</source>
        <translation>عينة الفحص:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="94" />
        <source>Minimum filters:</source>
        <translation>أدنى عدد للمرشحات:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="95" />
        <source>Allocation:</source>
        <translation>التوزيع:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="96" />
        <source>Channel multiple:</source>
        <translation>مضاعف القنوات:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="98" />
        <source>Alignment:</source>
        <translation>المحاذاة:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="99" />
        <source>Unit quantile:</source>
        <translation>مئين المرشح:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="100" />
        <source>Grad-CAM share:</source>
        <translation>حصة Grad-CAM:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="101" />
        <source>Votes per image:</source>
        <translation>الأصوات لكل صورة:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="102" />
        <source>Limit:</source>
        <translation>الحد:</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_form.cpp" line="103" />
        <source>Seed:</source>
        <translation>البذرة:</translation>
    </message>
</context>
<context>
    <name>dcs::ui::FilterInspectorView</name>
    <message>
        <location filename="../ui/filters/filter_inspector_view.cpp" line="49" />
        <source>Choose a filter in the heatmap above to see where it fires and where Grad-CAM looks.</source>
        <translation>اختر مرشحًا في الخريطة الحرارية أعلاه لترى أين ينشط وأين ينظر Grad-CAM.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_inspector_view.cpp" line="60" />
        <location filename="../ui/filters/filter_inspector_view.cpp" line="68" />
        <source>The images behind each filter's score are shown for the relevance criterion.</source>
        <translation>تُعرض الصور التي تقف وراء درجة كل مرشح لمعيار relevance.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_inspector_view.cpp" line="67" />
        <source>No such filter.</source>
        <translation>لا يوجد مرشح كهذا.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_inspector_view.cpp" line="78" />
        <source>&lt;b&gt;Filter's feature map&lt;/b&gt;</source>
        <translation>&lt;b&gt;خريطة سمات المرشح&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_inspector_view.cpp" line="79" />
        <source>&lt;b&gt;Grad-CAM, mask outlined&lt;/b&gt;</source>
        <translation>&lt;b&gt;Grad-CAM، مع تحديد القناع&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_inspector_view.cpp" line="93" />
        <source>IoU %1</source>
        <translation>IoU ‏%1</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_inspector_view.cpp" line="93" />
        <source>response %1</source>
        <translation>الاستجابة ‏%1</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_inspector_view.cpp" line="104" />
        <source>%1, filter %2: the %3 probe images whose Grad-CAM region it overlaps most.</source>
        <translation>%1، المرشح %2: صور الفحص الـ%3 التي يتداخل مع منطقة Grad-CAM فيها أكثر من غيرها.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_inspector_view.cpp" line="105" />
        <source>%1, filter %2: the %3 probe images on whose Grad-CAM region it fires most.</source>
        <translation>%1، المرشح %2: صور الفحص الـ%3 التي يستجيب على منطقة Grad-CAM فيها بأقوى ما يكون.</translation>
    </message>
</context>
<context>
    <name>dcs::ui::FilterPage</name>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="54" />
        <source>Start</source>
        <translation>ابدأ</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="55" />
        <source>Compare all criteria</source>
        <translation>قارن كل المعايير</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="56" />
        <location filename="../ui/filters/filter_page.cpp" line="195" />
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="57" />
        <source>Step one epoch</source>
        <translation>تقدّم حقبة واحدة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="58" />
        <source>Stop</source>
        <translation>أوقف</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="81" />
        <source>Train the CNN on the data set shown in the Data tab (20% held out for testing), prune its filters to the FLOPs target, re-fit and fine-tune</source>
        <translation>درّب الشبكة الالتفافية على مجموعة البيانات المعروضة في لسان البيانات (يُحجز 20% للاختبار)، وقلّم مرشحاتها حتى هدف العمليات، ثم أعد الملاءمة واضبطها</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="83" />
        <source>Train once, then prune the same net by every criterion to the same FLOPs and fine-tune each alike; the results fill the Comparison table</source>
        <translation>درّب مرة واحدة، ثم قلّم الشبكة نفسها بكل معيار إلى العمليات نفسها واضبط كلًّا منها بالطريقة نفسها؛ تملأ النتائج جدول المقارنة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="85" />
        <source>Run one more epoch, then pause</source>
        <translation>شغّل حقبة واحدة أخرى ثم توقّف مؤقتًا</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="86" />
        <source>Every filter (column) of every prunable conv (row) at the pruning step: its score scaled from the layer's lowest to its highest. Viridis: kept; vermillion: removed.</source>
        <translation>كل مرشح (عمود) في كل طبقة التفاف قابلة للتقليم (صف) عند خطوة التقليم: درجته مقيسة من أدنى درجة في الطبقة إلى أعلاها. ألوان viridis: أُبقي عليه؛ البرتقالي المحمر: أُزيل.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="89" />
        <source>For the chosen filter, the probe images whose Grad-CAM region its feature map aligns with best: the filter's map over the image, and Grad-CAM with its mask outlined.</source>
        <translation>للمرشح المختار، صور الفحص التي تتوافق خريطة سماته مع منطقة Grad-CAM فيها أكثر من غيرها: خريطة المرشح فوق الصورة، وGrad-CAM مع تحديد قناعه.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="92" />
        <source>Each criterion prunes the same trained net to the same FLOPs; accuracy right after pruning and after fine-tuning, and the smaller net's measured speed. A fine-tuned accuracy in grey is within chance of the first row's, paired on the same test images (hover for the counts).</source>
        <translation>كل معيار يقلّم الشبكة المدرَّبة نفسها إلى العمليات نفسها؛ الدقة بعد التقليم مباشرة وبعد الضبط الدقيق، وسرعة الشبكة الأصغر المقيسة. الدقة بعد الضبط باللون الرمادي ضمن حدود الصدفة مقارنةً بالصف الأول، على صور الاختبار نفسها (مرّر المؤشر لترى الأعداد).</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="96" />
        <source>dense acc.</source>
        <translation>دقة الكاملة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="96" />
        <source>pruned</source>
        <translation>بعد التقليم</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="96" />
        <source>fine-tuned</source>
        <translation>بعد الضبط</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="96" />
        <source>change</source>
        <translation>التغير</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="96" />
        <source>parameters</source>
        <translation>المعاملات</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="97" />
        <source>FLOPs</source>
        <translation>العمليات</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="97" />
        <source>ms / 256</source>
        <translation>مللي ثانية / 256</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="97" />
        <source>speed-up</source>
        <translation>التسريع</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="116" />
        <source>Relevance</source>
        <translation>الأهمية</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="117" />
        <source>Curves</source>
        <translation>المنحنيات</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="118" />
        <source>Comparison</source>
        <translation>المقارنة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="119" />
        <source>Per filter: its score and whether it stayed; a chosen filter's best-aligned images</source>
        <translation>لكل مرشح: درجته وهل بقي؛ وأكثر الصور توافقًا مع المرشح المختار</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="120" />
        <source>Accuracy while training the dense net and fine-tuning the pruned one</source>
        <translation>الدقة أثناء تدريب الشبكة الكاملة وضبط الشبكة المقلَّمة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="121" />
        <source>Every criterion at the same FLOPs: accuracy, size and speed</source>
        <translation>كل معيار عند العمليات نفسها: الدقة والحجم والسرعة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="133" />
        <source>Choose a labelled data set in the Data tab, set up the run, and press Start.</source>
        <translation>اختر مجموعة بيانات موسومة في لسان البيانات، وأعدّ التشغيل، واضغط بدء.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="151" />
        <source>'%1' has no labels; filter pruning trains a classifier and needs them.</source>
        <translation>‏'%1' بلا تسميات؛ تقليم المرشحات يدرّب مصنِّفًا ويحتاج إليها.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="166" />
        <source>Training a %1 (width %2) on %3, then pruning by %4…</source>
        <translation>تدريب %1 (العرض %2) على %3، ثم التقليم بمعيار %4…</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="184" />
        <source>Training the dense net once, then pruning it by every criterion…</source>
        <translation>تدريب الشبكة الكاملة مرة واحدة، ثم تقليمها بكل معيار…</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="195" />
        <source>Resume</source>
        <translation>استأنف</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="226" />
        <source>The run failed: %1</source>
        <translation>فشل التشغيل: %1</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="227" />
        <source>Run %1: %2</source>
        <translation>التشغيل %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="252" />
        <source>Against %1 on the same test images: %1 alone gets %2 right, %3 alone %4; McNemar's p = %5 (above 0.05: within chance)</source>
        <translation>مقارنةً بـ %1 على صور الاختبار نفسها: يصيب %1 وحده %2، ويصيب %3 وحده %4؛ قيمة p لاختبار مكنمار = %5 (فوق 0.05: ضمن حدود الصدفة)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="269" />
        <source>Filters %1 → %2
Parameters %3 → %4
FLOPs per image %5 → %6 (−%7%)
Test accuracy %8 → %9 (%10 before fine-tuning)
Latency, batch 256: %11 → %12 ms (%13x faster)</source>
        <translation>المرشحات %1 ← %2
المعاملات %3 ← %4
العمليات لكل صورة %5 ← %6 (−%7%)
دقة الاختبار %8 ← %9 (%10 قبل الضبط الدقيق)
زمن الاستدلال، دفعة 256: %11 ← %12 مللي ثانية (أسرع %13 مرة)</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="297" />
        <source>There is no comparison to export yet.</source>
        <translation>لا توجد مقارنة لتصديرها بعد.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="307" />
        <location filename="../ui/filters/filter_page.cpp" line="314" />
        <source>'%1': could not be written</source>
        <translation>'%1': تعذّرت الكتابة</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="311" />
        <source>No filter is shown in the inspector yet.</source>
        <translation>لا يُعرض أي مرشح في أداة الفحص بعد.</translation>
    </message>
    <message>
        <location filename="../ui/filters/filter_page.cpp" line="320" />
        <source>'%1' is not a view; expected relevance, curves, inspector or comparison-csv</source>
        <translation>‏'%1' ليس عرضًا؛ المتوقع relevance أو curves أو inspector أو comparison-csv</translation>
    </message>
</context>
<context>
    <name>dcs::ui::FilterRunController</name>
    <message>
        <location filename="../ui/run/filter_run_controller.cpp" line="48" />
        <source>A run is already in progress; stop it first.</source>
        <translation>هناك تشغيل جارٍ بالفعل؛ أوقفه أولًا.</translation>
    </message>
</context>
<context>
    <name>dcs::ui::GalleryModel</name>
    <message>
        <location filename="../ui/data/gallery_model.cpp" line="47" />
        <source>Image %1</source>
        <translation>الصورة %1</translation>
    </message>
    <message>
        <location filename="../ui/data/gallery_model.cpp" line="49" />
        <source>
Label %1: %2</source>
        <translation>
التسمية %1: %2</translation>
    </message>
</context>
<context>
    <name>dcs::ui::InvarianceView</name>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="22" />
        <source>Measure invariance</source>
        <translation>قياس الثبات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="24" />
        <source>relative to the features' mean square</source>
        <translation>نسبةً إلى متوسط مربع السمات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="28" />
        <source>Measure the runs selected in the Runs tab (all listed runs when none is selected) on the first 1000 images of the current data set</source>
        <translation>قياس التشغيلات المحددة في لسان التشغيلات (كل التشغيلات المدرجة إن لم يُحدد شيء) على أول 1000 صورة من مجموعة البيانات الحالية</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="31" />
        <source>mean of the transforms</source>
        <translation>متوسط التحويلات</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="36" />
        <source>Divide each layer's MSE by the mean squared feature of the original images, so layers and models of different scales compare</source>
        <translation>قسمة متوسط مربع الخطأ لكل طبقة على متوسط مربع سمات الصور الأصلية، لتُقارن الطبقات والنماذج ذات المقاييس المختلفة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="40" />
        <source>Feature change under rotations and flips, per layer</source>
        <translation>تغير السمات تحت التدوير والقلب، لكل طبقة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="41" />
        <source>layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="47" />
        <source>Train a run (or open run folders in the Runs tab), then measure how its features change when the images are rotated by 90, 180 or 270 degrees or flipped. Lower is more invariant.</source>
        <translation>درّب تشغيلاً (أو افتح مجلدات تشغيل في لسان التشغيلات)، ثم قس كيف تتغير سماته عند تدوير الصور 90 أو 180 أو 270 درجة أو قلبها. الأدنى أكثر ثباتاً.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="49" />
        <source>For each model, the mean squared difference between the features of the original and of the transformed images, per encoder layer. A layer whose line stays low ignores that transform.</source>
        <translation>لكل نموذج، متوسط مربع الفرق بين سمات الصور الأصلية والمحوّلة، لكل طبقة من المُرمِّز. الطبقة التي يبقى خطها منخفضاً تتجاهل ذلك التحويل.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="54" />
        <source>Transform:</source>
        <translation>التحويل:</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="71" />
        <source>Could not measure invariance: %1</source>
        <translation>تعذر قياس الثبات: %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="82" />
        <source>Measuring the models of %1 run(s)…</source>
        <translation>جارٍ قياس نماذج %1 تشغيل…</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="98" />
        <source>Models of %1 run(s) measured on %2 images. Lower is more invariant.</source>
        <translation>قيست نماذج %1 تشغيل على %2 صورة. الأدنى أكثر ثباتاً.</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="119" />
        <source>MSE / mean squared feature</source>
        <translation>متوسط مربع الخطأ / متوسط مربع السمة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/invariance_view.cpp" line="119" />
        <source>feature MSE</source>
        <translation>متوسط مربع خطأ السمات</translation>
    </message>
</context>
<context>
    <name>dcs::ui::LatentScatterView</name>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="36" />
        <source>Colour by true label</source>
        <translation>لوّن حسب التسمية الحقيقية</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="57" />
        <source>principal component 1</source>
        <translation>المكوّن الرئيسي 1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="58" />
        <source>principal component 2</source>
        <translation>المكوّن الرئيسي 2</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="72" />
        <source>Latent space (PCA of the codes)</source>
        <translation>الفضاء الكامن (تحليل المكونات الرئيسية للشفرات)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="82" />
        <source>Shift + drag on the plot to see the images inside a rectangle</source>
        <translation>Shift مع السحب على الرسم لترى الصور داخل مستطيل</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="114" />
        <source>image %1
cluster %2</source>
        <translation>الصورة %1
العنقود %2</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="117" />
        <source>
label %1</source>
        <translation>
التسمية %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="157" />
        <source>No point inside the rectangle</source>
        <translation>لا توجد نقطة داخل المستطيل</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="158" />
        <source>%1 selected%2</source>
        <translation>تم تحديد %1%2</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="159" />
        <source>1 image</source>
        <translation>صورة واحدة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="159" />
        <source>%1 images</source>
        <translation>%1 صورة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="160" />
        <source>, the first %1 shown</source>
        <translation>، تظهر أول %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="206" />
        <source>unlabelled</source>
        <translation>بلا تسمية</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="206" />
        <source>label %1</source>
        <translation>التسمية %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="206" />
        <source>cluster %1</source>
        <translation>العنقود %1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/latent_scatter_view.cpp" line="215" />
        <source>centres</source>
        <translation>المراكز</translation>
    </message>
</context>
<context>
    <name>dcs::ui::LayerWidthsView</name>
    <message>
        <location filename="../ui/prune/layer_widths_view.cpp" line="22" />
        <source>Units per layer</source>
        <translation>الوحدات في كل طبقة</translation>
    </message>
    <message>
        <location filename="../ui/prune/layer_widths_view.cpp" line="23" />
        <source>units</source>
        <translation>وحدات</translation>
    </message>
    <message>
        <location filename="../ui/prune/layer_widths_view.cpp" line="29" />
        <source>before pruning</source>
        <translation>قبل التقليم</translation>
    </message>
    <message>
        <location filename="../ui/prune/layer_widths_view.cpp" line="33" />
        <source>alive now</source>
        <translation>الحيّة الآن</translation>
    </message>
    <message>
        <location filename="../ui/prune/layer_widths_view.cpp" line="64" />
        <source>
(not pruned)</source>
        <translation>
(لا تُقلَّم)</translation>
    </message>
    <message>
        <location filename="../ui/prune/layer_widths_view.cpp" line="72" />
        <source>alive now (%1 weights, %2% of %3)</source>
        <translation>الحيّة الآن (%1 وزنًا، %2% من %3)</translation>
    </message>
</context>
<context>
    <name>dcs::ui::MainWindow</name>
    <message>
        <location filename="../ui/main/main_window.cpp" line="60" />
        <source>dcstudio: Deep Clustering &amp; Compression Studio</source>
        <translation>dcstudio: استوديو التجميع العميق وضغط الشبكات</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="68" />
        <source>Loading %1…</source>
        <translation>جارٍ تحميل %1…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="78" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="79" />
        <source>Open &amp;File…</source>
        <translation>افتح &amp;ملفًا…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="81" />
        <source>Open an IDX images file (raw or .gz) or a CSV table</source>
        <translation>افتح ملف صور IDX (خام أو ‎.gz) أو جدول CSV</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="82" />
        <source>Open F&amp;older…</source>
        <translation>افتح م&amp;جلدًا…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="83" />
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="84" />
        <source>Open an image folder (one sub-folder per class), CIFAR-10 batches or MNIST JSON digits</source>
        <translation>افتح مجلد صور (مجلد فرعي لكل فئة) أو دفعات CIFAR-10 أو أرقام MNIST بصيغة JSON</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="86" />
        <source>Open &amp;Session…</source>
        <translation>افتح &amp;جلسة…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="87" />
        <source>Open session</source>
        <translation>افتح جلسة</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="87" />
        <location filename="../ui/main/main_window.cpp" line="92" />
        <source>dcstudio session (*.json)</source>
        <translation>جلسة dcstudio (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="90" />
        <source>Sa&amp;ve Session…</source>
        <translation>احف&amp;ظ الجلسة…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="91" />
        <source>Save session</source>
        <translation>احفظ الجلسة</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="96" />
        <source>&amp;Export</source>
        <translation>&amp;تصدير</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="97" />
        <source>Latent space…</source>
        <translation>الفضاء الكامن…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="98" />
        <source>Loss curves…</source>
        <translation>منحنيات الخسارة…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="99" />
        <source>Quality curves…</source>
        <translation>منحنيات الجودة…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="100" />
        <source>Confusion heatmap…</source>
        <translation>خريطة الالتباس الحرارية…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="103" />
        <location filename="../ui/main/main_window.cpp" line="123" />
        <location filename="../ui/main/main_window.cpp" line="145" />
        <source>Export plot</source>
        <translation>صدّر الرسم</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="104" />
        <location filename="../ui/main/main_window.cpp" line="124" />
        <location filename="../ui/main/main_window.cpp" line="146" />
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>صورة PNG (*.png);;مستند PDF (*.pdf);;رسم SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="108" />
        <location filename="../ui/main/main_window.cpp" line="128" />
        <source>Metrics per epoch (CSV)…</source>
        <translation>المقاييس لكل حقبة (CSV)…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="109" />
        <source>Cluster assignments (CSV)…</source>
        <translation>إسناد العناقيد (CSV)…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="112" />
        <location filename="../ui/main/main_window.cpp" line="135" />
        <location filename="../ui/main/main_window.cpp" line="155" />
        <source>Export table</source>
        <translation>صدّر الجدول</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="114" />
        <location filename="../ui/main/main_window.cpp" line="137" />
        <location filename="../ui/main/main_window.cpp" line="156" />
        <source>CSV table (*.csv)</source>
        <translation>جدول CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="117" />
        <source>Export &amp;Pruning</source>
        <translation>تصدير ال&amp;تقليم</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="118" />
        <source>Accuracy and weights…</source>
        <translation>الدقة والأوزان…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="119" />
        <source>Vote heatmap…</source>
        <translation>خريطة الأصوات الحرارية…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="120" />
        <source>Layer widths…</source>
        <translation>عروض الطبقات…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="129" />
        <source>Scores at each pruning event (CSV)…</source>
        <translation>الدرجات عند كل حدث تقليم (CSV)…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="130" />
        <source>The dense net's metrics per epoch (CSV)…</source>
        <translation>مقاييس الشبكة الكثيفة لكل حقبة (CSV)…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="132" />
        <source>Ablation table (CSV)…</source>
        <translation>جدول المقارنة (CSV)…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="140" />
        <source>Export &amp;Filters</source>
        <translation>تصدير ال&amp;مرشحات</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="141" />
        <source>Filter score heatmap…</source>
        <translation>الخريطة الحرارية لدرجات المرشحات…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="142" />
        <source>Accuracy curves…</source>
        <translation>منحنيات الدقة…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="149" />
        <source>Chosen filter's images…</source>
        <translation>صور المرشح المختار…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="150" />
        <source>Export images</source>
        <translation>تصدير الصور</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="151" />
        <source>PNG image (*.png)</source>
        <translation>صورة PNG ‏(*.png)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="154" />
        <source>Criteria comparison (CSV)…</source>
        <translation>مقارنة المعايير (CSV)…</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="160" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="162" />
        <source>&amp;Settings</source>
        <translation>الإ&amp;عدادات</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="163" />
        <source>&amp;Language</source>
        <translation>الل&amp;غة</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="178" />
        <source>The language changes when dcstudio starts next.</source>
        <translation>تتغيّر اللغة عند التشغيل التالي لـ dcstudio.</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="181" />
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="183" />
        <source>What am I looking at?</source>
        <translation>ما الذي أنظر إليه؟</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="186" />
        <source>Data set</source>
        <translation>مجموعة البيانات</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="189" />
        <source>Data set: </source>
        <translation>مجموعة البيانات: </translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="196" />
        <source>A built-in data set, or FORMAT:PATH (idx, mnist-json, cifar10, folder, csv).
Options follow '?', e.g. shapes?count=5000&amp;size=32 or folder:/pets?size=64&amp;color=1&amp;limit=1000</source>
        <translation>مجموعة بيانات مدمجة، أو FORMAT:PATH (idx أو mnist-json أو cifar10 أو folder أو csv).
تأتي الخيارات بعد '?'، مثل shapes?count=5000&amp;size=32 أو folder:/pets?size=64&amp;color=1&amp;limit=1000</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="204" />
        <source>Load</source>
        <translation>حمّل</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="209" />
        <source> Thumbnail size: </source>
        <translation> حجم المصغّرات: </translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="243" />
        <source>Dismiss</source>
        <translation>إخفاء</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="265" />
        <source>Every image of the data set with its class. Only the images in view are drawn, so even 70,000 scroll smoothly. Rest the pointer on one for its index and label.</source>
        <translation>كل صور مجموعة البيانات مع فئاتها. لا تُرسم إلا الصور الظاهرة، لذا يتم التمرير بسلاسة حتى مع 70,000 صورة. أبقِ المؤشر على صورة لترى رقمها وتسميتها.</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="270" />
        <source>The facts of the data set: where it came from, how many images of what shape, their pixel statistics, and how many images each class has.</source>
        <translation>حقائق مجموعة البيانات: مصدرها، وعدد صورها وشكلها، وإحصاءات بكسلاتها، وعدد صور كل فئة.</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="290" />
        <source>Data</source>
        <translation>البيانات</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="291" />
        <source>Cluster</source>
        <translation>التجميع</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="294" />
        <source>Prune</source>
        <translation>التقليم</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="295" />
        <source>Train a classifier and prune its neurons by majority voting (or a baseline criterion)</source>
        <translation>درّب مصنِّفًا وقلِّم عصبوناته بتصويت الأغلبية (أو بمعيار مرجعي)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="298" />
        <source>Filters</source>
        <translation>المرشحات</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="299" />
        <source>Train a CNN and remove its least relevant conv filters to a FLOPs target</source>
        <translation>درّب شبكة التفافية وأزل أقل مرشحاتها أهمية حتى هدف العمليات</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="311" />
        <source>Data set name is empty: choose one from the list or type FORMAT:PATH.</source>
        <translation>اسم مجموعة البيانات فارغ: اختر واحدة من القائمة أو اكتب FORMAT:PATH.</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="319" />
        <source>Open data set file</source>
        <translation>افتح ملف مجموعة بيانات</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="320" />
        <source>Data set files (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz *.csv);;IDX images (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz);;CSV tables (*.csv);;All files (*)</source>
        <translation>ملفات مجموعات البيانات (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz *.csv);;صور IDX (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz);;جداول CSV (*.csv);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="327" />
        <source>Open data set folder</source>
        <translation>افتح مجلد مجموعة بيانات</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="342" />
        <source>%1: %2 images</source>
        <translation>%1: %2 صورة</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="343" />
        <source>%1 — dcstudio</source>
        <translation>%1 — dcstudio</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="344" />
        <source>%1 — %2 — dcstudio</source>
        <translation>%1 — %2 — dcstudio</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="350" />
        <source>Could not load %1: %2</source>
        <translation>تعذّر تحميل %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="350" />
        <source>(empty name)</source>
        <translation>(اسم فارغ)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="353" />
        <source>No data set loaded</source>
        <translation>لم تُحمَّل أي مجموعة بيانات</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="354" />
        <source>Still showing %1</source>
        <translation>ما زال المعروض %1</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="383" />
        <source>'%1': could not be written (%2)</source>
        <translation>'%1': تعذّرت الكتابة (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="387" />
        <source>Session saved to %1</source>
        <translation>حُفظت الجلسة في %1</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="396" />
        <source>'%1': cannot be read (%2)</source>
        <translation>'%1': تتعذّر القراءة (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="407" />
        <source>'%1': lesson: unknown setting '%2'; expected one of %3</source>
        <translation>'%1': الدرس: إعداد غير معروف '%2'؛ المتوقع واحد من %3</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="432" />
        <source>Lesson: %1</source>
        <translation>الدرس: %1</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="468" />
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
</context>
<context>
    <name>dcs::ui::PruneCurvesView</name>
    <message>
        <location filename="../ui/prune/prune_curves_view.cpp" line="12" />
        <source>Accuracy and weights in use</source>
        <translation>الدقة والأوزان المستخدمة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_curves_view.cpp" line="13" />
        <source>epoch</source>
        <translation>الحقبة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_curves_view.cpp" line="14" />
        <source>accuracy</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_curves_view.cpp" line="16" />
        <source>weights in use (% of the dense net)</source>
        <translation>الأوزان المستخدمة (% من الشبكة الكثيفة)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_curves_view.cpp" line="28" />
        <source>train</source>
        <translation>التدريب</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_curves_view.cpp" line="29" />
        <source>validation</source>
        <translation>التحقق</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_curves_view.cpp" line="30" />
        <source>test</source>
        <translation>الاختبار</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_curves_view.cpp" line="31" />
        <source>weights (right axis)</source>
        <translation>الأوزان (المحور الأيمن)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_curves_view.cpp" line="41" />
        <source>test, dense net (same epochs)</source>
        <translation>الاختبار، الشبكة الكثيفة (الحقب نفسها)</translation>
    </message>
</context>
<context>
    <name>dcs::ui::PruneForm</name>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="42" />
        <source>Fill the form with a ready-made schedule</source>
        <translation>املأ النموذج بجدول جاهز</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="44" />
        <source>fcn: fully connected. scn: the same with sparse connections evolved by SET.
cnn: three blocks of two 3x3 convs, then FC layers (only those are pruned unless asked).</source>
        <translation>fcn: كاملة الاتصال. scn: مثلها باتصالات متفرقة يطوّرها SET.
cnn: ثلاث كتل من التفافين 3x3 ثم طبقات كاملة الاتصال (تُقلَّم وحدها ما لم يُطلب غير ذلك).</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="46" />
        <source>the preset's</source>
        <translation>ما في الإعداد المسبق</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="47" />
        <source>Hidden FC widths separated by commas, e.g. 1000,1000,1000; empty: the paper's net for this input size</source>
        <translation>عروض الطبقات المخفية مفصولة بفواصل، مثل 1000,1000,1000؛ فارغ: شبكة الورقة لهذا الحجم من المدخلات</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="49" />
        <source>also prune conv filters</source>
        <translation>قلِّم مرشِّحات الالتفاف أيضًا</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="54" />
        <source>How units are ranked: vote = majority voting over the probe examples; the others are the baselines of the paper's ablation</source>
        <translation>كيف تُرتَّب الوحدات: vote = تصويت الأغلبية على أمثلة السبر؛ والبقية هي المعايير المرجعية في مقارنة الورقة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="59" />
        <source>Each example votes for its top-l units: l = a fraction of the layer (type any, e.g. 0.1), the units kept (keep), half the layer (half) or the units removed (removed)</source>
        <translation>يصوّت كل مثال لأعلى l وحدة لديه: l = كسر من الطبقة (اكتب أي كسر، مثل 0.1)، أو الوحدات المُبقاة (keep)، أو نصف الطبقة (half)، أو الوحدات المُزالة (removed)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="62" />
        <source>What each example's votes rank the units by. deviation: how far the unit's activation lies from its mean over the probe, up or down (a unit that is high on every example tells them apart no better than a constant). activation: the activation itself, as the paper words it</source>
        <translation>ما ترتّب به أصواتُ كل مثال الوحدات. deviation: مقدار بُعد تنشيط الوحدة عن متوسطه على عينة الفحص، صعودًا أو هبوطًا (الوحدة المرتفعة في كل مثال لا تميّز بين الأمثلة أفضل من قيمة ثابتة). activation: التنشيط نفسه، كما تصوغه الورقة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="67" />
        <source>during: prune while training; oneshot: train, then prune once; none: the dense net</source>
        <translation>during: قلِّم أثناء التدريب؛ oneshot: درِّب ثم قلِّم مرة واحدة؛ none: الشبكة الكثيفة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="69" />
        <location filename="../ui/prune/prune_form.cpp" line="70" />
        <source> epoch</source>
        <translation> حقبة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="69" />
        <location filename="../ui/prune/prune_form.cpp" line="70" />
        <source> epochs</source>
        <translation> حقبة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="69" />
        <source>Training epochs (1 or more)</source>
        <translation>حقب التدريب (1 أو أكثر)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="70" />
        <source>A pruning check every t epochs</source>
        <translation>فحص للتقليم كل t حقبة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="72" />
        <source>Fraction k of the alive units each event removes, in (0, 1)</source>
        <translation>الكسر k من الوحدات الحيّة الذي يزيله كل حدث، في (0, 1)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="73" />
        <source>k for every layer</source>
        <translation>k لكل الطبقات</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="74" />
        <source>One k per prunable layer separated by commas, e.g. 0.085,0.1,0.1: the first layer then ends wider and the deeper ones narrower for about the same weights; empty: k for every layer</source>
        <translation>قيمة k لكل طبقة قابلة للتقليم مفصولة بفواصل، مثل 0.085,0.1,0.1: تنتهي الطبقة الأولى حينها أعرض والأعمق أضيق بالأوزان نفسها تقريبًا؛ فارغ: k لكل الطبقات</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="78" />
        <source>Stop pruning once the weights are at most this fraction of the dense net's (0: never)</source>
        <translation>أوقف التقليم حين تصير الأوزان على الأكثر هذا الكسر من أوزان الشبكة الكثيفة (0: أبدًا)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="79" />
        <source>the last event lands on it</source>
        <translation>آخر حدث يقف عنده</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="80" />
        <source>compare with the dense net trained as long</source>
        <translation>قارن بالشبكة الكثيفة المدرَّبة المدة نفسها</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="82" />
        <source>Prune when validation accuracy is at least its value just after the last event minus this (0: it must have recovered; 1: always)</source>
        <translation>قلِّم حين تكون دقة التحقق لا تقل عن قيمتها بعد آخر حدث مباشرة ناقص هذا (0: يجب أن تكون قد تعافت؛ 1: دائمًا)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="84" />
        <source>One-shot: fraction of each layer's units kept, in (0, 1]</source>
        <translation>مرة واحدة: كسر الوحدات المُبقاة في كل طبقة، في (0, 1]</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="85" />
        <source> units</source>
        <translation> وحدة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="85" />
        <source>Never fewer units in a layer</source>
        <translation>لا تقلّ الوحدات في أي طبقة عن هذا</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="87" />
        <source>SGD with momentum, or Adam</source>
        <translation>SGD مع الزخم، أو Adam</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="88" />
        <source>Learning rate (more than 0)</source>
        <translation>معدل التعلم (أكبر من صفر)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="89" />
        <source>Dropout after each hidden layer, in [0, 1)</source>
        <translation>الإسقاط بعد كل طبقة مخفية، في [0, 1)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="90" />
        <source>shrinks as units go</source>
        <translation>يتناقص مع زوال الوحدات</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="91" />
        <location filename="../ui/prune/prune_form.cpp" line="92" />
        <source> images</source>
        <translation> صورة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="91" />
        <source>Mini-batch size</source>
        <translation>حجم الدفعة الصغيرة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="92" />
        <source>Train on at most N images; 0 uses all</source>
        <translation>درِّب على N صورة على الأكثر؛ 0 يستخدم الكل</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="93" />
        <source>Same seed, config and data: the same run</source>
        <translation>البذرة نفسها والإعدادات نفسها والبيانات نفسها: التشغيل نفسه</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="95" />
        <source>all images</source>
        <translation>كل الصور</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="100" />
        <source>The event that reaches the target removes only as many units as land the net on it, not the whole rate k: a 10 % target ends at 9.97 % of the weights instead of 9.1 %</source>
        <translation>الحدث الذي يبلغ الهدف يزيل من الوحدات ما يكفي لإيقاف الشبكة عنده فقط، لا المعدل k كله: هدف 10 % ينتهي عند 9.97 % من الأوزان بدل 9.1 %</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="104" />
        <source>First train the dense net with the same settings and epochs, then prune: its test accuracy is drawn beside the pruned net's, and the two are compared on the same test images at the end. The run takes up to twice as long</source>
        <translation>درِّب أولًا الشبكة الكثيفة بالإعدادات والحقب نفسها ثم قلِّم: تُرسم دقة اختبارها بجانب دقة الشبكة المقلَّمة، وتُقارن الاثنتان على صور الاختبار نفسها في النهاية. يستغرق التشغيل حتى ضعف المدة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="109" />
        <source>Each layer's dropout times the square root of the share of its connections still alive (Han et al. 2015): about 0.06 instead of 0.3 once a layer keeps a fifth of its units. Measured with 80 epochs: fashion-mnist 0.9021 against 0.8996 (one seed), mnist the same as without it</source>
        <translation>إسقاط كل طبقة مضروبًا في الجذر التربيعي لحصة وصلاتها التي ما زالت حية (Han وآخرون 2015): نحو 0.06 بدل 0.3 حين تُبقي الطبقة خُمس وحداتها. القياس مع 80 حقبة: fashion-mnist ‏0.9021 مقابل 0.8996 (بذرة واحدة)، وmnist كما هو بدونه</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="112" />
        <source>Default</source>
        <translation>الافتراضي</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="113" />
        <source>Demo (about a minute)</source>
        <translation>عرض توضيحي (نحو دقيقة)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="114" />
        <source>Long: 80 epochs</source>
        <translation>طويل: 80 حقبة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="117" />
        <source>Twice the default's epochs: on mnist the pruned net then ends within chance of the dense net trained as long (about 2.5 minutes on mnist on 2 cores, that dense net included)</source>
        <translation>ضعف حقب الإعداد الافتراضي: على mnist تنتهي الشبكة المقلَّمة عندئذ ضمن حدود الصدفة من الشبكة الكاملة المدرَّبة المدة نفسها (نحو دقيقتين ونصف على mnist بنواتين، مع تلك الشبكة الكاملة)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="124" />
        <source>Schedule:</source>
        <translation>الجدول:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="125" />
        <source>Network:</source>
        <translation>الشبكة:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="126" />
        <source>Hidden widths:</source>
        <translation>العروض المخفية:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="128" />
        <source>Criterion:</source>
        <translation>المعيار:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="129" />
        <source>Votes per example:</source>
        <translation>الأصوات لكل مثال:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="130" />
        <source>Votes rank by:</source>
        <translation>ترتيب الأصوات حسب:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="131" />
        <source>Pruning:</source>
        <translation>التقليم:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="132" />
        <source>Epochs:</source>
        <translation>الحقب:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="134" />
        <source>Check every:</source>
        <translation>افحص كل:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="135" />
        <source>Rate k:</source>
        <translation>المعدل k:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="136" />
        <source>Rate per layer:</source>
        <translation>المعدل لكل طبقة:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="137" />
        <source>Weights target:</source>
        <translation>هدف الأوزان:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="139" />
        <source>Tolerance:</source>
        <translation>السماحية:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="140" />
        <source>One-shot keep:</source>
        <translation>الإبقاء مرة واحدة:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="141" />
        <source>Minimum units:</source>
        <translation>أدنى عدد للوحدات:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="142" />
        <source>Optimiser:</source>
        <translation>المُحسِّن:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="143" />
        <source>Learning rate:</source>
        <translation>معدل التعلم:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="144" />
        <source>Dropout:</source>
        <translation>الإسقاط:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="146" />
        <source>Batch:</source>
        <translation>الدفعة:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="147" />
        <source>Limit:</source>
        <translation>الحد:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_form.cpp" line="148" />
        <source>Seed:</source>
        <translation>البذرة:</translation>
    </message>
</context>
<context>
    <name>dcs::ui::PrunePage</name>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="53" />
        <source>Start</source>
        <translation>ابدأ</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="54" />
        <location filename="../ui/prune/prune_page.cpp" line="220" />
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="55" />
        <source>Step one epoch</source>
        <translation>تقدّم حقبة واحدة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="56" />
        <source>Stop</source>
        <translation>أوقف</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="75" />
        <source>Train and prune a classifier on the data set shown in the Data tab (20% held out for testing)</source>
        <translation>درّب مصنِّفًا وقلِّمه على مجموعة البيانات المعروضة في لسان البيانات (20% تُحجز للاختبار)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="76" />
        <source>Run one more epoch, then pause</source>
        <translation>شغّل حقبة واحدة أخرى ثم توقّف مؤقتًا</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="78" />
        <source>Train, validation and test accuracy per epoch (left axis) and the weights still in use as a share of the dense net (right axis). Dashed lines mark pruning events: validation accuracy is taken before an event (it decides whether to prune), test accuracy after it. The dashed orange curve is the test accuracy of the dense net trained first with the same settings, when the run compares with it.</source>
        <translation>دقة التدريب والتحقق والاختبار في كل حقبة (المحور الأيسر) والأوزان التي ما زالت مستخدمة كحصة من الشبكة الكثيفة (المحور الأيمن). الخطوط المتقطعة تعلّم أحداث التقليم: تؤخذ دقة التحقق قبل الحدث (فهي تقرر التقليم) ودقة الاختبار بعده. والمنحنى البرتقالي المتقطع هو دقة اختبار الشبكة الكثيفة المدرَّبة أولًا بالإعدادات نفسها، حين يُقارن التشغيل بها.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="83" />
        <source>For the chosen layer, every unit (row) at every pruning event (column): its score, scaled from the event's lowest to its highest. Units in viridis colours were kept, orange ones removed at that event, blank ones removed before.</source>
        <translation>للطبقة المختارة، كل وحدة (صف) عند كل حدث تقليم (عمود): درجتها مُدرَّجة من أدنى درجات الحدث إلى أعلاها. الوحدات بألوان viridis أُبقيت، والبرتقالية أُزيلت في ذلك الحدث، والفارغة أُزيلت قبله.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="86" />
        <source>Units per layer before pruning and alive now. The output layer is never pruned.</source>
        <translation>الوحدات في كل طبقة قبل التقليم والحيّة الآن. لا تُقلَّم طبقة المخرجات أبدًا.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="87" />
        <source>The settings of the pruning run. A setting outside its range is marked and explained below the form, and Start stays off until it is fixed.</source>
        <translation>إعدادات تشغيل التقليم. يُعلَّم الإعداد الخارج عن مداه ويُشرح تحت النموذج، ويبقى زر البدء معطّلًا حتى يُصلَح.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="102" />
        <source>Curves</source>
        <translation>المنحنيات</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="103" />
        <source>Votes</source>
        <translation>الأصوات</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="104" />
        <source>Layer widths</source>
        <translation>عروض الطبقات</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="105" />
        <source>Ablation</source>
        <translation>المقارنة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="106" />
        <source>Accuracy and weights in use per epoch</source>
        <translation>الدقة والأوزان المستخدمة في كل حقبة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="107" />
        <source>Per layer: every unit's score at every pruning event, and which units stayed</source>
        <translation>لكل طبقة: درجة كل وحدة عند كل حدث تقليم، وأي الوحدات بقيت</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="108" />
        <source>Units per layer before pruning and now</source>
        <translation>الوحدات في كل طبقة قبل التقليم والآن</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="109" />
        <source>Every criterion against majority voting, keeping the same share of units</source>
        <translation>كل معيار مقابل تصويت الأغلبية، مع الإبقاء على الحصة نفسها من الوحدات</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="116" />
        <source>Dense net, to compare with: %1</source>
        <translation>الشبكة الكثيفة للمقارنة: %1</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="122" />
        <source>Training the dense net with the same settings first, to compare the pruned net with…</source>
        <translation>تُدرَّب الشبكة الكثيفة بالإعدادات نفسها أولًا لتُقارن بها الشبكة المقلَّمة…</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="130" />
        <source>Choose a labelled data set in the Data tab, set up the run, and press Start.</source>
        <translation>اختر مجموعة بيانات موسومة في لسان البيانات، وأعدّ التشغيل، واضغط بدء.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="143" />
        <source>Fraction of each layer's units kept (the paper: 0.7)</source>
        <translation>كسر الوحدات المُبقاة في كل طبقة (الورقة: 0.7)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="144" />
        <source>Run ablation</source>
        <translation>شغّل المقارنة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="146" />
        <source>Train the dense net with the form's settings, then prune one layer / all layers by every criterion and measure test accuracy (no retraining)</source>
        <translation>درّب الشبكة الكثيفة بإعدادات النموذج، ثم قلِّم طبقة واحدة / كل الطبقات بكل معيار وقِس دقة الاختبار (دون إعادة تدريب)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="148" />
        <source>No ablation run yet.</source>
        <translation>لم تُشغَّل أي مقارنة بعد.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="155" />
        <source>Test accuracy after keeping the same share of units by each criterion, in one layer or in all of them. The best of each column is in bold.</source>
        <translation>دقة الاختبار بعد الإبقاء على الحصة نفسها من الوحدات بكل معيار، في طبقة واحدة أو فيها كلها. الأفضل في كل عمود بخط عريض.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="159" />
        <source>Keep:</source>
        <translation>أبقِ:</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="182" />
        <source>'%1' has no labels; pruning trains a classifier and needs them.</source>
        <translation>'%1' بلا وسوم؛ التقليم يدرّب مصنِّفًا ويحتاج إليها.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="196" />
        <source>Starting %1 pruning of a %2 on %3…</source>
        <translation>بدء تقليم %1 لشبكة %2 على %3…</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="210" />
        <source>Training the dense net, then pruning by every criterion…</source>
        <translation>تدريب الشبكة الكثيفة، ثم التقليم بكل معيار…</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="220" />
        <source>Resume</source>
        <translation>استأنف</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="246" />
        <source>The run failed: %1</source>
        <translation>فشل التشغيل: %1</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="248" />
        <source>Run %1: %2. Saved in %3</source>
        <translation>التشغيل %1: %2. حُفظ في %3</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="254" />
        <source>Test accuracy %1; the dense net trained as long: %2 (on the same test images the dense net alone gets %3 right, the pruned net alone %4; McNemar's p = %5)</source>
        <translation>دقة الاختبار %1؛ الشبكة الكثيفة المدرَّبة المدة نفسها: %2 (على صور الاختبار نفسها تصيب الكثيفة وحدها %3، والمقلَّمة وحدها %4؛ قيمة p لاختبار McNemar ‏= %5)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="261" />
        <source>Test accuracy %1</source>
        <translation>دقة الاختبار %1</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="263" />
        <source>Units %1 → %2
Weights %3 → %4 (%5% kept)
FLOPs per image %6 → %7
%8
Latency, batch 256: %9 → %10 ms (%11x faster)</source>
        <translation>الوحدات %1 ← %2
الأوزان %3 ← %4 (أُبقي %5%)
العمليات العائمة لكل صورة %6 ← %7
%8
زمن الاستجابة، دفعة 256: %9 ← %10 م.ث (أسرع %11 مرة)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="280" />
        <source>The ablation failed: %1</source>
        <translation>فشلت المقارنة: %1</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="286" />
        <source>all</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="304" />
        <source>Against vote on the same test images: vote alone gets %1 right, %2 alone %3; McNemar's p = %4 (above 0.05: within chance)</source>
        <translation>مقارنةً بالتصويت على صور الاختبار نفسها: يصيب التصويت وحده %1، ويصيب %2 وحده %3؛ قيمة p لاختبار مكنمار = %4 (فوق 0.05: ضمن حدود الصدفة)</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="319" />
        <source>The ablation was stopped; the table shows what was measured.</source>
        <translation>أُوقفت المقارنة؛ يعرض الجدول ما قيس.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="320" />
        <source>Test accuracy keeping %1% of the units (dense net: %2). Grey: within chance of vote's cell, paired on the same test images (hover for the counts).</source>
        <translation>دقة الاختبار مع الإبقاء على %1% من الوحدات (الشبكة الكثيفة: %2). الرمادي: ضمن حدود الصدفة مقارنةً بخلية التصويت، على صور الاختبار نفسها (مرّر المؤشر لترى الأعداد).</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="345" />
        <location filename="../ui/prune/prune_page.cpp" line="350" />
        <source>There is no finished run to export yet.</source>
        <translation>لا يوجد تشغيل منتهٍ لتصديره بعد.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="348" />
        <source>The last run trained no dense net to compare with ('compare with the dense net trained as long' was off).</source>
        <translation>لم يدرِّب التشغيل الأخير شبكة كثيفة للمقارنة (كان «قارن بالشبكة الكثيفة المدرَّبة المدة نفسها» معطَّلًا).</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="352" />
        <location filename="../ui/prune/prune_page.cpp" line="368" />
        <source>'%1': could not be written</source>
        <translation>'%1': تعذّرت الكتابة</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="355" />
        <source>There is no ablation table to export yet.</source>
        <translation>لا يوجد جدول مقارنة للتصدير بعد.</translation>
    </message>
    <message>
        <location filename="../ui/prune/prune_page.cpp" line="375" />
        <source>'%1' is not a view; expected curves, votes or widths</source>
        <translation>'%1' ليس عرضًا؛ المتوقع curves أو votes أو widths</translation>
    </message>
</context>
<context>
    <name>dcs::ui::PruneRunController</name>
    <message>
        <location filename="../ui/run/prune_run_controller.cpp" line="67" />
        <source>Dense net: %1</source>
        <translation>الشبكة الكثيفة: %1</translation>
    </message>
    <message>
        <location filename="../ui/run/prune_run_controller.cpp" line="91" />
        <source>A run is already in progress; stop it first.</source>
        <translation>هناك تشغيل جارٍ بالفعل؛ أوقفه أولًا.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="16" />
        <source>epoch</source>
        <translation>الحقبة</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="13" />
        <source>'%1': unknown format '%2'; expected .png, .pdf or .svg</source>
        <translation>'%1': صيغة غير معروفة '%2'؛ المتوقع ‎.png أو ‎.pdf أو ‎.svg</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="37" />
        <source>'%1': could not be written (is the folder there and writable?)</source>
        <translation>'%1': تعذّرت الكتابة (هل المجلد موجود وقابل للكتابة؟)</translation>
    </message>
    <message>
        <location filename="../ui/export/plot_export.cpp" line="42" />
        <source>'%1': could not be replaced</source>
        <translation>'%1': تعذّر الاستبدال</translation>
    </message>
</context>
<context>
    <name>dcs::ui::RelevanceHeatmapView</name>
    <message>
        <location filename="../ui/filters/relevance_heatmap_view.cpp" line="21" />
        <source>Filter scores at the pruning step</source>
        <translation>درجات المرشحات عند خطوة التقليم</translation>
    </message>
    <message>
        <location filename="../ui/filters/relevance_heatmap_view.cpp" line="22" />
        <source>filter</source>
        <translation>المرشح</translation>
    </message>
    <message>
        <location filename="../ui/filters/relevance_heatmap_view.cpp" line="23" />
        <source>layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../ui/filters/relevance_heatmap_view.cpp" line="30" />
        <source>score, lowest to highest of the layer</source>
        <translation>الدرجة، من أدنى درجة في الطبقة إلى أعلاها</translation>
    </message>
    <message>
        <location filename="../ui/filters/relevance_heatmap_view.cpp" line="52" />
        <source>No pruning step yet: the filters are scored once the dense net is trained.</source>
        <translation>لا خطوة تقليم بعد: تُقيَّم المرشحات حين يكتمل تدريب الشبكة الكاملة.</translation>
    </message>
    <message>
        <location filename="../ui/filters/relevance_heatmap_view.cpp" line="91" />
        <source>%1: %2 of %3 filters kept in %4 layers. Viridis: kept; vermillion: removed. Click a filter to see the images it aligns with best.</source>
        <translation>%1: أُبقي على %2 من %3 مرشحًا في %4 طبقة. ألوان viridis: أُبقي عليه؛ البرتقالي المحمر: أُزيل. انقر مرشحًا لترى الصور الأكثر توافقًا معه.</translation>
    </message>
</context>
<context>
    <name>dcs::ui::RunController</name>
    <message>
        <location filename="../ui/run/run_controller.cpp" line="37" />
        <source>A run is already in progress; stop it first.</source>
        <translation>هناك تشغيل جارٍ بالفعل؛ أوقفه أولًا.</translation>
    </message>
</context>
<context>
    <name>dcs::ui::TrainingCurvesView</name>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="39" />
        <source>Losses</source>
        <translation>الخسائر</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="39" />
        <source>loss per image</source>
        <translation>الخسارة لكل صورة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="40" />
        <location filename="../ui/cluster/training_curves_view.cpp" line="129" />
        <source>reconstruction E1</source>
        <translation>إعادة البناء E1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="40" />
        <location filename="../ui/cluster/training_curves_view.cpp" line="129" />
        <source>clustering E2 (right axis)</source>
        <translation>التجميع E2 (المحور الأيمن)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="40" />
        <location filename="../ui/cluster/training_curves_view.cpp" line="129" />
        <location filename="../ui/cluster/training_curves_view.cpp" line="141" />
        <source>total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="42" />
        <source>Clustering quality</source>
        <translation>جودة التجميع</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="42" />
        <source>score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="43" />
        <location filename="../ui/cluster/training_curves_view.cpp" line="130" />
        <location filename="../ui/cluster/training_curves_view.cpp" line="141" />
        <source>ACC</source>
        <translation>ACC</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="43" />
        <location filename="../ui/cluster/training_curves_view.cpp" line="130" />
        <source>NMI (arithmetic)</source>
        <translation>NMI (حسابي)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="43" />
        <location filename="../ui/cluster/training_curves_view.cpp" line="130" />
        <location filename="../ui/cluster/training_curves_view.cpp" line="141" />
        <source>ARI</source>
        <translation>ARI</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="47" />
        <source>clustering E2</source>
        <translation>التجميع E2</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="50" />
        <source>supervision E3 (right axis)</source>
        <translation>الإشراف E3 (المحور الأيمن)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="141" />
        <source>E1</source>
        <translation>E1</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="141" />
        <source>E2 (right)</source>
        <translation>E2 (يمين)</translation>
    </message>
    <message>
        <location filename="../ui/cluster/training_curves_view.cpp" line="141" />
        <source>NMI</source>
        <translation>NMI</translation>
    </message>
</context>
<context>
    <name>dcs::ui::VoteHeatmapView</name>
    <message>
        <location filename="../ui/prune/vote_heatmap_view.cpp" line="23" />
        <source>Scores at each pruning event</source>
        <translation>الدرجات عند كل حدث تقليم</translation>
    </message>
    <message>
        <location filename="../ui/prune/vote_heatmap_view.cpp" line="24" />
        <source>pruning event (epoch)</source>
        <translation>حدث التقليم (الحقبة)</translation>
    </message>
    <message>
        <location filename="../ui/prune/vote_heatmap_view.cpp" line="25" />
        <source>unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <location filename="../ui/prune/vote_heatmap_view.cpp" line="32" />
        <source>score, lowest to highest of the event</source>
        <translation>الدرجة، من أدنى الحدث إلى أعلاه</translation>
    </message>
    <message>
        <location filename="../ui/prune/vote_heatmap_view.cpp" line="40" />
        <source>Layer:</source>
        <translation>الطبقة:</translation>
    </message>
    <message>
        <location filename="../ui/prune/vote_heatmap_view.cpp" line="56" />
        <location filename="../ui/prune/vote_heatmap_view.cpp" line="103" />
        <source>No pruning event yet.</source>
        <translation>لا حدث تقليم بعد.</translation>
    </message>
    <message>
        <location filename="../ui/prune/vote_heatmap_view.cpp" line="145" />
        <source>%1: %2 units, %3 alive after %4 events. Viridis: kept; orange: removed at that event; blank: removed earlier.</source>
        <translation>%1: %2 وحدة، %3 حيّة بعد %4 أحداث. viridis: أُبقيت؛ البرتقالي: أُزيلت في ذلك الحدث؛ الفارغ: أُزيلت قبله.</translation>
    </message>
</context>
<context>
    <name>dcs::ui::RunPage</name>
    <message>
        <location filename="../ui/run/run_wiring.h" line="28" />
        <source>%1 min %2 s</source>
        <translation>%1 د %2 ث</translation>
    </message>
    <message>
        <location filename="../ui/run/run_wiring.h" line="31" />
        <source>%1 s</source>
        <translation>%1 ث</translation>
    </message>
    <message>
        <location filename="../ui/run/run_wiring.h" line="48" />
        <source>No data set: load one in the Data tab first.</source>
        <translation>لا توجد مجموعة بيانات: حمّل واحدة في تبويب البيانات أولًا.</translation>
    </message>
    <message>
        <location filename="../ui/run/run_wiring.h" line="56" />
        <source>Fix the settings first: %1</source>
        <translation>صحّح الإعدادات أولًا: %1</translation>
    </message>
    <message>
        <location filename="../ui/run/run_wiring.h" line="68" />
        <source>'%1' (%2 images) is loaded: set up the run and press Start.</source>
        <translation>حُمّلت '%1' (%2 صورة): اضبط التشغيل واضغط ابدأ.</translation>
    </message>
    <message>
        <location filename="../ui/run/run_wiring.h" line="97" />
        <source>Epoch %1 of %2, loss %3, about %4 left</source>
        <translation>الحقبة %1 من %2، الخسارة %3، بقي نحو %4</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="61" />
        <source>Deep Clustering &amp; Compression Studio</source>
        <translation>استوديو التجميع العميق وضغط الشبكات</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="65" />
        <source>Data set to open (a built-in name or FORMAT:PATH).</source>
        <translation>مجموعة البيانات المراد فتحها (اسم مدمج أو FORMAT:PATH).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="69" />
        <source>Render the window to a PNG once the data set is shown, then exit.</source>
        <translation>احفظ النافذة صورة PNG بعد عرض مجموعة البيانات ثم اخرج.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="73" />
        <source>Preset: demo, long (200 epochs, cosine learning rate), plain (30 epochs, no augmentation, lambda 0.1), icip2018 or caip2019 (the papers' schedules), default; with --mode prune: demo, long (80 epochs) or default; with --mode filters: demo or default.</source>
        <translation>الإعداد المسبق: demo أو long (200 حقبة، معدل تعلم جيبي) أو plain (30 حقبة، بلا تعزيز للبيانات، لامدا 0.1) أو icip2018 أو caip2019 (جداول الأوراق البحثية) أو default؛ ومع ‎--mode prune: ‏demo أو long (80 حقبة) أو default؛ ومع ‎--mode filters: ‏demo أو default.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="80" />
        <source>Start a run (of the --mode) once the data set is shown.</source>
        <translation>ابدأ تشغيلًا (للنمط ‎--mode) حين تُعرض مجموعة البيانات.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="109" />
        <source>With --mode prune: run the criteria ablation (keeping 70%) once the data set is shown.</source>
        <translation>مع ‎--mode prune: شغّل مقارنة المعايير (مع الإبقاء على 70%) حين تُعرض مجموعة البيانات.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="83" />
        <source>With --autostart: stop the run after this many epochs.</source>
        <translation>مع ‎--autostart: أوقف التشغيل بعد هذا العدد من الحقب.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="90" />
        <source>View to show: curves, clusters, confusion or reconstructions; with --mode prune: curves, votes, widths or ablation; with --mode filters: relevance, curves or comparison.</source>
        <translation>العرض المطلوب: curves أو clusters أو confusion أو reconstructions؛ ومع ‎--mode prune: ‏curves أو votes أو widths أو ablation؛ ومع ‎--mode filters: ‏relevance أو curves أو comparison.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="96" />
        <source>Open a session or lesson file (JSON).</source>
        <translation>افتح ملف جلسة أو درس (JSON).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="100" />
        <source>User interface language: en or ar (default: the saved choice).</source>
        <translation>لغة الواجهة: en أو ar (الافتراضي: الاختيار المحفوظ).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="105" />
        <source>Mode the other options apply to: cluster (default), prune or filters.</source>
        <translation>النمط الذي تنطبق عليه الخيارات الأخرى: cluster (الافتراضي) أو prune أو filters.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="113" />
        <source>With --mode filters: prune one trained net by every criterion once the data set is shown.</source>
        <translation>مع ‎--mode filters: قلّم شبكة مدرَّبة واحدة بكل معيار حين تُعرض مجموعة البيانات.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="117" />
        <source>With --autostart in Cluster mode: measure the run's invariance when it ends and show the Invariance view.</source>
        <translation>مع --autostart في وضع التجميع: قياس ثبات التشغيل عند انتهائه وإظهار عرض الثبات.</translation>
    </message>
</context>
</TS>