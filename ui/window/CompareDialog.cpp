#include "CompareDialog.h"

#include "EnumNames.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

namespace cs::ui {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// The inspector's label or unit, translated as the inspector shows it.
QString fieldText(const char* text) {
    return QCoreApplication::translate("cs::core::FieldTable", text);
}

bool editable(const core::FieldRow& row) {
    return row.access.set &&
           (row.type == core::FieldType::Number || row.type == core::FieldType::Integer ||
            row.type == core::FieldType::Bool || row.type == core::FieldType::Enum);
}

QString shownValue(const core::FieldValue& v, const core::FieldRow& row) {
    if (const auto* d = std::get_if<double>(&v))
        return row.type == core::FieldType::Bool
                   ? (*d != 0 ? QStringLiteral("true") : QStringLiteral("false"))
                   : QString::number(*d, 'g', 10);
    return q(std::get<std::string>(v));
}

} // namespace

CompareDialog::CompareDialog(const core::Scenario& a, QWidget* parent)
    : QDialog(parent), m_a(a), m_b(a) {
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare with a Change"));
    auto* intro = new QLabel(tr("A is the scenario as it is. B is A with the changes below. Both "
                                "run side by side with the same seed (%1), in lock-step.")
                                 .arg(a.seed));
    intro->setWordWrap(true);
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("compareKind"));
    m_kind->addItems({tr("A node's field"), tr("A store's mode (CP or AP)"),
                      tr("A group's scaling policy"), tr("A timeline action")});
    m_pages = new QStackedWidget;
    m_pages->addWidget(buildFieldPage());
    m_pages->addWidget(buildStorePage());
    m_pages->addWidget(buildScalingPage());
    m_pages->addWidget(buildTimelinePage());
    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
    auto* add = new QPushButton(tr("&Add Change"));
    add->setObjectName(QStringLiteral("compareAdd"));
    connect(add, &QPushButton::clicked, this, &CompareDialog::addEdit);
    auto* kindRow = new QHBoxLayout;
    kindRow->addWidget(new QLabel(tr("Change:")));
    kindRow->addWidget(m_kind, 1);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("compareMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00000;"));
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("compareEdits"));
    m_list->setMaximumHeight(110);
    auto* remove = new QPushButton(tr("&Remove"));
    remove->setObjectName(QStringLiteral("compareRemove"));
    connect(remove, &QPushButton::clicked, this, &CompareDialog::removeEdit);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_compare = buttons->addButton(tr("&Compare"), QDialogButtonBox::AcceptRole);
    m_compare->setObjectName(QStringLiteral("compareRun"));
    m_compare->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(kindRow);
    layout->addWidget(m_pages);
    layout->addWidget(add, 0, Qt::AlignRight);
    layout->addWidget(m_message);
    layout->addWidget(new QLabel(tr("Changes in B:")));
    layout->addWidget(m_list);
    layout->addWidget(remove, 0, Qt::AlignRight);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    rebuildB();
    resize(560, 560);
}

QWidget* CompareDialog::buildFieldPage() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_node = new QComboBox;
    m_node->setObjectName(QStringLiteral("compareNode"));
    for (const auto& n : m_a.nodes)
        m_node->addItem(QStringLiteral("%1 (%2)").arg(q(n.id), core::enumName(n.kind)), q(n.id));
    m_field = new QComboBox;
    m_field->setObjectName(QStringLiteral("compareField"));
    m_value = new QLineEdit;
    m_value->setObjectName(QStringLiteral("compareValue"));
    m_choice = new QComboBox;
    m_choice->setObjectName(QStringLiteral("compareChoice"));
    m_fieldHint = new QLabel;
    m_fieldHint->setObjectName(QStringLiteral("compareFieldHint"));
    auto* value = new QHBoxLayout;
    value->setContentsMargins(0, 0, 0, 0);
    value->addWidget(m_value, 1);
    value->addWidget(m_choice, 1);
    form->addRow(tr("Node"), m_node);
    form->addRow(tr("Field"), m_field);
    form->addRow(tr("New value"), value);
    form->addRow(QString(), m_fieldHint);
    connect(m_node, &QComboBox::currentIndexChanged, this, &CompareDialog::fillFields);
    connect(m_field, &QComboBox::currentIndexChanged, this, &CompareDialog::fieldChanged);
    connect(m_value, &QLineEdit::returnPressed, this, &CompareDialog::addEdit);
    fillFields();
    return page;
}

