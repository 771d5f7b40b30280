#!/usr/bin/env python3
"""Fills translations/dcstudio_ar.ts from the table below (run after lupdate).

The table is the Arabic text of every user-visible string; a source missing from it fails the
script, so the .ts file is always complete. lupdate does not understand C++17 nested namespaces
(`namespace dcs::ui {`), so it names contexts without their namespace; this script restores the
"dcs::ui::" that tr() looks up at run time. To update after changing strings:
  /usr/lib/qt6/bin/lupdate ui app -ts translations/dcstudio_ar.ts -no-obsolete
  python3 translations/arabic.py
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

AR = {
    "Fill the form with a ready-made schedule": "املأ النموذج بجدول جاهز",
    "DCAE-Kmeans: k-means in the latent space. DCAE-GMM: a Gaussian mixture.": "DCAE-Kmeans: خوارزمية k-means في الفضاء الكامن. DCAE-GMM: خليط غاوسي.",
    "caip2019: the DCEC auto-encoder (ReLU, squared error).\nicip2018: sigmoid layers and binary cross-entropy (needs images of at least 18 px).":
        "caip2019: المرمّز التلقائي DCEC (ReLU، الخطأ التربيعي).\nicip2018: طبقات سيغمويد وإنتروبيا متقاطعة ثنائية (يحتاج صورًا من 18 بكسل على الأقل).",
    " epochs": " حقبة",
    "Epochs in all, warm-up included (1 or more)": "عدد الحقب كلها بما فيها الإحماء (1 أو أكثر)",
    "Reconstruction-only epochs before the clustering term starts (at most the epochs)": "حقب إعادة البناء فقط قبل أن يبدأ حد التجميع (لا تتجاوز عدد الحقب)",
    "K, the number of clusters (1 or more, at most the images)": "K، عدد العناقيد (1 أو أكثر، لا يتجاوز عدد الصور)",
    " dims": " بُعد",
    "Size of the latent code h(x)": "حجم الشفرة الكامنة h(x)",
    "Weight of the clustering term E2 (0 or more)": "وزن حد التجميع E2 (صفر أو أكثر)",
    "Adam or SGD with momentum 0.9": "Adam أو SGD بزخم 0.9",
    "Learning rate (more than 0)": "معدل التعلم (أكبر من صفر)",
    " images": " صورة",
    "Mini-batch size": "حجم الدفعة الصغيرة",
    "How the clusters start: k-means++ on the codes, or random centres (the papers)": "كيف تبدأ العناقيد: k-means++ على الشفرات، أو مراكز عشوائية (كما في الأوراق)",
    "DCAE-GMM: diagonal or full covariance": "DCAE-GMM: تغاير قطري أو كامل",
    "Same seed, config and data: the same run": "البذرة نفسها والإعدادات نفسها والبيانات نفسها: التشغيل نفسه",
    "CPU threads; 0 uses every core": "خيوط المعالج؛ الصفر يستخدم كل الأنوية",
    "Train on the first N images only; 0 uses all": "درّب على أول N صورة فقط؛ الصفر يستخدم الكل",
    "Default": "الافتراضي",
    "Demo (about a minute)": "عرض توضيحي (نحو دقيقة)",
    "Paper: icip2018": "الورقة: icip2018",
    "Paper: caip2019": "الورقة: caip2019",
    "Schedule:": "الجدول:",
    "Method:": "الطريقة:",
    "Architecture:": "البنية:",
    "Epochs:": "الحقب:",
    "Warm-up:": "الإحماء:",
    "Clusters K:": "العناقيد K:",
    "Latent size:": "حجم الفضاء الكامن:",
    "Lambda:": "لامدا:",
    "Optimiser:": "المُحسِّن:",
    "Learning rate:": "معدل التعلم:",
    "Batch:": "الدفعة:",
    "Cluster start:": "بداية العناقيد:",
    "Covariance:": "التغاير:",
    "Seed:": "البذرة:",
    "Threads:": "الخيوط:",
    "Limit:": "الحد:",
    "Start": "ابدأ",
    "Pause": "إيقاف مؤقت",
    "Step one epoch": "تقدّم حقبة واحدة",
    "Stop": "أوقف",
    "Restart with the same initial weights": "أعد البدء بالأوزان الابتدائية نفسها",
    "Each point is one image, placed by the first two principal components of its latent code. Colours are clusters (or true labels, with the tick box); crosses are the cluster centres. Drag to pan, scroll to zoom, rest the pointer on a point to see its image.":
        "كل نقطة صورة واحدة، موضعها أول مكوّنين رئيسيين لشفرتها الكامنة. الألوان هي العناقيد (أو التسميات الحقيقية عند تفعيل المربع)؛ والصلبان مراكز العناقيد. اسحب للتحريك، ومرّر العجلة للتكبير، وأبقِ المؤشر على نقطة لترى صورتها.",
    "Left: E1, how well the auto-encoder reconstructs its input, and E2 (right axis), how far the codes are from their centres; E2 is zero during warm-up. Right: ACC, NMI and ARI against the true labels, per epoch.":
        "يسارًا: E1، مدى جودة إعادة المرمّز التلقائي بناء مدخلاته، وE2 (المحور الأيمن)، بُعد الشفرات عن مراكزها؛ وE2 صفر أثناء الإحماء. يمينًا: ACC وNMI وARI مقارنةً بالتسميات الحقيقية، لكل حقبة.",
    "Per cluster: its size, its most common true label and the images nearest its centre, which show what the model takes the cluster to be.":
        "لكل عنقود: حجمه، وأكثر تسمياته الحقيقية شيوعًا، والصور الأقرب إلى مركزه، وهي تُظهر ما يراه النموذج في العنقود.",
    "How many images of each true label (columns) fell in each cluster (rows). A good clustering has one bright cell in each row and column.":
        "كم صورة من كل تسمية حقيقية (الأعمدة) وقعت في كل عنقود (الصفوف). التجميع الجيد فيه خلية ساطعة واحدة في كل صف وعمود.",
    "Input images above the auto-encoder's reconstructions of them.": "صور الإدخال فوق ما يعيد المرمّز التلقائي بناءه منها.",
    "The settings of the run. A setting outside its range is marked and explained below the form, and Start stays off until it is fixed.":
        "إعدادات التشغيل. الإعداد الخارج عن نطاقه يُعلَّم ويُشرح أسفل النموذج، ويبقى زر البدء معطّلًا حتى يُصحَّح.",
    "Run the last run again from exactly the same start (same settings, seed and data)": "أعد تشغيل آخر تشغيل من البداية نفسها تمامًا (الإعدادات والبذرة والبيانات نفسها)",
    "Train on the data set shown in the Data tab": "درّب على مجموعة البيانات المعروضة في تبويب البيانات",
    "Run one more epoch, then pause": "شغّل حقبة واحدة أخرى ثم توقّف مؤقتًا",
    "Curves": "المنحنيات",
    "Clusters": "العناقيد",
    "Confusion": "الالتباس",
    "Reconstructions": "إعادة البناء",
    "Runs": "التشغيلات",
    "Losses and clustering quality per epoch": "الخسائر وجودة التجميع لكل حقبة",
    "Per cluster: its size, its most common true label, and its most central images": "لكل عنقود: حجمه، وأكثر تسمياته الحقيقية شيوعًا، وأكثر صوره مركزيةً",
    "How many images of each true label fell in each cluster": "كم صورة من كل تسمية حقيقية وقعت في كل عنقود",
    "Input images above what the auto-encoder makes of them": "صور الإدخال فوق ما يصنعه منها المرمّز التلقائي",
    "Every run of this session and the run folders you opened; select two to compare their curves": "كل تشغيلات هذه الجلسة ومجلدات التشغيل التي فتحتها؛ اختر اثنين لمقارنة منحنياتهما",
    "Epoch %1 of %2, loss %3, about %4 left": "الحقبة %1 من %2، الخسارة %3، بقي نحو %4",
    "Choose a data set in the Data tab, set up the run, and press Start.": "اختر مجموعة بيانات في تبويب البيانات، واضبط التشغيل، ثم اضغط ابدأ.",
    "No data set: load one in the Data tab first.": "لا توجد مجموعة بيانات: حمّل واحدة في تبويب البيانات أولًا.",
    "Fix the settings first: %1": "صحّح الإعدادات أولًا: %1",
    "Starting %1 on %2…": "بدء %1 على %2…",
    "There is no finished run to export yet.": "لا يوجد تشغيل منتهٍ لتصديره بعد.",
    "'%1': could not be written": "'%1': تعذّرت الكتابة",
    "'%1' is not a view; expected latent, losses, metrics or confusion": "'%1' ليس عرضًا؛ المتوقع latent أو losses أو metrics أو confusion",
    "Cluster %1: %2 images": "العنقود %1: %2 صورة",
    ", mostly %1 (%2 %)": "، غالبًا %1 (%2 %)",
    "Inputs": "المدخلات",
    "Data set": "مجموعة البيانات",
    "Method": "الطريقة",
    "Epochs": "الحقب",
    "Lambda": "لامدا",
    "Batch": "الدفعة",
    "ACC": "ACC",
    "NMI": "NMI",
    "ARI": "ARI",
    "Status / folder": "الحالة / المجلد",
    "Select one run to see its curves, two to overlay them (the second dashed).": "اختر تشغيلًا واحدًا لترى منحنياته، أو اثنين لتراكبهما (الثاني متقطّع).",
    "Open run folder…": "افتح مجلد تشغيل…",
    "Open a run folder": "افتح مجلد تشغيل",
    "Could not open the run: %1": "تعذّر فتح التشغيل: %1",
    "run %1": "التشغيل %1",
    "Run failed: %1": "فشل التشغيل: %1",
    "Run %1 after %2 epochs in %3 (%4 images/s).%5%6%7 Saved in %8": "التشغيل %1 بعد %2 حقبة في %3 (%4 صورة/ث).%5%6%7 حُفظ في %8",
    "Resume": "استأنف",
    "Clusters against true labels (counts)": "العناقيد مقابل التسميات الحقيقية (أعداد)",
    "true label": "التسمية الحقيقية",
    "cluster": "العنقود",
    "images": "صور",
    "Data set:": "مجموعة البيانات:",
    "Source:": "المصدر:",
    "Images:": "الصور:",
    "Shape (C × H × W):": "الشكل (C × H × W):",
    "Classes:": "الفئات:",
    "Pixels:": "البكسلات:",
    "Class": "الفئة",
    "Images": "الصور",
    "Share": "النسبة",
    "Images per class": "الصور لكل فئة",
    "none (unlabelled)": "لا شيء (بلا تسميات)",
    "mean %1, std %2, range [%3, %4]": "المتوسط %1، الانحراف المعياري %2، المدى [%3، %4]",
    "Image %1": "الصورة %1",
    "\nLabel %1: %2": "\nالتسمية %1: %2",
    "Colour by true label": "لوّن حسب التسمية الحقيقية",
    "principal component 1": "المكوّن الرئيسي 1",
    "principal component 2": "المكوّن الرئيسي 2",
    "Latent space (PCA of the codes)": "الفضاء الكامن (تحليل المكونات الرئيسية للشفرات)",
    "Shift + drag on the plot to see the images inside a rectangle": "Shift مع السحب على الرسم لترى الصور داخل مستطيل",
    "image %1\ncluster %2": "الصورة %1\nالعنقود %2",
    "\nlabel %1": "\nالتسمية %1",
    "No point inside the rectangle": "لا توجد نقطة داخل المستطيل",
    "%1 selected%2": "تم تحديد %1%2",
    "1 image": "صورة واحدة",
    "%1 images": "%1 صورة",
    ", the first %1 shown": "، تظهر أول %1",
    "unlabelled": "بلا تسمية",
    "label %1": "التسمية %1",
    "cluster %1": "العنقود %1",
    "centres": "المراكز",
    "dcstudio: Deep Clustering & Compression Studio": "dcstudio: استوديو التجميع العميق وضغط الشبكات",
    "Loading %1…": "جارٍ تحميل %1…",
    "&File": "&ملف",
    "Open &File…": "افتح &ملفًا…",
    "Open an IDX images file (raw or .gz) or a CSV table": "افتح ملف صور IDX (خام أو ‎.gz) أو جدول CSV",
    "Open F&older…": "افتح م&جلدًا…",
    "Ctrl+Shift+O": "Ctrl+Shift+O",
    "Open an image folder (one sub-folder per class), CIFAR-10 batches or MNIST JSON digits": "افتح مجلد صور (مجلد فرعي لكل فئة) أو دفعات CIFAR-10 أو أرقام MNIST بصيغة JSON",
    "Open &Session…": "افتح &جلسة…",
    "Open session": "افتح جلسة",
    "dcstudio session (*.json)": "جلسة dcstudio (*.json)",
    "Sa&ve Session…": "احف&ظ الجلسة…",
    "Save session": "احفظ الجلسة",
    "&Export": "&تصدير",
    "Latent space…": "الفضاء الكامن…",
    "Loss curves…": "منحنيات الخسارة…",
    "Quality curves…": "منحنيات الجودة…",
    "Confusion heatmap…": "خريطة الالتباس الحرارية…",
    "Export plot": "صدّر الرسم",
    "PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)": "صورة PNG (*.png);;مستند PDF (*.pdf);;رسم SVG (*.svg)",
    "Metrics per epoch (CSV)…": "المقاييس لكل حقبة (CSV)…",
    "Cluster assignments (CSV)…": "إسناد العناقيد (CSV)…",
    "Export table": "صدّر الجدول",
    "CSV table (*.csv)": "جدول CSV (*.csv)",
    "&Quit": "&خروج",
    "&Help": "م&ساعدة",
    "What am I looking at?": "ما الذي أنظر إليه؟",
    "Data set: ": "مجموعة البيانات: ",
    "A built-in data set, or FORMAT:PATH (idx, mnist-json, cifar10, folder, csv).\nOptions follow '?', e.g. shapes?count=5000&size=32 or folder:/pets?size=64&color=1&limit=1000":
        "مجموعة بيانات مدمجة، أو FORMAT:PATH (idx أو mnist-json أو cifar10 أو folder أو csv).\nتأتي الخيارات بعد '?'، مثل shapes?count=5000&size=32 أو folder:/pets?size=64&color=1&limit=1000",
    "Load": "حمّل",
    " Thumbnail size: ": " حجم المصغّرات: ",
    "Dismiss": "إخفاء",
    "Every image of the data set with its class. Only the images in view are drawn, so even 70,000 scroll smoothly. Rest the pointer on one for its index and label.":
        "كل صور مجموعة البيانات مع فئاتها. لا تُرسم إلا الصور الظاهرة، لذا يتم التمرير بسلاسة حتى مع 70,000 صورة. أبقِ المؤشر على صورة لترى رقمها وتسميتها.",
    "The facts of the data set: where it came from, how many images of what shape, their pixel statistics, and how many images each class has.":
        "حقائق مجموعة البيانات: مصدرها، وعدد صورها وشكلها، وإحصاءات بكسلاتها، وعدد صور كل فئة.",
    "Data": "البيانات",
    "Cluster": "التجميع",
    "Data set name is empty: choose one from the list or type FORMAT:PATH.": "اسم مجموعة البيانات فارغ: اختر واحدة من القائمة أو اكتب FORMAT:PATH.",
    "Open data set file": "افتح ملف مجموعة بيانات",
    "Data set files (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz *.csv);;IDX images (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz);;CSV tables (*.csv);;All files (*)":
        "ملفات مجموعات البيانات (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz *.csv);;صور IDX (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz);;جداول CSV (*.csv);;كل الملفات (*)",
    "Open data set folder": "افتح مجلد مجموعة بيانات",
    "%1: %2 images": "%1: %2 صورة",
    "%1 — dcstudio": "%1 — dcstudio",
    "%1 — %2 — dcstudio": "%1 — %2 — dcstudio",
    "Could not load %1: %2": "تعذّر تحميل %1: %2",
    "(empty name)": "(اسم فارغ)",
    "No data set loaded": "لم تُحمَّل أي مجموعة بيانات",
    "Still showing %1": "ما زال المعروض %1",
    "'%1': could not be written (%2)": "'%1': تعذّرت الكتابة (%2)",
    "Session saved to %1": "حُفظت الجلسة في %1",
    "'%1': cannot be read (%2)": "'%1': تتعذّر القراءة (%2)",
    "'%1': lesson: unknown setting '%2'; expected one of %3": "'%1': الدرس: إعداد غير معروف '%2'؛ المتوقع واحد من %3",
    "Lesson: %1": "الدرس: %1",
    "Saved %1": "حُفظ %1",
    "epoch": "الحقبة",
    "'%1': unknown format '%2'; expected .png, .pdf or .svg": "'%1': صيغة غير معروفة '%2'؛ المتوقع ‎.png أو ‎.pdf أو ‎.svg",
    "'%1': could not be written (is the folder there and writable?)": "'%1': تعذّرت الكتابة (هل المجلد موجود وقابل للكتابة؟)",
    "'%1': could not be replaced": "'%1': تعذّر الاستبدال",
    "A run is already in progress; stop it first.": "هناك تشغيل جارٍ بالفعل؛ أوقفه أولًا.",
    "Losses": "الخسائر",
    "loss per image": "الخسارة لكل صورة",
    "reconstruction E1": "إعادة البناء E1",
    "clustering E2 (right axis)": "التجميع E2 (المحور الأيمن)",
    "total": "المجموع",
    "Clustering quality": "جودة التجميع",
    "score": "الدرجة",
    "NMI (arithmetic)": "NMI (حسابي)",
    "clustering E2": "التجميع E2",
    "E1": "E1",
    "E2 (right)": "E2 (يمين)",
    "Deep Clustering & Compression Studio": "استوديو التجميع العميق وضغط الشبكات",
    "Data set to open (a built-in name or FORMAT:PATH).": "مجموعة البيانات المراد فتحها (اسم مدمج أو FORMAT:PATH).",
    "Render the window to a PNG once the data set is shown, then exit.": "احفظ النافذة صورة PNG بعد عرض مجموعة البيانات ثم اخرج.",
    "Clustering preset: demo, icip2018 or caip2019 (the papers' schedules), default.": "إعداد التجميع المسبق: demo أو icip2018 أو caip2019 (جداول الأوراق) أو default.",
    "Start a clustering run once the data set is shown.": "ابدأ تشغيل تجميع بعد عرض مجموعة البيانات.",
    "With --autostart: stop the run after this many epochs.": "مع ‎--autostart: أوقف التشغيل بعد هذا العدد من الحقب.",
    "Cluster view to show: curves, clusters, confusion or reconstructions.": "عرض التجميع المراد إظهاره: curves أو clusters أو confusion أو reconstructions.",
    "Open a session or lesson file (JSON).": "افتح ملف جلسة أو درس (JSON).",
    "User interface language: en or ar (default: the saved choice).": "لغة الواجهة: en أو ar (الافتراضي: الاختيار المحفوظ).",
    "&Settings": "الإ&عدادات",
    "%1 min %2 s": "%1 د %2 ث",
    "%1 s": "%1 ث",
    "finished": "انتهى",
    "stopped": "توقّف",
    "&Language": "الل&غة",
    "The language changes when dcstudio starts next.": "تتغيّر اللغة عند التشغيل التالي لـ dcstudio.",
}


def main() -> int:
    ts = Path(__file__).with_name("dcstudio_ar.ts")
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.find("name")
        if name.text not in ("QObject", "main") and "::" not in name.text:
            name.text = "dcs::ui::" + name.text
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        if source not in AR:
            missing.append(source)
            continue
        translation.text = AR[source]
        translation.attrib.pop("type", None)  # finished
    if missing:
        print("translations/arabic.py: no Arabic for:", *map(repr, missing), sep="\n  ", file=sys.stderr)
        return 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
