// Undo commands over a Document: small, one family here, undo and redo share one swap().
#pragma once

#include "Document.h"

#include <QPointF>
#include <QUndoCommand>

#include <vector>

namespace cs::ui {

// Replaces one node's spec (any field edit, and moves). Consecutive moves of the same drag merge.
class SetNodeCommand : public QUndoCommand {
public:
    SetNodeCommand(Document* doc, const core::NodeSpec& after, const QString& text);
    void undo() override { swap(); }
    void redo() override { swap(); }

private:
    void swap();
    Document* m_doc;
    std::string m_id;
    core::NodeSpec m_other;
};

// Moves several nodes at once: one undo step per drag, pushed on release.
class MoveNodesCommand : public QUndoCommand {
public:
    MoveNodesCommand(Document* doc, std::vector<std::pair<std::string, QPointF>> newPositions);
    void undo() override { swap(); }
    void redo() override { swap(); }

private:
    void swap();
    Document* m_doc;
    std::vector<std::pair<std::string, QPointF>> m_positions;
};

// Adds a node (redo) or removes it (undo); RemoveNodeCommand is the mirror, and also removes
// the node's links and clears references to it, so the scenario stays valid.
class AddNodeCommand : public QUndoCommand {
public:
    AddNodeCommand(Document* doc, const core::NodeSpec& spec);
    void undo() override;
    void redo() override;

private:
    Document* m_doc;
    core::NodeSpec m_spec;
};

class RemoveNodesCommand : public QUndoCommand {
public:
    // Plans the removal itself (core::planNodeRemoval); a plan with an error changes nothing.
    RemoveNodesCommand(Document* doc, const std::vector<std::string>& ids);
    RemoveNodesCommand(Document* doc, core::NodeRemoval plan);
    const core::NodeRemoval& plan() const { return m_plan; }
    void undo() override;
    void redo() override;

private:
    Document* m_doc;
    core::NodeRemoval m_plan; // what goes, with its places, so that undo restores it exactly
};

class AddLinkCommand : public QUndoCommand {
public:
    AddLinkCommand(Document* doc, const core::LinkSpec& link);
    void undo() override;
    void redo() override;

private:
    Document* m_doc;
    core::LinkSpec m_link;
};

// Deletes a link with the timeline and lesson actions on it (core::planLinkRemoval).
class RemoveLinkCommand : public QUndoCommand {
public:
    RemoveLinkCommand(Document* doc, int index);
    RemoveLinkCommand(Document* doc, core::NodeRemoval plan);
    const core::NodeRemoval& plan() const { return m_plan; }
    void undo() override;
    void redo() override;

private:
    Document* m_doc;
    core::NodeRemoval m_plan;
};

class SetLinkCommand : public QUndoCommand {
public:
    SetLinkCommand(Document* doc, int index, const core::LinkSpec& after);
    void undo() override { swap(); }
    void redo() override { swap(); }

private:
    void swap();
    Document* m_doc;
    int m_index;
    core::LinkSpec m_other;
};

// The scenario's own fields (name, lesson, seed, duration, metrics interval): on the undo stack
// like every edit, so they mark the document modified (autosaved, asked about on close).
class SetMetaCommand : public QUndoCommand {
public:
    SetMetaCommand(Document* doc, const core::Scenario& after);
    void undo() override { swap(); }
    void redo() override { swap(); }

private:
    void swap();
    Document* m_doc;
    core::Scenario m_other; // only its metadata fields are used
};

} // namespace cs::ui
