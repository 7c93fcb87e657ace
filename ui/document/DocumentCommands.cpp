#include "DocumentCommands.h"

#include <QCoreApplication>

#include <algorithm>

namespace cs::ui {
// Undo texts: QUndoCommand is no QObject, so they are translated in one context, spelled out for
// lupdate at each call.
SetNodeCommand::SetNodeCommand(Document* doc, const core::NodeSpec& after, const QString& text)
    : QUndoCommand(text), m_doc(doc), m_id(after.id), m_other(after) {}

void SetNodeCommand::swap() {
    const int i = m_doc->nodeIndex(m_id);
    if (i < 0) return;
    core::NodeSpec current = m_doc->scenario().nodes[static_cast<std::size_t>(i)];
    m_doc->setNode(i, m_other);
    m_id = m_other.id;
    m_other = std::move(current);
}

MoveNodesCommand::MoveNodesCommand(Document* doc,
                                   std::vector<std::pair<std::string, QPointF>> newPositions)
    : QUndoCommand(newPositions.size() == 1
                       ? QCoreApplication::translate("DocumentCommands", "Move %1")
                             .arg(QString::fromStdString(newPositions[0].first))
                       : QCoreApplication::translate("DocumentCommands", "Move %1 nodes")
                             .arg(newPositions.size())),
      m_doc(doc), m_positions(std::move(newPositions)) {}

void MoveNodesCommand::swap() {
    for (auto& [id, pos] : m_positions) {
        const int i = m_doc->nodeIndex(id);
        if (i < 0) continue;
        core::NodeSpec n = m_doc->scenario().nodes[static_cast<std::size_t>(i)];
        const QPointF old(n.x, n.y);
        n.x = pos.x();
        n.y = pos.y();
        m_doc->setNode(i, n);
        pos = old;
    }
}

AddNodeCommand::AddNodeCommand(Document* doc, const core::NodeSpec& spec)
    : QUndoCommand(QCoreApplication::translate("DocumentCommands", "Add %1")
                       .arg(QString::fromStdString(spec.id))),
      m_doc(doc), m_spec(spec) {}

void AddNodeCommand::redo() {
    m_doc->insertNode(static_cast<int>(m_doc->scenario().nodes.size()), m_spec);
}

void AddNodeCommand::undo() {
    const int i = m_doc->nodeIndex(m_spec.id);
    if (i >= 0) m_doc->removeNode(i);
}

RemoveNodesCommand::RemoveNodesCommand(Document* doc, const std::vector<std::string>& ids)
    : RemoveNodesCommand(
          doc, core::planNodeRemoval(doc->scenario(), ids, doc->filePath().toStdString())) {}

RemoveNodesCommand::RemoveNodesCommand(Document* doc, core::NodeRemoval plan)
    : QUndoCommand(plan.asked.size() == 1
                       ? QCoreApplication::translate("DocumentCommands", "Delete %1")
                             .arg(QString::fromStdString(plan.asked[0]))
                       : QCoreApplication::translate("DocumentCommands", "Delete %1 nodes")
                             .arg(plan.asked.size())),
      m_doc(doc), m_plan(std::move(plan)) {}

void RemoveNodesCommand::redo() {
    if (!m_plan.error.empty() || m_plan.asked.empty()) {
        setObsolete(true); // nothing changes, nothing is recorded
        return;
    }
    m_doc->applyRemoval(m_plan, false);
}

void RemoveNodesCommand::undo() {
    m_doc->applyRemoval(m_plan, true);
}

AddLinkCommand::AddLinkCommand(Document* doc, const core::LinkSpec& link)
    : QUndoCommand(QCoreApplication::translate("DocumentCommands", "Link %1 to %2")
                       .arg(QString::fromStdString(link.a), QString::fromStdString(link.b))),
      m_doc(doc), m_link(link) {}

void AddLinkCommand::redo() {
    m_doc->insertLink(static_cast<int>(m_doc->scenario().links.size()), m_link);
}

void AddLinkCommand::undo() {
    const int i = m_doc->linkIndex(m_link.a, m_link.b);
    if (i >= 0) m_doc->removeLink(i);
}

RemoveLinkCommand::RemoveLinkCommand(Document* doc, int index)
    : RemoveLinkCommand(doc, core::planLinkRemoval(doc->scenario(),
                                                   index < 0 ? doc->scenario().links.size()
                                                             : static_cast<std::size_t>(index))) {}

RemoveLinkCommand::RemoveLinkCommand(Document* doc, core::NodeRemoval plan)
    : QUndoCommand(QCoreApplication::translate("DocumentCommands", "Delete link")), m_doc(doc),
      m_plan(std::move(plan)) {}

void RemoveLinkCommand::redo() {
    if (m_plan.links.empty()) {
        setObsolete(true);
        return;
    }
    m_doc->applyRemoval(m_plan, false);
}

void RemoveLinkCommand::undo() {
    m_doc->applyRemoval(m_plan, true);
}

SetLinkCommand::SetLinkCommand(Document* doc, int index, const core::LinkSpec& after)
    : QUndoCommand(QCoreApplication::translate("DocumentCommands", "Edit link %1-%2")
                       .arg(QString::fromStdString(after.a), QString::fromStdString(after.b))),
      m_doc(doc), m_index(index), m_other(after) {}

void SetLinkCommand::swap() {
    core::LinkSpec current = m_doc->scenario().links[static_cast<std::size_t>(m_index)];
    m_doc->setLink(m_index, m_other);
    m_other = std::move(current);
}

SetMetaCommand::SetMetaCommand(Document* doc, const core::Scenario& after)
    : QUndoCommand(QCoreApplication::translate("DocumentCommands", "Edit the scenario")),
      m_doc(doc) {
    m_other.name = after.name;
    m_other.lesson = after.lesson;
    m_other.seed = after.seed;
    m_other.duration_s = after.duration_s;
    m_other.metrics_interval_ms = after.metrics_interval_ms;
}

void SetMetaCommand::swap() {
    const core::Scenario& s = m_doc->scenario();
    core::Scenario current;
    current.name = s.name;
    current.lesson = s.lesson;
    current.seed = s.seed;
    current.duration_s = s.duration_s;
    current.metrics_interval_ms = s.metrics_interval_ms;
    // Enter or focus-out on an unchanged field edits nothing: the stack drops the command, the
    // document is not marked modified, and no signal rebuilds the inspector under the user's click.
    if (current.name == m_other.name && current.lesson == m_other.lesson &&
        current.seed == m_other.seed && current.duration_s == m_other.duration_s &&
        current.metrics_interval_ms == m_other.metrics_interval_ms) {
        setObsolete(true);
        return;
    }
    m_doc->setScenarioMeta(m_other);
    m_other = std::move(current);
}

} // namespace cs::ui
