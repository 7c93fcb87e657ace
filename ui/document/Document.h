// The open scenario: its contents, file name and undo stack. Every edit goes through undo commands.
#pragma once

#include "NodeRemoval.h"
#include "Scenario.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

namespace cs::ui {

class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);

    const core::Scenario& scenario() const { return m_scenario; }
    QUndoStack* undoStack() { return &m_undo; }
    const QString& filePath() const { return m_filePath; }
    bool isModified() const { return !m_undo.isClean(); }

    // Replaces everything (New, Open, recovery); clears the undo history.
    void reset(const core::Scenario& scenario, const QString& filePath);
    // Writes atomically; marks the stack clean on success. Returns an error message or "".
    // Writes nothing when the file would not open again (the loader's own check): the message
    // names the file and the field.
    QString saveTo(const QString& path);

    int nodeIndex(const std::string& id) const;
    int linkIndex(const std::string& a, const std::string& b) const;

    // Primitive mutations, called only by undo commands.
    void setNode(int index, const core::NodeSpec& spec);
    void insertNode(int index, const core::NodeSpec& spec);
    void removeNode(int index);
    // Deleting nodes with all that goes with them (core::planNodeRemoval), or undoing it.
    void applyRemoval(const core::NodeRemoval& removal, bool undo);
    void setLink(int index, const core::LinkSpec& link);
    void insertLink(int index, const core::LinkSpec& link);
    void removeLink(int index);
    void setScenarioMeta(const core::Scenario& meta); // name, lesson, seed, duration, interval

signals:
    // The graph changed (nodes or links added, removed or renamed): the engine must be rebuilt.
    void structureChanged();
    // One node's fields changed; `id` is its id after the change.
    void nodeChanged(const QString& id);
    void linkChanged(int index);
    void metaChanged();
    void reloaded();

private:
    core::Scenario m_scenario;
    QString m_filePath;
    QUndoStack m_undo;
};

} // namespace cs::ui
