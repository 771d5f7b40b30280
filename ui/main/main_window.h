#pragma once
// The main window: a data set chooser, the gallery of its images and its facts. Loading happens
// off the GUI thread; a failed load shows its message and leaves the current data set in place.

#include <QMainWindow>

#include "ui/data/dataset_ptr.h"

class QAction;
class QComboBox;
class QPushButton;
class QLabel;
class QListView;
class QProgressBar;
class QSlider;
class QTabWidget;
class QToolButton;
class QWidget;

namespace dcs::data {
class DatasetRegistry;
}

namespace dcs::ui {

class ClusterPage;
class PrunePage;
class FilterPage;
class DatasetFactsView;
class DatasetLoader;
class GalleryModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const dcs::data::DatasetRegistry& registry, QWidget* parent = nullptr);

    // Starts loading a data set specification (a built-in name or FORMAT:PATH).
    void loadDataset(const QString& spec);
    const DatasetPtr& dataset() const;
    const QString& datasetSpec() const { return m_currentSpec; }
    // Renders the window into a PNG; false when the file cannot be written.
    bool saveScreenshot(const QString& file);
    ClusterPage* clusterPage() const { return m_clusterPage; }
    PrunePage* prunePage() const { return m_prunePage; }
    FilterPage* filterPage() const { return m_filterPage; }
    // Session files (see session.h). Both return "" on success, else the reason, which is also
    // shown in the error banner; a session that cannot be read changes nothing.
    QString saveSession(const QString& file);
    QString openSession(const QString& file);
    // Shows the Data tab (0) or the Cluster tab (1).
    void showMode(int index);

protected:
    void closeEvent(QCloseEvent* event) override;

Q_SIGNALS:
    void datasetShown(const QString& spec);
    void loadFailed(const QString& spec, const QString& message);

private:
    void buildActions();
    // Window layout and recent data sets live in QSettings (only for the real application, whose
    // organisation name is set; tests leave the user's settings alone).
    void restoreSettings();
    void saveSettings() const;
    void buildCentralArea();
    void openFile();
    void openFolder();
    void showDataset(const QString& spec, const DatasetPtr& dataset);
    void showLoadError(const QString& spec, const QString& message);
    void setLoading(bool loading);
    void reportExport(const QString& error, const QString& file);

    DatasetLoader* m_loader;
    GalleryModel* m_gallery;
    QComboBox* m_datasetChooser = nullptr;
    QListView* m_galleryView = nullptr;
    DatasetFactsView* m_facts = nullptr;
    QWidget* m_errorBanner = nullptr;
    QLabel* m_errorText = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QSlider* m_thumbnailSlider = nullptr;
    QTabWidget* m_modes = nullptr;
    ClusterPage* m_clusterPage = nullptr;
    PrunePage* m_prunePage = nullptr;
    FilterPage* m_filterPage = nullptr;
    QPushButton* m_loadButton = nullptr;
    QAction* m_openFileAction = nullptr;
    QAction* m_openFolderAction = nullptr;
    // The lesson of the session last opened: its title and the settings it fixes or hides.
    QString m_lessonTitle;
    QStringList m_locked;
    QStringList m_hidden;
    QString m_currentSpec;
};

}  // namespace dcs::ui
