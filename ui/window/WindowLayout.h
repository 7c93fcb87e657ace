// The window's layout and text size: one scale for every text (the window's font, the charts'
// titles, ticks and legends, the node labels), charts that keep a readable plot whatever the
// window's height (the charts dock scrolls instead of squeezing them), and the dock layout saved in
// the settings and restored, with the default layout (and a message) when the saved one is from an
// older version, unreadable or unusable on this screen.
#pragma once

#include <QByteArray>
#include <QFont>
#include <QObject>
#include <QStringList>

class QMainWindow;
class QSettings;

namespace cs::ui {

class ChartsPanel;
class TopologyScene;

class WindowLayout : public QObject {
    Q_OBJECT
public:
    static constexpr int kVersion = 3;         // of the saved layout; older ones are not restored
    static constexpr int kMinPlotHeight = 160; // pixels of plot every chart keeps
    static constexpr double kMinScale = 0.6, kMaxScale = 3.0;

    WindowLayout(QMainWindow* window, ChartsPanel* charts, TopologyScene* scene);

    // Call once the docks and toolbars exist: what "default layout" restores.
    void captureDefault();
    void applyDefault();

    double textScale() const { return m_scale; }
    void setTextScale(double scale);  // the user's (Ctrl+= / Ctrl+- / Ctrl+0)
    void setExtraScale(double extra); // presentation mode's, on top of the user's
    double effectiveScale() const { return m_scale * m_extra; }
    double basePointSize() const { return m_baseFont.pointSizeF(); } // at scale 1
    void applyFonts();         // again, e.g. after a theme changed the charts
    void keepChartsReadable(); // each chart's minimum height: kMinPlotHeight of plot

    void save(QSettings& settings) const;
    // Restores what `save` wrote; "" when it did (or nothing was saved), else what the user is told
    // (the default layout is then in place).
    QString restore(QSettings& settings);
    // What makes a layout unusable: docks overlapping each other or the topology, docks outside
    // the window or off every screen, no room for the topology, the run toolbar hidden. Empty when
    // usable. Geometry is read as laid out: call after the window has been shown and laid out.
    static QStringList problems(const QMainWindow* window);

private:
    QMainWindow* m_window;
    ChartsPanel* m_charts;
    TopologyScene* m_scene;
    QFont m_baseFont;
    double m_scale = 1.0, m_extra = 1.0;
    QByteArray m_default;
};

} // namespace cs::ui
