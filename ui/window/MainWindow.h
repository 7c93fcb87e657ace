// The main window: topology in the centre, palette left, inspector and event log right, charts
// below, run toolbar on top. It wires the parts together; each part owns its own behaviour.
#pragma once

#include "Document.h"
#include "SimController.h"

#include <QIcon>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QSettings;
class QSpinBox;
class QTimer;
class QToolBar;

class QMessageBox;

namespace cs::ui {

class ChartsPanel;
class HistoryView;
class HistoryPanel;
class Autosave;
class Inspector;
class LessonPanel;
class PredictionCover;
class LiveSync;
class Presentation;
class WindowLayout;
class TopologyScene;
class TopologyView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `interactive` false: no dialogs and no autosave recovery prompt (tests, screenshots,
    // benchmarks).
    explicit MainWindow(bool interactive = true);
    ~MainWindow() override;

    // Opens a file (or ":/" resource). On error the open document is untouched; the loader's
    // message goes to a dialog (interactive) or to *error.
    bool openScenario(const QString& path, QString* error = nullptr);
    // The file named on the command line or opened from the file manager: when it cannot be
    // opened, the window shows an empty scenario, the message in the status bar and (interactive)
    // in a dialog once the window is up. Returns whether the file opened.
    bool openFromCommandLine(const QString& path);
    void openScenarioValue(const core::Scenario& s, const QString& path);
    // Opens a built-in preset (":/presets/...") as a new untitled document: saving asks for a
    // file name, and the preset itself is never overwritten.
    bool newFromPreset(const QString& resourcePath, QString* error = nullptr);
    bool saveTo(const QString& path, QString* error = nullptr);
    void play();
    void pause();
    // Runs to `simS` as fast as possible, saves a PNG of the window and quits the application.
    // `present`: in presentation mode at that size (not full screen).
    void screenshotAfter(double simS, const QString& png, QSize size = QSize(1600, 1000),
                         bool present = false);
    // Runs to `simS` as fast as possible and calls `then` once the window shows that time (charts
    // refreshed, topology fitted): the frames of a GIF (GifRecorder).
    void whenShown(double simS, std::function<void()> then);
    void offerRecovery();

    Document* document() { return m_doc; }
    TopologyScene* scene() { return m_scene; }
    TopologyView* view() { return m_view; }
    ChartsPanel* charts() { return m_charts; }
    LessonPanel* lessonPanel() { return m_lessonPanel; }
    SimController* controller() { return m_controller; }
    SnapshotPtr lastSnapshot() const { return m_last; }
    WindowLayout* layoutKeeper() { return m_layout; }
    Presentation* presentation() { return m_present; }
    QString keysHtml() const; // Help > Keys
    // The saved layout (interactive start): "" or what the user was told.
    QString restoreLayout(QSettings& settings);
    void post(const core::Action& a);
    // What Save Session writes: the scenario the run started from (edits made live are actions,
    // not part of the start), positions as they are now, and every action applied so far.
    core::Scenario sessionScenario() const;
    // The question before unsaved changes are thrown away (Save, Discard, Cancel); owned by the
    // caller.
    static QMessageBox* unsavedChangesBox(QWidget* parent);

protected:
    void closeEvent(QCloseEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void showEvent(QShowEvent* e) override;
    void changeEvent(QEvent* e) override;

private:
    void buildActions(); // MainWindowActions.cpp
    void buildFileMenu();
    void buildEditMenu();
    void buildRunActions(QToolBar* run, QMenu* sim);
    void buildRunSwitches(QToolBar* run);
    // Narrow window or large text: the run buttons lose their text, then the switches take a
    // second row; nothing goes into an overflow menu a class cannot see.
    void fitToolbars();
    void buildTopologyTools(QMenu* sim);
    void buildViewMenu(QAction* fit); // MainWindowView.cpp
    void buildHelpMenu();
    void showKeys();
    void lessonStep(int delta);
    void buildDocks();
    void showLiveStoreMode(const Snapshot& snap);
    QString runErrorText(const std::string& text) const;
    // The status bar's hint for the run's state (unless a notice shows), saying why a lesson
    // paused it.
    void showRunHint();
    void onSnapshot(const SnapshotPtr& snap);
    void reloadEngine();
    void restartForEdit(const QString& why);
    void updateTitle();
    void setAllStoreModes(const QString& mode);
    void setAllScalingPolicies(const QString& policy);
    static QIcon kindIcon(core::NodeKind kind);
    void onSelectionChanged();
    void addNodeOfKind(core::NodeKind kind, QPointF at);
    bool maybeSave();
    void newScenario();
    void openDialog();
    bool save();
    bool saveAs();
    void saveSessionAs();
    void exportMetrics();
    void exportTopology();
    void exportCharts();
    void openHistoryFile();
    void showHistory(const QString& text, const QString& title, bool window = false);
    void autosave();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    QString setSettingsAsideIfUnreadable(); // what to tell the user, or ""

    bool m_interactive;
    ControllerThread m_thread;
    SimController* m_controller;
    Document* m_doc;
    TopologyScene* m_scene = nullptr;
    TopologyView* m_view = nullptr;
    Inspector* m_inspector = nullptr;
    ChartsPanel* m_charts = nullptr;
    HistoryView* m_history = nullptr;
    HistoryPanel* m_historyPanel = nullptr;
    LiveSync* m_sync = nullptr;
    WindowLayout* m_layout = nullptr;
    Presentation* m_present = nullptr;
    QListWidget* m_log = nullptr;
    LessonPanel* m_lessonPanel = nullptr;
    PredictionCover* m_predictionCover = nullptr;
    QLabel* m_time = nullptr;
    QToolBar* m_runBar = nullptr;      // play, step, reset, the clock, speed
    QToolBar* m_switchBar = nullptr;   // store mode, scaling policy, seed
    QToolBar* m_topologyBar = nullptr; // connect, fit
    QComboBox* m_speed = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_storeMode = nullptr;
    QComboBox* m_scaling = nullptr;
    QAction *m_playPause = nullptr, *m_connect = nullptr;
    QMenu* m_recentMenu = nullptr;
    QTimer* m_chartTimer = nullptr;
    QTimer* m_autosaveTimer = nullptr;
    std::unique_ptr<Autosave> m_autosave; // this instance's autosave file, held by a lock
    SnapshotPtr m_last;
    core::Scenario m_runStart; // the scenario the engine was last loaded with
    // The run as it was before the last rewind (its "old future"), to compare the branch with.
    std::optional<core::Scenario> m_oldFuture;
    double m_rewoundAt = 0;
    bool m_fitOnSnapshot = false; // a file just opened: fit it to the view once it runs
    double m_servedNow = 0;       // requests served per second in the last metrics interval
    QAction* m_compareBranch = nullptr;
    void rememberOldFuture(double simS);
    void compareBranch();
    std::uint64_t m_generation = 0;
    double m_screenshotAt = -1;
    QString m_hint;                // the status bar's hint for the run's state
    QString m_runError;            // the reason the run cannot start, while it is shown
    bool m_layoutRestored = false; // the saved layout is in place: keep it
    bool m_restartPending = false; // edits wait for Reset (the user chose "Later")
    QString m_screenshotPath;
    double m_shownAt = -1;
    std::function<void()> m_whenShown;
};

} // namespace cs::ui
