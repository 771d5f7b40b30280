#pragma once
// The invariance study (M2) as a plot: for each trained model, how much each encoder layer's
// features change when the images are rotated or flipped (x: conv1 .. latent; y: MSE, relative or
// plain; one line per model; the mean over the transforms or one of them). Measuring runs on a
// worker thread.

#include <QFutureWatcher>
#include <QWidget>

#include <filesystem>
#include <vector>

#include "dcs/train/invariance.h"
#include "ui/data/dataset_ptr.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;

namespace dcs::ui {

class InvarianceView : public QWidget {
    Q_OBJECT
public:
    explicit InvarianceView(QWidget* parent = nullptr);
    ~InvarianceView() override;

    // Measures the auto-encoders of these run folders on the first `images` images of dataset in
    // the background; studyFinished follows. False when a study is already running.
    bool measure(const std::vector<std::filesystem::path>& runFolders, const DatasetPtr& dataset, int64_t images = 1000);
    bool isMeasuring() const { return m_watcher.isRunning(); }
    void setStudy(const dcs::train::InvarianceStudy& study);
    const dcs::train::InvarianceStudy& study() const { return m_study; }
    // "mean" or a transform name; false when unknown.
    bool showTransform(const QString& transform);
    void setRelative(bool relative);
    QCustomPlot* plot() const { return m_plot; }
    // The message under the plot (what was measured, or why it failed).
    QString message() const;

Q_SIGNALS:
    // The user asked to measure (the page knows which runs and data).
    void measureRequested();
    // error is empty on success.
    void studyFinished(const QString& error);

private:
    struct Outcome {
        dcs::train::InvarianceStudy study;
        QString error;
    };
    void redraw();

    QPushButton* m_measure;
    QComboBox* m_transform;
    QCheckBox* m_relative;
    QCustomPlot* m_plot;
    QLabel* m_message;
    dcs::train::InvarianceStudy m_study;
    QFutureWatcher<Outcome> m_watcher;
};

}  // namespace dcs::ui
