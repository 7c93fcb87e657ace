// A history as a timeline: one lane per client process, each operation a bar from invocation to
// completion, indeterminate ones open-ended. For a violation, the longest linearizable prefix is
// tinted and the operation that cannot be placed is outlined, as Porcupine's visualisation does.
// Painted directly (no scene): only the visible operations are drawn, so 20,000 stay fluid.
#pragma once

#include "History.h"

#include <QWidget>

namespace cs::ui {

class HistoryView : public QWidget {
    Q_OBJECT
public:
    explicit HistoryView(QWidget* parent = nullptr);
    // Shows `h`, not yet checked; its verdict and highlights come with setVerdict.
    void setHistory(core::History h, const QString& title);
    // The checker's verdict for the history shown. `cancelled`: the check was stopped (shown as
    // "not checked", never as a pass).
    void setVerdict(const core::HistoryVerdict& v, bool cancelled = false);
    const core::History& history() const { return m_history; }
    const core::HistoryVerdict& verdict() const { return m_verdict; }
    bool checked() const { return m_checked; }
    void clear(); // nothing shown (a new scenario was opened)
    std::size_t operationCount() const { return m_history.ops.size(); }
    int laneCount() const { return m_lanes; }
    QRectF badBar() const; // where the operation that fits no order is drawn (empty: none)

signals:
    void operationClicked(const QString& client, const QString& key, const QString& replica);

protected:
    void paintEvent(QPaintEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    void mouseDoubleClickEvent(QMouseEvent* e) override; // back to the whole history
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    bool event(QEvent* e) override; // tooltips

private:
    int opAt(QPoint p) const;
    QRectF barOf(std::size_t i) const;
    double xOf(std::int64_t t) const;
    QString timeText(std::int64_t t) const; // simulated seconds, or a line number

    core::History m_history;
    core::HistoryVerdict m_verdict;
    std::vector<int> m_lane; // per operation
    std::vector<QString> m_laneLabels;
    std::vector<char> m_inPrefix; // per operation
    int m_lanes = 0;
    QString m_title;
    bool m_checked = false, m_cancelled = false;
    double m_t0 = 0, m_t1 = 1; // visible time range
    std::int64_t m_min = 0, m_max = 1;
    QPoint m_drag;
    bool m_dragging = false;
};

} // namespace cs::ui
