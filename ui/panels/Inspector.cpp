#include "Inspector.h"

#include "DocumentCommands.h"
#include "Palette.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace cs::ui {
using core::NodeKind;

Inspector::Inspector(Document* doc, QWidget* parent) : QWidget(parent), m_doc(doc) {
    setObjectName(QStringLiteral("inspector"));
    auto* v = new QVBoxLayout(this);
    m_title = new QLabel;
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_title->setFont(f);
    v->addWidget(m_title);
    m_form = new QFormLayout;
    // A narrow dock (a 720p projector, large text) puts a long row's field under its label
    // rather than growing wider than the dock.
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    v->addLayout(m_form);
    v->addStretch();
    connect(doc, &Document::reloaded, this, &Inspector::showScenario);
    connect(doc, &Document::structureChanged, this, &Inspector::refresh);
    connect(doc, &Document::nodeChanged, this, [this](const QString& id) {
        if (m_shown == Shown::Node && id == m_a) refresh();
    });
    connect(doc, &Document::linkChanged, this, [this] {
        if (m_shown == Shown::Link) refresh();
    });
    connect(doc, &Document::metaChanged, this, [this] {
        if (m_shown == Shown::Scenario) refresh();
    });
    showScenario();
}

namespace {
// Takes an item out of the form for good. Its widgets are deleted later, not now: the form is
// rebuilt from inside an editor's own signal (Enter in a number box commits an edit, the document
// changes, the inspector refreshes), and deleting that editor there would pull the floor from
// under its event handler. Until then they are hidden, parentless and silent, so losing focus as
// they hide commits nothing twice.
void discard(QLayoutItem* item) {
    if (!item) return;
    if (QWidget* w = item->widget()) {
        w->blockSignals(true);
        for (QWidget* child : w->findChildren<QWidget*>()) child->blockSignals(true);
        w->hide();
        w->setParent(nullptr); // out of the inspector at once: findChild sees only the new form
        w->deleteLater();
    } else if (QLayout* inner = item->layout()) {
        while (QLayoutItem* sub = inner->takeAt(0)) discard(sub);
    }
    delete item;
}
} // namespace

void Inspector::clearForm() {
    m_runningLabel = nullptr;
    while (m_form->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_form->takeRow(0);
        discard(row.labelItem);
        discard(row.fieldItem);
    }
}

// The subject shown again (an edit, the scene reselecting it after an edit): the rebuilt form keeps
// its scroll position and the field being edited. A teacher tabbing through fields, or editing one
// at the bottom of a long form, was thrown back to the top.
struct Inspector::KeepPlace {
    KeepPlace(Inspector* inspector, Shown shown, const QString& a, const QString& b);
    ~KeepPlace();
    KeepPlace(const KeepPlace&) = delete;
    KeepPlace& operator=(const KeepPlace&) = delete;
    Inspector* m_inspector = nullptr; // null: another subject, nothing to keep
    QScrollArea* m_scroll = nullptr;
    int m_scrolled = 0;
    QString m_focused; // the object name of the field being edited
};

Inspector::KeepPlace::KeepPlace(Inspector* inspector, Shown shown, const QString& a,
                                const QString& b) {
    if (shown != inspector->m_shown || a != inspector->m_a || b != inspector->m_b) return;
    for (QWidget* p = inspector->parentWidget(); p && !m_scroll; p = p->parentWidget())
        m_scroll = qobject_cast<QScrollArea*>(p);
    m_scrolled = m_scroll ? m_scroll->verticalScrollBar()->value() : 0;
    QWidget* focus = QApplication::focusWidget();
    if (focus && qobject_cast<QAbstractSpinBox*>(focus->parentWidget()))
        focus = focus->parentWidget(); // a number box's line edit
    if (focus && inspector->isAncestorOf(focus)) m_focused = focus->objectName();
    m_inspector = inspector;
}

Inspector::KeepPlace::~KeepPlace() {
    if (!m_inspector) return;
    // Once the new form is shown and laid out (its widgets show from the event loop).
    QTimer::singleShot(0, m_inspector,
                       [inspector = m_inspector, scroll = QPointer(m_scroll), at = m_scrolled,
                        focused = m_focused] {
                           if (!focused.isEmpty())
                               if (auto* w = inspector->findChild<QWidget*>(focused);
                                   w && w->isVisible())
                                   w->setFocus();
                           if (scroll) scroll->verticalScrollBar()->setValue(at);
                       });
}

void Inspector::refresh() {
    switch (m_shown) {
    case Shown::Scenario:
        showScenario();
        break;
    case Shown::Node:
        showNode(m_a);
        break;
    case Shown::Link:
        showLink(m_a, m_b);
        break;
    }
}

