// The A/B compare view (Simulation > Compare with a Change): A and B side by side, each a read-only
// topology labelled "A: as is" / "B: <change>", every chart overlaid (A solid, B dashed, one
// legend), and a table of the summary keys with A, B and their difference, updated whenever both
// runs stand at the same simulated time (each lock-step round, a few times a second). One set of
// controls drives both runs (LockStep). F11 presents it: the two topologies and two charts, large
// and high-contrast. Closing it returns to the main window; the document is never touched.
#pragma once

#include "Scenario.h"
#include "SimController.h"

#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QTimer;
class QToolButton;

namespace cs::ui {

class ChartsPanel;
class CompareTable;
class Document;
class LockStep;
class TopologyScene;
class TopologyView;

class CompareView : public QWidget {
    Q_OBJECT
public:
    CompareView(const core::Scenario& a, const core::Scenario& b, const QString& description,
                QWidget* parent = nullptr);
    ~CompareView() override;
    // Simulation > Compare with a Change: the dialog that builds B from `a` (window-modal, not
    // blocking), then the view over `parent`, at its size (presenting when `present`). Both are
    // deleted when closed.
    static void start(QWidget* parent, const core::Scenario& a, bool present);
    // The view over two given runs (the old future of a rewind and its branch), the same way.
    static CompareView* open(QWidget* parent, const core::Scenario& a, const core::Scenario& b,
                             const QString& description, bool present);

    LockStep* runs() const { return m_runs; }
    ChartsPanel* charts() const { return m_charts; }
    CompareTable* summaryTable() const { return m_table; }
    TopologyView* view(int run) const { return m_views[run]; }
    TopologyScene* scene(int run) const { return m_scenes[run]; }
    QString titleOf(int run) const;
    bool isPresenting() const { return m_presenting; }
    // `fullScreen` false keeps the window's size (screenshots, tests).
    void setPresenting(bool on, bool fullScreen = true);
    QList<int> presentedCharts() const;

protected:
    bool eventFilter(QObject* watched, QEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    QWidget* buildControls();
    QWidget* buildTopologies(const QString& description);
    void onSnapshot(int run, const SnapshotPtr& snap);
    void onSynced();
    void updateControls();
    void fitViews();
    void applyPresentationSizes();

    std::unique_ptr<Document> m_docs[2];
    TopologyScene* m_scenes[2] = {nullptr, nullptr};
    TopologyView* m_views[2] = {nullptr, nullptr};
    QLabel* m_titles[2] = {nullptr, nullptr};
    QLabel* m_clock = nullptr;
    LockStep* m_runs = nullptr;
    ChartsPanel* m_charts = nullptr;
    CompareTable* m_table = nullptr;
    QWidget* m_controls = nullptr;
    QSplitter *m_split = nullptr, *m_bottom = nullptr;
    QToolButton *m_play = nullptr, *m_step = nullptr, *m_reset = nullptr, *m_present = nullptr;
    QComboBox* m_speed = nullptr;
    QTimer* m_chartTimer = nullptr;
    std::uint64_t m_generation[2] = {0, 0};
    bool m_replicated = false, m_autoscaled = false;
    bool m_presenting = false, m_wasFullScreen = false;
    double m_labelScale = 1;
    QByteArray m_geometry, m_splitState, m_tableSplitState;
    QFont m_normalFont, m_titleFont;
};

} // namespace cs::ui
