#include "LiveSync.h"

#include "FieldTable.h"

namespace cs::ui {

LiveSync::LiveSync(Document* doc, std::function<void(const core::Action&)> post, Reload reload,
                   QObject* parent)
    : QObject(parent), m_doc(doc), m_post(std::move(post)), m_reload(std::move(reload)) {
    connect(doc, &Document::nodeChanged, this, &LiveSync::nodeChanged);
    connect(doc, &Document::linkChanged, this, &LiveSync::linkChanged);
    connect(doc, &Document::structureChanged, this,
            [this] { m_reload(tr("Adding or removing nodes or links")); });
    connect(doc, &Document::reloaded, this, [this] { m_reload(QString()); });
    connect(doc, &Document::metaChanged, this, [this] {
        const auto& s = m_doc->scenario();
        if (s.duration_s != m_known.duration_s ||
            s.metrics_interval_ms != m_known.metrics_interval_ms || s.seed != m_known.seed)
            m_reload(QString()); // a different run, as asked (undo and redo of these included)
    });
    resync();
}

// Each live row of the field table whose value changed becomes a `set` action; whatever else
// changed (the position aside) needs a rebuilt run.
void LiveSync::nodeChanged(const QString& id) {
    const core::NodeSpec* now = m_doc->scenario().find(id.toStdString());
    core::NodeSpec* known = const_cast<core::NodeSpec*>(m_known.find(id.toStdString()));
    if (!now || !known) return m_reload(tr("A new node"));
    const core::NodeSpec was = *known;
    *known = *now;
    core::NodeSpec rest = *now; // what is left after the live fields and the position
    std::vector<core::Action> actions;
    QString notLive; // the first changed field the engine cannot take live
    for (const core::FieldRow& row : core::fieldTable()) {
        if (!row.live || !row.appliesTo(*now) || !row.appliesTo(was)) continue;
        const core::FieldValue after = row.access.get(*now);
        if (after == row.access.get(was)) continue;
        core::Action a;
        a.kind = core::ActionKind::SetField;
        a.node = now->id;
        a.field = row.name;
        a.value = after;
        actions.push_back(a);
        row.access.copy(rest, was);
    }
    rest.x = was.x;
    rest.y = was.y;
    if (!(rest == was)) { // something the engine cannot change live
        for (const core::FieldRow& row : core::fieldTable())
            if (notLive.isEmpty() && row.inFile && row.appliesTo(rest) && row.access.get &&
                !(row.access.get(rest) == row.access.get(was)))
                notLive = QString::fromLatin1(row.name);
        return m_reload(notLive.isEmpty() ? tr("A change to %1").arg(id)
                                          : tr("Changing %1's %2").arg(id, notLive));
    }
    for (const auto& a : actions) m_post(a);
}

void LiveSync::linkChanged(int index) {
    const auto& now = m_doc->scenario().links[static_cast<std::size_t>(index)];
    if (static_cast<std::size_t>(index) >= m_known.links.size()) return m_reload(tr("A new link"));
    m_known.links[static_cast<std::size_t>(index)] = now;
    core::Action a;
    a.kind = core::ActionKind::SetLink;
    a.a = now.a;
    a.b = now.b;
    a.median_ms = now.median_ms;
    a.p99_ms = now.p99_ms;
    a.loss = now.loss;
    m_post(a);
}

} // namespace cs::ui
