// Carries document edits to the engine. Fields the engine can change mid-run become `set`
// actions (so undo and redo reach a running engine too); any other change rebuilds the run, and
// says why (the window asks before it throws a running session away).
#pragma once

#include "Document.h"

#include <functional>

namespace cs::ui {

class LiveSync : public QObject {
    Q_OBJECT
public:
    // `reload(why)`: the engine needs a new run; `why` is empty when nothing the user did mid-run
    // is lost by it (another file, another seed), else it names the edit ("db: its replicas").
    using Reload = std::function<void(const QString& why)>;
    LiveSync(Document* doc, std::function<void(const core::Action&)> post, Reload reload,
             QObject* parent = nullptr);
    // Call after (re)loading the engine from the document.
    void resync() { m_known = m_doc->scenario(); }

private:
    void nodeChanged(const QString& id);
    void linkChanged(int index);

    Document* m_doc;
    std::function<void(const core::Action&)> m_post;
    Reload m_reload;
    core::Scenario m_known; // what the engine was last told
};

} // namespace cs::ui
