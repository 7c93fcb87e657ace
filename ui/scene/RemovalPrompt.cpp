#include "RemovalPrompt.h"

#include "FieldTable.h"
#include "Palette.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace cs::ui {
namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString valueText(const core::FieldValue& v) {
    if (const auto* text = std::get_if<std::string>(&v)) return qs(*text);
    return QString::number(std::get<double>(v));
}

// An action as the file names it, short: "cut_link db1-db3", "set db.mode = AP".
QString actionWords(const core::Action& a) {
    const QString kind = QString::fromLatin1(core::toString(a.kind));
    switch (a.kind) {
    case core::ActionKind::CutLink:
    case core::ActionKind::HealLink:
    case core::ActionKind::SetLink:
        return QStringLiteral("%1 %2-%3").arg(kind, qs(a.a), qs(a.b));
    case core::ActionKind::SetField:
        return QStringLiteral("%1 %2.%3 = %4")
            .arg(kind, qs(a.node), qs(a.field), valueText(a.value));
    case core::ActionKind::SetRate:
        return QStringLiteral("%1 %2 %3").arg(kind, qs(a.node)).arg(a.rate_rps);
    default:
        return QStringLiteral("%1 %2").arg(kind, qs(a.node));
    }
}

// The fields of a node that stays which the deletion changed.
void describeEdit(const core::NodeSpec& before, const core::NodeSpec& after, QStringList& out) {
    const QString id = qs(before.id);
    for (const core::FieldRow& row : core::fieldTable()) {
        if (!row.inFile || !row.access.get || !row.appliesTo(before)) continue;
        const core::FieldValue was = row.access.get(before), now = row.access.get(after);
        if (was == now) continue;
        const auto* text = std::get_if<std::string>(&now);
        if (text && text->empty())
            out << QCoreApplication::translate("RemovalPrompt", "%1: %2 cleared (was %3)")
                       .arg(id, QString::fromLatin1(row.name), valueText(was));
        else
            out << QCoreApplication::translate("RemovalPrompt", "%1: %2 %3 becomes %4")
                       .arg(id, QString::fromLatin1(row.name), valueText(was), valueText(now));
    }
    QStringList lost;
    for (const auto& r : before.replicas)
        if (std::find(after.replicas.begin(), after.replicas.end(), r) == after.replicas.end())
            lost << qs(r);
    if (!lost.isEmpty())
        out << QCoreApplication::translate("RemovalPrompt", "%1: replicas without %2")
                   .arg(id, lost.join(QStringLiteral(", ")));
}

} // namespace

QStringList describeRemoval(const core::NodeRemoval& r) {
    QStringList out;
    for (const auto& [index, n] : r.nodes)
        if (std::find(r.asked.begin(), r.asked.end(), n.id) == r.asked.end())
            out << QCoreApplication::translate("RemovalPrompt",
                                               "%1 %2, which cannot work without it")
                       .arg(palette::kindLabel(n.kind), qs(n.id));
    for (const auto& [before, after] : r.edited) describeEdit(before, after, out);
    for (const auto& l : r.addedLinks)
        out << QCoreApplication::translate("RemovalPrompt", "a new link %1-%2 (around what goes)")
                   .arg(qs(l.a), qs(l.b));
    for (const auto& [index, a] : r.timeline)
        out << QCoreApplication::translate("RemovalPrompt", "timeline at %1 s: %2")
                   .arg(static_cast<double>(a.at_us) / 1e6)
                   .arg(actionWords(a));
    for (const auto& sa : r.lessonActions) {
        out << QCoreApplication::translate("RemovalPrompt", "lesson step %1: the action %2")
                   .arg(static_cast<qulonglong>(sa.step + 1))
                   .arg(actionWords(sa.action));
    }
    for (const auto& [index, e] : r.expect)
        out << QCoreApplication::translate("RemovalPrompt", "expectation \"%1\"")
                   .arg(qs(e.label()));
    return out;
}

bool confirmRemoval(QWidget* parent, const core::NodeRemoval& r) {
    QStringList asked;
    for (const auto& id : r.asked) asked << qs(id);
    if (r.asked.empty()) // a link
        for (const auto& [index, l] : r.links)
            asked << QStringLiteral("%1-%2").arg(qs(l.a), qs(l.b));
    const QString names = asked.join(QStringLiteral(", "));
    if (!r.error.empty()) {
        QMessageBox box(QMessageBox::Warning,
                        QCoreApplication::translate("RemovalPrompt", "Cannot delete"),
                        QCoreApplication::translate(
                            "RemovalPrompt", "Deleting %1 would leave a scenario that does not "
                                             "open again:\n%2")
                            .arg(names, qs(r.error)),
                        QMessageBox::Ok, parent);
        box.setObjectName(QStringLiteral("removalRefused"));
        box.exec();
        return false;
    }
    if (!r.takesMore()) return true;
    QMessageBox box(
        QMessageBox::Question, QCoreApplication::translate("RemovalPrompt", "Delete"),
        QCoreApplication::translate("RemovalPrompt", "Deleting %1 also removes what names it:")
            .arg(names),
        QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("removalPrompt"));
    box.setInformativeText(
        QStringLiteral("• ") + describeRemoval(r).join(QStringLiteral("\n• ")) +
        QStringLiteral("\n\n") +
        QCoreApplication::translate("RemovalPrompt", "Undo brings all of it back."));
    QPushButton* remove =
        box.addButton(QCoreApplication::translate("RemovalPrompt", "Delete all of it"),
                      QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(remove);
    box.exec();
    return box.clickedButton() == remove;
}

} // namespace cs::ui