// A number box has no use for a space, and a teacher who just typed a value presses Space to play:
// the value is committed and the window's shortcut has the key (the box blanked its value).
bool Inspector::eventFilter(QObject* watched, QEvent* e) {
    if (e->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(e);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            // The number typed counts: it is committed before the run plays (it waited for
            // Enter or focus out, and the run played the old value).
            if (auto* box = qobject_cast<QAbstractSpinBox*>(watched)) box->interpretText();
            e->ignore();
            return true; // not overridden: the shortcut fires
        }
    }
    return QWidget::eventFilter(watched, e);
}

QWidget* Inspector::number(double value, double lo, double hi, int decimals, const QString& suffix,
                           const QString& tip, std::function<void(double)> commit) {
    auto* box = new QDoubleSpinBox;
    box->setRange(lo, hi);
    box->setDecimals(decimals);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setToolTip(tip);
    box->setKeyboardTracking(false); // commit on Enter or focus out, not on every keystroke
    box->installEventFilter(this);   // Space stays Play/Pause (eventFilter)
    connect(box, &QDoubleSpinBox::valueChanged, this, [commit](double v) { commit(v); });
    return box;
}

QWidget* Inspector::choice(const QStringList& items, const QString& current, const QString& tip,
                           std::function<void(const QString&)> commit, bool words) {
    auto* box = new QComboBox;
    for (const QString& item : items)
        box->addItem(words ? QString(item).replace(u'_', u' ') : item, item);
    box->setCurrentIndex(box->findData(current));
    box->setToolTip(tip);
    connect(box, &QComboBox::currentIndexChanged, this,
            [box, commit](int i) { commit(box->itemData(i).toString()); });
    return box;
}

void Inspector::editNode(const std::function<void(core::NodeSpec&)>& change, const QString& what) {
    const int i = m_doc->nodeIndex(m_a.toStdString());
    if (i < 0) return;
    core::NodeSpec n = m_doc->scenario().nodes[static_cast<std::size_t>(i)];
    const core::NodeSpec before = n;
    change(n);
    if (n == before) return;
    m_doc->undoStack()->push(new SetNodeCommand(m_doc, n, tr("%1: %2").arg(m_a, what)));
}

void Inspector::showScenario() {
    const KeepPlace keep(this, Shown::Scenario, {}, {});
    m_shown = Shown::Scenario;
    m_a.clear();
    m_b.clear();
    clearForm();
    const core::Scenario& s = m_doc->scenario();
    m_title->setText(tr("Scenario"));
    auto meta = [this](const std::function<void(core::Scenario&)>& f) {
        core::Scenario m = m_doc->scenario();
        f(m);
        m_doc->undoStack()->push(new SetMetaCommand(m_doc, m));
    };
    auto* name = new QLineEdit(QString::fromStdString(s.name));
    name->setToolTip(tr("The scenario's title, shown in the window title"));
    name->setCursorPosition(0); // a long name shows its beginning
    connect(name, &QLineEdit::editingFinished, this, [name, meta] {
        meta([&](core::Scenario& m) { m.name = name->text().toStdString(); });
    });
    m_form->addRow(tr("Name"), name);
    m_form->addRow(tr("Duration"), number(s.duration_s, 0.1, 1e6, 1, tr(" s"),
                                          tr("Simulated seconds a run lasts"), [meta](double v) {
                                              meta([v](core::Scenario& m) { m.duration_s = v; });
                                          }));
    m_form->addRow(
        tr("Metrics every"),
        number(s.metrics_interval_ms, 10, 60000, 0, tr(" ms"), tr("One chart point per interval"),
               [meta](double v) { meta([v](core::Scenario& m) { m.metrics_interval_ms = v; }); }));
}

void Inspector::showLink(const QString& a, const QString& b) {
    const KeepPlace keep(this, Shown::Link, a, b);
    m_shown = Shown::Link;
    m_a = a;
    m_b = b;
    clearForm();
    const int i = m_doc->linkIndex(a.toStdString(), b.toStdString());
    if (i < 0) return showScenario();
    const core::LinkSpec l = m_doc->scenario().links[static_cast<std::size_t>(i)];
    m_title->setText(tr("Link %1 – %2").arg(a, b));
    auto edit = [this, i](const std::function<void(core::LinkSpec&)>& f) {
        core::LinkSpec next = m_doc->scenario().links[static_cast<std::size_t>(i)];
        f(next);
        if (next.p99_ms < next.median_ms) next.p99_ms = next.median_ms;
        m_doc->undoStack()->push(new SetLinkCommand(m_doc, i, next));
    };
    m_form->addRow(tr("Median latency"),
                   number(l.median_ms, 0, 1e5, 2, tr(" ms"), tr("One-way latency, median"),
                          [edit](double v) { edit([v](core::LinkSpec& x) { x.median_ms = v; }); }));
    m_form->addRow(tr("p99 latency"),
                   number(l.p99_ms, 0, 1e5, 2, tr(" ms"),
                          tr("One-way latency, 99th percentile (>= median)"),
                          [edit](double v) { edit([v](core::LinkSpec& x) { x.p99_ms = v; }); }));
    m_form->addRow(tr("Loss"),
                   number(l.loss * 100, 0, 100, 2, tr(" %"),
                          tr("Chance that a message crossing this link is lost"), [edit](double v) {
                              edit([v](core::LinkSpec& x) { x.loss = v / 100; });
                          }));
}

