// Simulation > Compare with a Change: builds run B from the open scenario (A) with one or more
// edits, each chosen from lists (a node and one of its fields from the field table, a store's
// CP/AP mode, a group's scaling policy, a timeline action at a time), checked as it is added: a
// value out of its field's range is refused with a message. Shows what B changes in one line.
#pragma once

#include "CompareEdit.h"
#include "Scenario.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace cs::ui {

class CompareDialog : public QDialog {
    Q_OBJECT
public:
    explicit CompareDialog(const core::Scenario& a, QWidget* parent = nullptr);

    const core::Scenario& scenarioB() const { return m_b; }
    const std::vector<CompareEdit>& edits() const { return m_edits; }
    QString description() const { return describeCompareEdits(m_edits); }
    // The pages' order in the "Change" list.
    enum Page { FieldPage, StorePage, ScalingPage, TimelinePage };

private:
    QWidget* buildFieldPage();
    QWidget* buildStorePage();
    QWidget* buildScalingPage();
    QWidget* buildTimelinePage();
    void fillFields();
    void fieldChanged();
    void faultChanged();
    bool currentEdit(CompareEdit& e, QString& why) const;
    void addEdit();
    void removeEdit();
    void rebuildB();
    const core::NodeSpec* chosenNode() const;

    core::Scenario m_a, m_b;
    std::vector<CompareEdit> m_edits;
    QComboBox* m_kind = nullptr;
    QStackedWidget* m_pages = nullptr;
    QComboBox *m_node = nullptr, *m_field = nullptr, *m_choice = nullptr;
    QLineEdit* m_value = nullptr;
    QLabel* m_fieldHint = nullptr;
    QComboBox *m_store = nullptr, *m_mode = nullptr;
    QComboBox *m_group = nullptr, *m_policy = nullptr;
    QComboBox *m_fault = nullptr, *m_faultNode = nullptr, *m_link = nullptr;
    QListWidget* m_side = nullptr;
    QDoubleSpinBox* m_at = nullptr;
    QListWidget* m_list = nullptr;
    QLabel *m_message = nullptr, *m_summary = nullptr;
    QPushButton* m_compare = nullptr;
};

} // namespace cs::ui