QWidget* CompareDialog::buildStorePage() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_store = new QComboBox;
    m_store->setObjectName(QStringLiteral("compareStore"));
    for (const auto& n : m_a.nodes)
        if (n.kind == core::NodeKind::Datastore && !n.replicas.empty())
            m_store->addItem(QStringLiteral("%1 (now %2)").arg(q(n.id), core::enumName(n.mode)),
                             q(n.id));
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("compareMode"));
    m_mode->addItems({QStringLiteral("CP"), QStringLiteral("AP")});
    form->addRow(tr("Replicated store"), m_store);
    form->addRow(tr("Mode in B"), m_mode);
    if (m_store->count() == 0)
        form->addRow(new QLabel(tr("This scenario has no replicated store.")));
    return page;
}

QWidget* CompareDialog::buildScalingPage() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_group = new QComboBox;
    m_group->setObjectName(QStringLiteral("compareGroup"));
    for (const auto& n : m_a.nodes)
        if (n.kind == core::NodeKind::ServiceGroup) m_group->addItem(q(n.id), q(n.id));
    m_policy = new QComboBox;
    m_policy->setObjectName(QStringLiteral("comparePolicy"));
    for (const char* name : core::enumNames<core::Autoscaling::Policy>())
        m_policy->addItem(QString::fromLatin1(name));
    form->addRow(tr("Service group"), m_group);
    form->addRow(tr("Policy in B"), m_policy);
    form->addRow(new QLabel(tr("A group without autoscaling gets min = its instances, max = 4x.")));
    return page;
}

QWidget* CompareDialog::buildTimelinePage() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    m_fault = new QComboBox;
    m_fault->setObjectName(QStringLiteral("compareFault"));
    m_fault->addItems({tr("Kill a node"), tr("Restart a node"), tr("Cut a link"), tr("Heal a link"),
                       tr("Partition nodes from the rest")});
    m_faultNode = new QComboBox;
    m_faultNode->setObjectName(QStringLiteral("compareFaultNode"));
    m_side = new QListWidget;
    m_side->setObjectName(QStringLiteral("comparePartition"));
    m_side->setMaximumHeight(120);
    for (const auto& n : m_a.nodes) {
        m_faultNode->addItem(q(n.id));
        auto* item = new QListWidgetItem(q(n.id), m_side);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_link = new QComboBox;
    m_link->setObjectName(QStringLiteral("compareLink"));
    for (const auto& l : m_a.links)
        m_link->addItem(QStringLiteral("%1 – %2").arg(q(l.a), q(l.b)), QStringList{q(l.a), q(l.b)});
    m_at = new QDoubleSpinBox;
    m_at->setObjectName(QStringLiteral("compareAt"));
    m_at->setRange(0, m_a.duration_s);
    m_at->setDecimals(1);
    m_at->setSuffix(tr(" s"));
    m_at->setValue(std::round(m_a.duration_s / 3));
    form->addRow(tr("Action"), m_fault);
    form->addRow(tr("Node"), m_faultNode);
    form->addRow(tr("Link"), m_link);
    form->addRow(tr("Cut off"), m_side);
    form->addRow(tr("At (simulated)"), m_at);
    connect(m_fault, &QComboBox::currentIndexChanged, this, &CompareDialog::faultChanged);
    faultChanged();
    return page;
}

// Only the target the chosen action takes is enabled.
void CompareDialog::faultChanged() {
    const int f = m_fault->currentIndex();
    m_faultNode->setEnabled(f <= 1);
    m_link->setEnabled(f == 2 || f == 3);
    m_side->setEnabled(f == 4);
}

const core::NodeSpec* CompareDialog::chosenNode() const {
    const int i = m_node->currentIndex();
    return i < 0 ? nullptr : &m_a.nodes[static_cast<std::size_t>(i)];
}

// Every field of the node's kind the field table lets a value be set on (numbers, whole numbers,
// switches, choices), named as the inspector names them.
void CompareDialog::fillFields() {
    m_field->clear();
    const core::NodeSpec* n = chosenNode();
    if (!n) return;
    for (const core::FieldRow& row : core::fieldTable()) {
        if (!editable(row) || !row.appliesTo(*n)) continue;
        const QString name = QString::fromLatin1(row.name);
        m_field->addItem(
            row.label ? QStringLiteral("%1 (%2)").arg(fieldText(row.label), name) : name, name);
    }
    fieldChanged();
}