namespace {
QString fieldText(const char* text) {
    return QCoreApplication::translate("cs::core::FieldTable", text);
}
} // namespace

QWidget* Inspector::checkBox(const QString& text, bool on, const QString& tip,
                             std::function<void(bool)> commit) {
    auto* box = new QCheckBox(text);
    box->setChecked(on);
    box->setToolTip(tip);
    connect(box, &QCheckBox::toggled, this, [commit](bool v) { commit(v); });
    return box;
}

QStringList Inspector::idsOf(core::KindSet kinds, bool withNone) const {
    QStringList out;
    if (withNone) out << QString();
    for (const auto& x : m_doc->scenario().nodes)
        if (kinds.has(x.kind)) out << QString::fromStdString(x.id);
    return out;
}

QWidget* Inspector::fieldEditor(const core::FieldRow& row, const core::NodeSpec& n) {
    const QString tip = fieldText(row.tip);
    const QString what = fieldText(row.label);
    auto set = [this, &row, what](core::FieldValue v) {
        editNode([&row, v](core::NodeSpec& x) { row.access.set(x, v); }, what);
    };
    const core::FieldValue value = row.access.get(n);
    QWidget* w = nullptr;
    switch (row.type) {
    case core::FieldType::Bool:
        w = checkBox({}, std::get<double>(value) != 0, tip,
                     [set](bool on) { set(on ? 1.0 : 0.0); });
        break;
    case core::FieldType::Enum:
    case core::FieldType::Reference: {
        QStringList items;
        if (row.type == core::FieldType::Enum)
            for (const char* c : row.choices) items << QString::fromLatin1(c);
        else
            // An empty required reference (a node just added) shows empty, not the first choice,
            // so that what is shown is what the file holds and picking that choice sets it.
            items = idsOf(row.refKinds, !row.required || std::get<std::string>(value).empty());
        w = choice(
            items, QString::fromStdString(std::get<std::string>(value)), tip,
            [set](const QString& t) { set(t.toStdString()); }, row.type == core::FieldType::Enum);
        break;
    }
    default: {
        const double scale = row.scale;
        const QString unit = *row.unit ? QStringLiteral(" ") + fieldText(row.unit) : QString();
        // The spin box rounds its bounds to its decimals: round the lower one up, so that a
        // minimum such as 0.001 ms shown with one decimal does not become an invalid 0.
        const double step = std::pow(10.0, -row.decimals);
        const double lo = std::ceil(row.lo * scale / step - 1e-9) * step;
        auto* box = static_cast<QDoubleSpinBox*>(
            number(std::get<double>(value) * scale, lo, row.maxFor(n) * scale, row.decimals, unit,
                   tip, [set, scale](double v) { set(v / scale); }));
        if (*row.offText && row.lo == 0) box->setSpecialValueText(fieldText(row.offText));
        w = box;
    }
    }
    w->setObjectName(QString::fromLatin1(row.name));
    return w;
}

// The node's rows in the field table's order: generic where a row can serve, bespoke elsewhere.
void Inspector::showNode(const QString& id) {
    const KeepPlace keep(this, Shown::Node, id, {});
    m_shown = Shown::Node;
    m_b.clear();
    m_a = id;
    clearForm();
    const core::NodeSpec* found = m_doc->scenario().find(id.toStdString());
    if (!found) return showScenario();
    const core::NodeSpec n = *found;
    m_title->setText(tr("%1 · %2").arg(id, palette::kindLabel(n.kind)));
    if (n.kind == NodeKind::Replica)
        m_form->addRow(new QLabel(tr("A replica of its datastore; links attach here.")));
    for (const core::FieldRow& row : core::fieldTable()) {
        if (!row.label || !row.appliesTo(n) || addBespokeRows(row, n)) continue;
        m_form->addRow(fieldText(row.label), fieldEditor(row, n));
        if (n.kind == NodeKind::ServiceGroup && std::string_view(row.name) == "instances") {
            m_runningLabel = new QLabel;
            m_runningLabel->setObjectName(QStringLiteral("runningInstances"));
            m_runningLabel->setToolTip(tr("Instances the running simulation has now: autoscaling "
                                          "and kills change it; the box above is the file's"));
            m_form->addRow(tr("Running now"), m_runningLabel);
            setRunning(m_running);
        }
    }
}

void Inspector::setRunning(const QHash<QString, int>& instances) {
    m_running = instances;
    if (!m_runningLabel || m_shown != Shown::Node) return;
    const auto it = instances.find(m_a);
    // "not started": the run has no such group yet (added since it began; Reset starts it).
    const QString text = it == instances.end() ? tr("not started")
                         : *it == 0            ? tr("0: every instance is down")
                                               : tr("%1").arg(*it);
    if (m_runningLabel->text() != text) m_runningLabel->setText(text);
}

} // namespace cs::ui
