#include "TopologyScene.h"

#include <QSignalBlocker>

#include "DocumentCommands.h"
#include "FieldTable.h"
#include "NodeItem.h"
#include "OverlayItems.h"
#include "Palette.h"

#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QMenu>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

namespace cs::ui {
using core::NodeKind;

TopologyScene::TopologyScene(Document* doc, QObject* parent) : QGraphicsScene(parent), m_doc(doc) {
    setItemIndexMethod(QGraphicsScene::NoIndex); // items move and repaint every frame
    auto fresh = [this] {
        m_liveMembers.clear(); // the engine is rebuilt too; its next snapshot brings members again
        rebuild();
    };
    connect(doc, &Document::reloaded, this, fresh);
    connect(doc, &Document::structureChanged, this, fresh);
    connect(doc, &Document::nodeChanged, this, [this](const QString& id) {
        const int i = m_doc->nodeIndex(id.toStdString());
        if (i < 0) return;
        const auto& n = m_doc->scenario().nodes[static_cast<std::size_t>(i)];
        if (QGraphicsItem* item = m_top.value(id)) item->setPos(n.x, n.y);
        if (n.kind == NodeKind::ServiceGroup &&
            membersOf(n).size() != static_cast<std::size_t>(n.instances) &&
            !m_liveMembers.contains(id))
            rebuild();
        refreshPositions();
    });
    rebuild();
}

std::vector<TopologyScene::Member> TopologyScene::membersOf(const core::NodeSpec& n) const {
    if (auto it = m_liveMembers.find(QString::fromStdString(n.id)); it != m_liveMembers.end())
        return *it;
    // Before the run's first snapshot: as many members as the document asks for, numbered; the
    // snapshot brings their names (and the count the engine really has).
    const int count = n.kind == NodeKind::ServiceGroup            ? n.instances
                      : n.kind == NodeKind::Datastore && n.shards ? n.shards->count
                                                                  : 0;
    std::vector<Member> out;
    for (int k = 1; k <= count; ++k) out.push_back({QString(), k});
    return out;
}

// The items a link drawn to `n` applies to: a group's instances, a store's shards or replicas, or
// the node's own item.
std::vector<NodeItem*> TopologyScene::itemsOf(const core::NodeSpec& n) const {
    const QString id = QString::fromStdString(n.id);
    if (auto it = m_memberItems.find(id); it != m_memberItems.end()) return *it;
    std::vector<NodeItem*> out;
    if (n.kind == NodeKind::Datastore && !n.replicas.empty()) {
        for (const auto& r : n.replicas)
            if (NodeItem* item = m_nodes.value(QString::fromStdString(r))) out.push_back(item);
    } else if (NodeItem* item = m_nodes.value(id)) {
        out.push_back(item);
    }
    return out;
}

// What is selected before a rebuild, as subjects selectSubject() knows: "a--b" for a link, else
// the physical name of a node (a member, a replica) or the spec id of a frame.
QStringList TopologyScene::selectedSubjects() const {
    QStringList out;
    for (QGraphicsItem* item : selectedItems()) {
        if (auto* l = dynamic_cast<LinkItem*>(item))
            out << l->specA() + QStringLiteral("--") + l->specB();
        else if (auto* n = dynamic_cast<NodeItem*>(item))
            out << (n->name().isEmpty() ? n->specId() : n->name());
        else if (auto* f = dynamic_cast<GroupFrameItem*>(item))
            out << f->specId();
    }
    return out;
}

void TopologyScene::rebuild() {
    // A rebuild (a group resized live, an edit) keeps the selection, and says nothing when it is
    // the same: the inspector goes on showing what the user is editing.
    const QStringList selected = selectedSubjects();
    {
        const QSignalBlocker quiet(this);
        rebuildItems();
        for (const QString& subject : selected) {
            if (const auto parts = subject.split(QStringLiteral("--")); parts.size() == 2) {
                for (LinkItem* l : m_links)
                    if (l->specA() == parts[0] && l->specB() == parts[1]) l->setSelected(true);
            } else if (NodeItem* n = m_nodes.value(subject)) {
                n->setSelected(true);
            } else if (QGraphicsItem* t = m_top.value(subject)) {
                t->setSelected(true);
            }
        }
    }
    if (selectedSubjects() != selected) emit selectionChanged();
}

void TopologyScene::rebuildItems() {
    clear(); // deletes every item, overlays included
    m_top.clear();
    m_nodes.clear();
    m_memberItems.clear();
    m_storeFrames.clear();
    m_links.clear();
    m_byId.clear();
    m_rubber = nullptr;
    const core::Scenario& s = m_doc->scenario();
    for (const auto& n : s.nodes) {
        const QString id = QString::fromStdString(n.id);
        if (n.kind == NodeKind::ServiceGroup || (n.kind == NodeKind::Datastore && n.shards)) {
            auto* frame = new GroupFrameItem(id, n.kind, true);
            addItem(frame);
            frame->setPos(n.x, n.y);
            m_top.insert(id, frame);
            auto& items = m_memberItems[id];
            for (const Member& m : membersOf(n)) {
                auto* item = new NodeItem(m.name, id, n.kind, m.number, frame);
                items.push_back(item);
                if (!m.name.isEmpty()) m_nodes.insert(m.name, item);
            }
            placeMembers(id);
        } else if (n.kind == NodeKind::Datastore && !n.replicas.empty()) {
            auto* frame = new GroupFrameItem(id, n.kind, false);
            addItem(frame);
            m_top.insert(id, frame);
            m_storeFrames.insert(id, frame);
        } else {
            auto* item = new NodeItem(id, id, n.kind);
            addItem(item);
            item->setPos(n.x, n.y);
            m_top.insert(id, item);
            m_nodes.insert(id, item);
        }
    }
    // A link drawn to a group applies to each of its instances.
    for (const auto& l : s.links) {
        const core::NodeSpec* a = s.find(l.a);
        const core::NodeSpec* b = s.find(l.b);
        if (!a || !b) continue;
        for (NodeItem* ia : itemsOf(*a))
            for (NodeItem* ib : itemsOf(*b)) {
                auto* link =
                    new LinkItem(ia, ib, QString::fromStdString(l.a), QString::fromStdString(l.b));
                addItem(link);
                m_links.push_back(link);
            }
    }
    m_partitions.setGroups({});
    m_messages = new MessageLayer;
    addItem(m_messages);
    refreshPositions();
    // The views cache their background, where plain links and partition tints are drawn: drop all
    // of it (a scene invalidation covers only the scene rect, and a smaller scene leaves the old
    // links drawn outside it).
    for (QGraphicsView* v : views()) v->resetCachedContent();
    invalidate(QRectF(), BackgroundLayer);
}

void TopologyScene::placeMembers(const QString& specId) {
    if (auto* frame = dynamic_cast<GroupFrameItem*>(m_top.value(specId))) layoutMembers(frame);
}

void TopologyScene::layoutMembers(GroupFrameItem* frame) {
    std::vector<NodeItem*> members;
    for (QGraphicsItem* c : frame->childItems())
        if (auto* n = dynamic_cast<NodeItem*>(c)) members.push_back(n);
    const int count = static_cast<int>(members.size());
    const int cols = std::max(1, std::min(count, palette::kMembersPerRow));
    const int rows = std::max(1, (count + cols - 1) / cols);
    // Rows and columns leave room for the members' labels ("#12") at the size they are drawn.
    QFont label;
    label.setPointSizeF(NodeItem::labelPointSize());
    label.setBold(true);
    const double pitch = std::max(
        palette::kMemberPitch, QFontMetricsF(label).horizontalAdvance(QStringLiteral("#88")) + 8);
    const double rowPitch =
        palette::kMemberPitch + 12 * NodeItem::labelPointSize() / NodeItem::kLabelPoints;
    for (int i = 0; i < count; ++i) {
        const double x = (i % cols - (cols - 1) / 2.0) * pitch;
        const double y = (i / cols - (rows - 1) / 2.0) * rowPitch;
        members[static_cast<std::size_t>(i)]->setPos(x, y);
    }
    const double hw = cols * pitch / 2.0, hh = rows * rowPitch / 2.0;
    frame->fitTo(QRectF(-hw, -hh, 2 * hw, 2 * hh));
}

void TopologyScene::refreshLabels() {
    for (QGraphicsItem* item : items())
        if (item->type() == NodeItem::Type) static_cast<NodeItem*>(item)->labelsChanged();
    for (auto it = m_top.begin(); it != m_top.end(); ++it)
        if (dynamic_cast<GroupFrameItem*>(it.value()) && !m_storeFrames.contains(it.key()))
            placeMembers(it.key());
    refreshPositions();
    update();
}

void TopologyScene::refreshPositions() {
    for (auto it = m_storeFrames.begin(); it != m_storeFrames.end(); ++it) {
        QRectF r;
        const core::NodeSpec* n = m_doc->scenario().find(it.key().toStdString());
        if (!n) continue;
        for (const auto& rep : n->replicas)
            if (NodeItem* item = m_nodes.value(QString::fromStdString(rep)))
                r = r.united(QRectF(item->scenePos() - QPointF(40, 40), QSizeF(80, 90)));
        it.value()->setPos(0, 0);
        it.value()->fitTo(r);
    }
    for (LinkItem* l : m_links) l->updateGeometry();
    // From the diagram, not itemsBoundingRect(): that has the layer's own area in it, and would
    // grow by the margin at every call.
    const QRectF area = diagramRect().adjusted(-400, -400, 400, 400);
    m_messages->setArea(area);
}

std::size_t TopologyScene::messageCount() const {
    return m_messages ? m_messages->count() : 0;
}

void TopologyScene::applySnapshot(const Snapshot& snap) {
    // Live membership: instances come and go with scaling, shards are added; rebuild only when it
    // changed.
    QHash<QString, std::vector<Member>> live;
    for (const auto& n : snap.nodes)
        if (n.role == core::NodeRole::Instance || n.role == core::NodeRole::Shard)
            live[QString::fromStdString(n.owner)].push_back(
                {QString::fromStdString(n.name), n.member});
    if (live != m_liveMembers) {
        m_liveMembers = live;
        rebuild();
    }
    std::uint32_t maxId = 0;
    for (const auto& n : snap.nodes) maxId = std::max(maxId, n.id);
    m_byId.assign(snap.nodes.empty() ? 0 : maxId + 1, nullptr);
    for (const auto& n : snap.nodes) {
        NodeItem* item = m_nodes.value(QString::fromStdString(n.name));
        if (!item) continue;
        m_byId[n.id] = item;
        item->setState(n.alive, n.busy, n.cores, n.queued, n.leader, n.lagKeys, n.warming,
                       n.draining);
        if (n.hitRatio >= 0) item->setHitRatio(n.hitRatio);
        if (n.kind == core::NodeKind::RateLimiter) item->setLimiterCounts(n.passed, n.limited);
        if (n.role == core::NodeRole::Replica)
            item->setToolTip(
                tr("%1: a replica of %2, term %3%4%5")
                    .arg(item->name(), QString::fromStdString(n.owner))
                    .arg(n.term)
                    .arg(n.leader ? tr(", the leader") : QString())
                    .arg(n.lagKeys ? tr(", behind on %1 keys").arg(n.lagKeys) : QString()));
    }
    // Link state by physical endpoints.
    std::set<std::pair<const NodeItem*, const NodeItem*>> down;
    for (const auto& l : snap.links)
        if (!l.up && l.a < m_byId.size() && l.b < m_byId.size() && m_byId[l.a] && m_byId[l.b])
            down.emplace(m_byId[l.a], m_byId[l.b]);
    for (LinkItem* l : m_links)
        l->setUp(!down.count({l->a(), l->b()}) && !down.count({l->b(), l->a()}));
    updateOverlays(snap);
}

void TopologyScene::updateOverlays(const Snapshot& snap) {
    std::vector<MessageLayer::Dot> dots;
    dots.reserve(snap.messages.size());
    const auto t = static_cast<double>(snap.simTime);
    for (const auto& m : snap.messages) {
        // Find the link being crossed at time t and interpolate along it.
        int i = 1;
        while (i < m.points - 1 && static_cast<double>(m.times[i]) <= t) ++i;
        if (m.path[i - 1] >= m_byId.size() || m.path[i] >= m_byId.size()) continue;
        NodeItem* from = m_byId[m.path[i - 1]];
        NodeItem* to = m_byId[m.path[i]];
        if (!from || !to) continue;
        const double t0 = static_cast<double>(m.times[i - 1]), t1 = static_cast<double>(m.times[i]);
        const double f = t1 > t0 ? std::clamp((t - t0) / (t1 - t0), 0.0, 1.0) : 1.0;
        dots.push_back({from->scenePos() + (to->scenePos() - from->scenePos()) * f, m.response});
    }
    m_messages->setDots(std::move(dots));

    std::map<int, std::vector<QPointF>> groups;
    for (const auto& n : snap.nodes) {
        if (n.partition < 0 || n.id >= m_byId.size() || !m_byId[n.id]) continue;
        const QPointF c = m_byId[n.id]->scenePos();
        for (QPointF d : {QPointF(-44, -44), QPointF(44, -44), QPointF(44, 60), QPointF(-44, 60)})
            groups[n.partition].push_back(c + d);
    }
    std::vector<QPolygonF> hulls;
    for (auto& [id, pts] : groups) hulls.push_back(convexHull(std::move(pts)));
    if (const QRectF before = m_partitions.boundingRect(); m_partitions.setGroups(std::move(hulls)))
        invalidate(before.united(m_partitions.boundingRect()), BackgroundLayer);
}

void TopologyScene::drawBackground(QPainter* p, const QRectF& rect) {
    QGraphicsScene::drawBackground(p, rect);
    m_partitions.paint(p);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    for (const LinkItem* l : m_links)
        if (l->inBackground() && l->boundingRect().intersects(rect)) l->paintPlain(p);
    p->restore();
}

QString TopologyScene::specOf(QGraphicsItem* item) const {
    if (auto* n = dynamic_cast<NodeItem*>(item)) return n->isMember() ? n->specId() : n->name();
    if (auto* f = dynamic_cast<GroupFrameItem*>(item)) return f->specId();
    return {};
}

std::vector<std::string> TopologyScene::selectedSpecIds() const {
    std::vector<std::string> out;
    for (QGraphicsItem* item : selectedItems()) {
        const QString id = specOf(item);
        if (!id.isEmpty() && std::find(out.begin(), out.end(), id.toStdString()) == out.end())
            out.push_back(id.toStdString());
    }
    return out;
}

void TopologyScene::selectSubject(const QString& subject) {
    clearSelection();
    if (const auto parts = subject.split(QStringLiteral("--")); parts.size() == 2) {
        for (LinkItem* l : m_links)
            if ((l->a()->name() == parts[0] || l->specA() == parts[0]) &&
                (l->b()->name() == parts[1] || l->specB() == parts[1]))
                l->setSelected(true);
        return;
    }
    if (NodeItem* n = m_nodes.value(subject))
        n->setSelected(true);
    else if (QGraphicsItem* t = m_top.value(subject))
        t->setSelected(true);
}

void TopologyScene::killOrRestart(const QString& name, bool kill) {
    if (!m_sink || name.isEmpty()) return; // a member the engine has not named yet
    core::Action a;
    a.kind = kill ? core::ActionKind::KillNode : core::ActionKind::RestartNode;
    a.node = name.toStdString();
    m_sink(a);
}

void TopologyScene::cutOrHeal(LinkItem* link, bool cut) {
    if (!m_sink || !link || link->a()->name().isEmpty() || link->b()->name().isEmpty()) return;
    core::Action a;
    a.kind = cut ? core::ActionKind::CutLink : core::ActionKind::HealLink;
    a.a = link->a()->name().toStdString();
    a.b = link->b()->name().toStdString();
    m_sink(a);
}

void TopologyScene::partitionSelection() {
    std::set<const NodeItem*> inside;
    for (QGraphicsItem* item : selectedItems()) {
        if (auto* n = dynamic_cast<NodeItem*>(item)) inside.insert(n);
        if (auto* f = dynamic_cast<GroupFrameItem*>(item))
            for (QGraphicsItem* c : f->childItems())
                if (auto* n = dynamic_cast<NodeItem*>(c)) inside.insert(n);
    }
    int cut = 0;
    for (LinkItem* l : m_links)
        if (inside.count(l->a()) != inside.count(l->b()) && l->isUp()) {
            cutOrHeal(l, true);
            ++cut;
        }
    emit statusMessage(
        tr("Partitioned %1 node(s) from the rest: %2 link(s) cut").arg(inside.size()).arg(cut));
}

void TopologyScene::deleteSelection() {
    const auto ids = selectedSpecIds();
    if (!ids.empty()) {
        // Everything that names the nodes goes with them, so that the file still opens; what
        // goes beyond their links and references is asked about first.
        core::NodeRemoval plan =
            core::planNodeRemoval(m_doc->scenario(), ids, m_doc->filePath().toStdString());
        if (!plan.error.empty() && !m_confirmRemoval)
            emit statusMessage(tr("Not deleted: what would be left does not open again (%1)")
                                   .arg(QString::fromStdString(plan.error)));
        if (m_confirmRemoval ? m_confirmRemoval(plan) : plan.error.empty())
            m_doc->undoStack()->push(new RemoveNodesCommand(m_doc, std::move(plan)));
        return;
    }
    for (QGraphicsItem* item : selectedItems())
        if (auto* l = dynamic_cast<LinkItem*>(item)) {
            const int i = m_doc->linkIndex(l->specA().toStdString(), l->specB().toStdString());
            if (i < 0) return;
            core::NodeRemoval plan =
                core::planLinkRemoval(m_doc->scenario(), static_cast<std::size_t>(i));
            if (!m_confirmRemoval || m_confirmRemoval(plan))
                m_doc->undoStack()->push(new RemoveLinkCommand(m_doc, std::move(plan)));
            return;
        }
}

// The topmost node, group frame or link at a point. The message overlay lies above every node
// and spans the scene, so itemAt() found it and a click or right-click meant nothing.
QGraphicsItem* TopologyScene::pickAt(QPointF at) const {
    for (QGraphicsItem* item : items(at, Qt::IntersectsItemShape, Qt::DescendingOrder))
        if (dynamic_cast<NodeItem*>(item) || dynamic_cast<GroupFrameItem*>(item) ||
            dynamic_cast<LinkItem*>(item))
            return item;
    return nullptr;
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent* e) {
    QGraphicsItem* under = pickAt(e->scenePos());
    const bool connect =
        e->button() == Qt::LeftButton && (m_connectMode || (e->modifiers() & Qt::ShiftModifier));
    if (connect && !specOf(under).isEmpty()) {
        m_rubberFrom = under;
        m_rubber =
            addLine(QLineF(e->scenePos(), e->scenePos()), QPen(palette::kBlue, 3, Qt::DashLine));
        m_rubber->setZValue(10);
        e->accept();
        return;
    }
    QGraphicsScene::mousePressEvent(e);
}

void TopologyScene::mouseMoveEvent(QGraphicsSceneMouseEvent* e) {
    if (m_rubber) {
        m_rubber->setLine(QLineF(m_rubber->line().p1(), e->scenePos()));
        return;
    }
    QGraphicsScene::mouseMoveEvent(e);
    if (e->buttons() & Qt::LeftButton) refreshPositions();
}

// A link drawn between two nodes where one has an empty reference field that can name the other (a
// client with no target, a service group with no datastore) also sets that field, in the same undo
// step: what the teacher meant by connecting them. A drawn link that requests never take (the
// group's datastore left empty) looked connected and did nothing. Required fields first, then the
// node the drag started from.
void TopologyScene::linkAndRefer(const core::LinkSpec& link) {
    const core::NodeSpec* a = m_doc->scenario().find(link.a);
    const core::NodeSpec* b = m_doc->scenario().find(link.b);
    std::optional<core::NodeSpec> referring;
    for (const bool required : {true, false})
        for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
            if (referring || !from || !to) continue;
            for (const core::FieldRow& row : core::fieldTable())
                if (row.type == core::FieldType::Reference && row.required == required &&
                    row.appliesTo(*from) && row.refKinds.has(to->kind) &&
                    std::get<std::string>(row.access.get(*from)).empty()) {
                    referring = *from;
                    row.access.set(*referring, to->id);
                    break;
                }
        }
    QUndoStack* undo = m_doc->undoStack();
    undo->beginMacro(
        tr("Link %1 to %2").arg(QString::fromStdString(link.a), QString::fromStdString(link.b)));
    undo->push(new AddLinkCommand(m_doc, link));
    if (referring) undo->push(new SetNodeCommand(m_doc, *referring, {}));
    undo->endMacro();
}

void TopologyScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* e) {
    if (m_rubber) {
        delete m_rubber;
        m_rubber = nullptr;
        QGraphicsItem* target = nullptr;
        for (QGraphicsItem* item : items(e->scenePos()))
            if (!specOf(item).isEmpty() && item != m_rubberFrom) {
                target = item;
                break;
            }
        const QString a = specOf(m_rubberFrom), b = specOf(target);
        m_rubberFrom = nullptr;
        if (b.isEmpty() || a == b) return;
        if (m_doc->linkIndex(a.toStdString(), b.toStdString()) >= 0) {
            emit statusMessage(tr("%1 and %2 are already linked").arg(a, b));
            return;
        }
        core::LinkSpec l;
        l.a = a.toStdString();
        l.b = b.toStdString();
        linkAndRefer(l);
        return;
    }
    QGraphicsScene::mouseReleaseEvent(e);
    // A drag is one undo step, pushed on release; a move that changed nothing pushes nothing.
    std::vector<std::pair<std::string, QPointF>> moved;
    for (QGraphicsItem* item : selectedItems()) {
        if (!(item->flags() & QGraphicsItem::ItemIsMovable)) continue;
        const QString id = specOf(item);
        const core::NodeSpec* n = m_doc->scenario().find(id.toStdString());
        if (n &&
            (std::abs(n->x - item->pos().x()) > 0.01 || std::abs(n->y - item->pos().y()) > 0.01))
            moved.emplace_back(id.toStdString(), item->pos());
    }
    if (!moved.empty()) m_doc->undoStack()->push(new MoveNodesCommand(m_doc, std::move(moved)));
}

void TopologyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* e) {
    QGraphicsItem* under = pickAt(e->scenePos());
    if (under && !under->isSelected()) {
        clearSelection();
        under->setSelected(true);
    }
    QMenu menu;
    if (auto* n = dynamic_cast<NodeItem*>(under); n && !n->name().isEmpty()) {
        const QString name = n->name();
        menu.addAction(n->alive() ? tr("Kill %1").arg(name) : tr("Restart %1").arg(name),
                       [this, name, alive = n->alive()] { killOrRestart(name, alive); });
    } else if (auto* f = dynamic_cast<GroupFrameItem*>(under)) {
        const QString id = f->specId();
        menu.addAction(tr("Kill all of %1").arg(id), [this, id] { killOrRestart(id, true); });
        menu.addAction(tr("Restart all of %1").arg(id), [this, id] { killOrRestart(id, false); });
        const core::NodeSpec* spec = m_doc->scenario().find(id.toStdString());
        if (spec && spec->shards && m_sink)
            menu.addAction(tr("Add a shard to %1 (keys migrate)").arg(id), [this, id] {
                core::Action a;
                a.kind = core::ActionKind::AddShard;
                a.node = id.toStdString();
                m_sink(a);
            });
    } else if (auto* l = dynamic_cast<LinkItem*>(under)) {
        // A line drawn from a group is one instance's link; the whole group's is one entry more.
        const bool ofMember = l->a()->name() != l->specA() || l->b()->name() != l->specB();
        menu.addAction(ofMember ? (l->isUp() ? tr("Cut this instance's link (%1 – %2)")
                                             : tr("Heal this instance's link (%1 – %2)"))
                                      .arg(l->a()->name(), l->b()->name())
                                : (l->isUp() ? tr("Cut this link") : tr("Heal this link")),
                       [this, l] { cutOrHeal(l, l->isUp()); });
        if (ofMember && m_sink) {
            for (bool cut : {true, false})
                menu.addAction((cut ? tr("Cut every link %1 – %2") : tr("Heal every link %1 – %2"))
                                   .arg(l->specA(), l->specB()),
                               [this, a = l->specA(), b = l->specB(), cut] {
                                   core::Action act;
                                   act.kind =
                                       cut ? core::ActionKind::CutLink : core::ActionKind::HealLink;
                                   act.a = a.toStdString();
                                   act.b = b.toStdString();
                                   m_sink(act);
                               });
        }
    }
    if (selectedItems().size() > 0) {
        menu.addAction(tr("Partition the selection from the rest"),
                       [this] { partitionSelection(); });
        menu.addSeparator();
        menu.addAction(tr("Delete"), [this] { deleteSelection(); });
    }
    if (!menu.isEmpty()) menu.exec(e->screenPos());
}

} // namespace cs::ui