void CompareDialog::fieldChanged() {
    const core::NodeSpec* n = chosenNode();
    const core::FieldRow* row =
        n ? core::findField(n->kind, m_field->currentData().toString().toStdString()) : nullptr;
    if (!row) return;
    const bool choice = row->type == core::FieldType::Enum || row->type == core::FieldType::Bool;
    m_value->setVisible(!choice);
    m_choice->setVisible(choice);
    m_choice->clear();
    const QString now = shownValue(row->access.get(*n), *row);
    if (row->type == core::FieldType::Bool)
        m_choice->addItems({QStringLiteral("true"), QStringLiteral("false")});
    for (const char* c : row->choices) m_choice->addItem(QString::fromLatin1(c));
    if (choice) { // the other choice: a change is what the dialog is for
        const int at = m_choice->findText(now);
        m_choice->setCurrentIndex(at >= 0 && m_choice->count() > 1 ? (at + 1) % m_choice->count()
                                                                   : 0);
        m_fieldHint->setText(tr("now %1").arg(now));
        return;
    }
    const QString unit =
        row->unit && *row->unit ? QStringLiteral(" ") + fieldText(row->unit) : QString();
    m_value->clear();
    m_value->setPlaceholderText(fieldRange(*row, *n) + unit);
    m_fieldHint->setText(tr("now %1%2; accepted: %3%2").arg(now, unit, fieldRange(*row, *n)));
}

bool CompareDialog::currentEdit(CompareEdit& e, QString& why) const {
    switch (m_kind->currentIndex()) {
    case FieldPage: {
        const core::NodeSpec* n = chosenNode();
        if (!n || m_field->currentIndex() < 0) return why = tr("Choose a node and a field."), false;
        e.kind = CompareEdit::Kind::Field;
        e.node = n->id;
        e.field = m_field->currentData().toString().toStdString();
        const QString text = m_choice->isHidden() ? m_value->text() : m_choice->currentText();
        if (text.trimmed().isEmpty()) return why = tr("Type the value B should have."), false;
        const core::FieldRow* row = core::findField(n->kind, e.field);
        why = row ? parseFieldValue(*row, *n, text, e.value) : tr("Unknown field");
        return why.isEmpty();
    }
    case StorePage:
        if (m_store->count() == 0) return why = tr("There is no replicated store."), false;
        e.kind = CompareEdit::Kind::StoreMode;
        e.node = m_store->currentData().toString().toStdString();
        e.value = m_mode->currentText().toStdString();
        return true;
    case ScalingPage:
        if (m_group->count() == 0) return why = tr("There is no service group."), false;
        e.kind = CompareEdit::Kind::ScalingPolicy;
        e.node = m_group->currentData().toString().toStdString();
        e.value = m_policy->currentText().toStdString();
        return true;
    default:
        break;
    }
    e.kind = CompareEdit::Kind::Timeline;
    e.fault = static_cast<CompareEdit::Fault>(m_fault->currentIndex());
    e.at_s = m_at->value();
    e.node = m_faultNode->currentText().toStdString();
    const QStringList link = m_link->currentData().toStringList();
    if ((e.fault == CompareEdit::Fault::Cut || e.fault == CompareEdit::Fault::Heal) &&
        link.size() != 2)
        return why = tr("There is no link."), false;
    if (link.size() == 2) {
        e.a = link[0].toStdString();
        e.b = link[1].toStdString();
    }
    for (int i = 0; i < m_side->count(); ++i)
        if (m_side->item(i)->checkState() == Qt::Checked)
            e.side.push_back(m_side->item(i)->text().toStdString());
    if (e.fault == CompareEdit::Fault::Partition && e.side.empty())
        return why = tr("Tick the nodes to cut off from the rest."), false;
    return true;
}

void CompareDialog::addEdit() {
    CompareEdit e;
    QString why;
    if (!currentEdit(e, why)) return m_message->setText(why);
    core::Scenario next = m_b;
    if (const QString bad = applyCompareEdit(next, e); !bad.isEmpty())
        return m_message->setText(bad);
    m_message->clear();
    m_edits.push_back(e);
    rebuildB();
}

void CompareDialog::removeEdit() {
    const int row = m_list->currentRow() >= 0 ? m_list->currentRow() : m_list->count() - 1;
    if (row < 0) return;
    m_edits.erase(m_edits.begin() + row);
    rebuildB();
}

// B again from A and the edits left (removing one may make a later one meaningless: it goes too).
void CompareDialog::rebuildB() {
    m_b = m_a;
    std::vector<CompareEdit> kept;
    for (const CompareEdit& e : m_edits)
        if (applyCompareEdit(m_b, e).isEmpty()) kept.push_back(e);
    m_edits = std::move(kept);
    m_list->clear();
    for (const CompareEdit& e : m_edits) m_list->addItem(describeCompareEdit(e));
    m_summary->setText(description());
    m_compare->setText(m_edits.empty() ? tr("&Compare (no change)") : tr("&Compare"));
}

} // namespace cs::ui
