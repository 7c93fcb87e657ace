#include "Document.h"

#include "ScenarioIO.h"

namespace cs::ui {

Document::Document(QObject* parent) : QObject(parent) {}

void Document::reset(const core::Scenario& scenario, const QString& filePath) {
    m_scenario = scenario;
    m_filePath = filePath;
    m_undo.clear();
    m_undo.setClean();
    emit reloaded();
}

QString Document::saveTo(const QString& path) {
    if (const std::string bad = core::reloadError(m_scenario, path.toStdString()); !bad.empty())
        return tr("Not saved: the file would not open again.\n%1").arg(QString::fromStdString(bad));
    const std::string err = core::saveScenarioFile(m_scenario, path.toStdString());
    if (!err.empty()) return QString::fromStdString(err);
    m_filePath = path;
    m_undo.setClean();
    return {};
}

int Document::nodeIndex(const std::string& id) const {
    for (int i = 0; i < static_cast<int>(m_scenario.nodes.size()); ++i)
        if (m_scenario.nodes[static_cast<std::size_t>(i)].id == id) return i;
    return -1;
}

int Document::linkIndex(const std::string& a, const std::string& b) const {
    for (int i = 0; i < static_cast<int>(m_scenario.links.size()); ++i) {
        const auto& l = m_scenario.links[static_cast<std::size_t>(i)];
        if ((l.a == a && l.b == b) || (l.a == b && l.b == a)) return i;
    }
    return -1;
}

void Document::setNode(int index, const core::NodeSpec& spec) {
    auto& n = m_scenario.nodes[static_cast<std::size_t>(index)];
    const bool structural = n.id != spec.id || n.kind != spec.kind || n.target != spec.target ||
                            n.group != spec.group || n.datastore != spec.datastore ||
                            n.replicas != spec.replicas;
    n = spec;
    if (structural) emit structureChanged();
    emit nodeChanged(QString::fromStdString(spec.id));
}

void Document::insertNode(int index, const core::NodeSpec& spec) {
    m_scenario.nodes.insert(m_scenario.nodes.begin() + index, spec);
    emit structureChanged();
}

void Document::removeNode(int index) {
    m_scenario.nodes.erase(m_scenario.nodes.begin() + index);
    emit structureChanged();
}

void Document::applyRemoval(const core::NodeRemoval& removal, bool undo) {
    if (undo)
        core::revertNodeRemoval(m_scenario, removal);
    else
        core::applyNodeRemoval(m_scenario, removal);
    emit structureChanged(); // also the timeline, lesson and expectations: the run is rebuilt
}

void Document::setLink(int index, const core::LinkSpec& link) {
    m_scenario.links[static_cast<std::size_t>(index)] = link;
    emit linkChanged(index);
}

void Document::insertLink(int index, const core::LinkSpec& link) {
    m_scenario.links.insert(m_scenario.links.begin() + index, link);
    emit structureChanged();
}

void Document::removeLink(int index) {
    m_scenario.links.erase(m_scenario.links.begin() + index);
    emit structureChanged();
}

void Document::setScenarioMeta(const core::Scenario& meta) {
    m_scenario.name = meta.name;
    m_scenario.lesson = meta.lesson;
    m_scenario.seed = meta.seed;
    m_scenario.duration_s = meta.duration_s;
    m_scenario.metrics_interval_ms = meta.metrics_interval_ms;
    emit metaChanged();
}

} // namespace cs::ui
