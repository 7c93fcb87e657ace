// Edits the selected node, link or (with nothing selected) the scenario. A node's rows come from
// the field table (core/scenario/FieldTable.h); every change is an undo command; LiveSync carries
// it to a running engine.
#pragma once

#include "Document.h"
#include "FieldTable.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;

namespace cs::ui {

class Inspector : public QWidget {
    Q_OBJECT
public:
    explicit Inspector(Document* doc, QWidget* parent = nullptr);
    void showNode(const QString& specId);
    void showLink(const QString& a, const QString& b);
    void showScenario();
    // The instances each service group runs now (from the engine's snapshot): a group's page shows
    // them beside the count the file asks for, which autoscaling and kills make differ.
    void setRunning(const QHash<QString, int>& instances);

protected:
    bool eventFilter(QObject* watched, QEvent* e) override;

private:
    struct KeepPlace; // keeps the scroll and the focus over a rebuild of the same subject
    void clearForm();
    void refresh();
    void editNode(const std::function<void(core::NodeSpec&)>& change, const QString& what);
    // A generic row: a spin box, check box, combo box or node picker, as the row's type says.
    QWidget* fieldEditor(const core::FieldRow& row, const core::NodeSpec& n);
    QStringList idsOf(core::KindSet kinds, bool withNone) const;
    // Pages where a generic row cannot serve (InspectorPages.cpp); false: not one of them.
    bool addBespokeRows(const core::FieldRow& row, const core::NodeSpec& n);
    void addParallelRows(const core::NodeSpec& n);
    void addPriceRow(const core::NodeSpec& n);
    void addBatchingRows(const core::NodeSpec& n);
    void addScalingRows(const core::NodeSpec& n);
    void addShardRows(const core::NodeSpec& n);
    QWidget* number(double value, double lo, double hi, int decimals, const QString& suffix,
                    const QString& tip, std::function<void(double)> commit);
    // `words`: the items are a file's names ("target_tracking"), shown as words ("target
    // tracking"); `commit` gets the name.
    QWidget* choice(const QStringList& items, const QString& current, const QString& tip,
                    std::function<void(const QString&)> commit, bool words = false);
    QWidget* checkBox(const QString& text, bool on, const QString& tip,
                      std::function<void(bool)> commit);

    Document* m_doc;
    QFormLayout* m_form = nullptr;
    QLabel* m_title = nullptr;
    enum class Shown { Scenario, Node, Link } m_shown = Shown::Scenario;
    QString m_a, m_b; // node id, or link ends
    QHash<QString, int> m_running;
    QLabel* m_runningLabel = nullptr; // on a group's page
};

} // namespace cs::ui
