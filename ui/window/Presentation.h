// Presentation mode (View > Presentation, F11, `--present`): for a projector in a classroom. Full
// screen; the topology and two charts large, every other panel hidden; one scale for all text and
// lines, so that at 1280x720 tick labels, legends and node labels are at least 18 px tall; a
// high-contrast theme (black on white, Okabe-Ito colours in thick lines, no light yellow); a big
// clock; presenter keys: PageDown / PageUp the lesson's next / previous step, B blanks the screen,
// Space plays or pauses, . steps. Esc or F11 leaves it and restores the layout as it was.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>

#include <QPen>
#include <QPointer>
#include <QRect>
#include <QSize>
#include <string>

#include <vector>

class QAction;
class QLabel;
class QMainWindow;
class QWidget;
class QXYSeries;
class QChart;

namespace cs::ui {

class ChartsPanel;
class TopologyScene;
class TopologyView;
class WindowLayout;

class Presentation : public QObject {
    Q_OBJECT
public:
    static constexpr double kMinTextPx = 18; // at 720 px of height; more on taller screens
    Presentation(QMainWindow* window, WindowLayout* layout, ChartsPanel* charts,
                 TopologyScene* scene, TopologyView* view);

    bool isOn() const { return m_on; }
    // `fullScreen` false keeps the window's size (screenshots at --window-size).
    void enter(bool fullScreen = true);
    void leave();
    void setClock(const QString& text);
    bool isBlank() const;
    void setBlank(bool on);
    // The charts it shows (indices into ChartsPanel::views()); by default the two that tell the
    // scenario's story: errors and staleness with replicated stores, latency and instances with
    // autoscaling, latency and errors otherwise.
    void setChosenCharts(QList<int> charts) { m_chosen = std::move(charts); }
    // A lesson's concept (DESIGN.md section 8) picks the two charts that show it, before the
    // scenario's kind does: the hockey-stick lesson presents latency and throughput.
    void setConcept(std::string concept_name) { m_concept = std::move(concept_name); }
    void setReplicated(bool replicated) { m_replicated = replicated; }
    void setAutoscaled(bool autoscaled) { m_autoscaled = autoscaled; }
    // A lesson with steps keeps its panel beside the topology: the presenter's script, and where
    // the room's prediction is answered (the charts stay covered until it is).
    void setKeepLesson(bool keep) { m_keepLesson = keep; }
    QList<int> shownCharts() const;

    QAction* toggleAction() const { return m_toggle; }
    QList<QAction*> presenterActions() const { return m_keys; } // for Help > Keys
    QLabel* clock() const { return m_clock; }
    // The text's pixel size it aims at for a window of `height` pixels.
    static double targetPixels(int height) { return kMinTextPx * std::max(1.0, height / 720.0); }

signals:
    void nextStep();     // PageDown: the lesson's next step
    void previousStep(); // PageUp: the lesson's previous step
    void toggled(bool on);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void relayout();
    void applyTheme(bool on);
    void fitLabels(double targetPx);
    void placeClock();
    void arrangeCharts(bool present);

    QMainWindow* m_window;
    WindowLayout* m_layout;
    ChartsPanel* m_charts;
    TopologyScene* m_scene;
    TopologyView* m_view;
    bool m_on = false, m_fullScreen = false, m_wasFullScreen = false, m_wasMaximized = false;
    bool m_replicated = false, m_autoscaled = false, m_keepLesson = false;
    std::string m_concept;
    bool m_relayoutQueued = false;
    QByteArray m_state, m_geometry;
    QRect m_normalGeometry; // the window's own geometry before presenting (frame excluded)
    QSize m_laidOut;        // the window size relayout() last sized things for
    QList<QPointer<QWidget>> m_hidden; // what entering hid, shown again on leaving
    std::vector<std::pair<QPointer<QXYSeries>, QPen>> m_pens;
    QList<int> m_chosen;
    QLabel* m_clock = nullptr;
    QWidget* m_blank = nullptr;
    QWidget* m_dockTitle = nullptr; // the charts dock's empty title bar while presenting
    QAction* m_toggle = nullptr;
    QList<QAction*> m_keys;
};

} // namespace cs::ui
