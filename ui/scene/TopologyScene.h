// The topology as a scene: items built from the document, live state from engine snapshots.
// It keeps name -> item maps and touches only the items whose state changed.
#pragma once

#include "Document.h"
#include "OverlayItems.h"
#include "SimController.h"

#include <QGraphicsScene>
#include <QHash>

#include <functional>

class QGraphicsLineItem;

namespace cs::ui {

class NodeItem;
class GroupFrameItem;
class LinkItem;
class MessageLayer;

class TopologyScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit TopologyScene(Document* doc, QObject* parent = nullptr);

    void applySnapshot(const Snapshot& snap);
    // Live faults go here (kill, restart, cut, heal): they are run actions, not document edits.
    void setActionSink(std::function<void(const core::Action&)> sink) { m_sink = std::move(sink); }
    void setConnectMode(bool on) { m_connectMode = on; }
    // Asked before a deletion goes ahead (RemovalPrompt's confirmRemoval in the interactive app);
    // without it, a deletion goes ahead and a refused one is told in the status bar.
    void setRemovalConfirm(std::function<bool(const core::NodeRemoval&)> confirm) {
        m_confirmRemoval = std::move(confirm);
    }
    // After NodeItem::setLabelScale: labels, their room and the frames' titles take the new size.
    void refreshLabels();

    NodeItem* nodeItem(const QString& physicalName) const { return m_nodes.value(physicalName); }
    QGraphicsItem* topItem(const QString& specId) const { return m_top.value(specId); }
    const std::vector<LinkItem*>& linkItems() const { return m_links; }
    std::size_t messageCount() const;
    // What the diagram covers in scene coordinates: the nodes, group frames, links and partition
    // tints, without the message layer's margin or a rubber band (exports crop to it).
    QRectF diagramRect() const;
    // Where a new node `n` placed around `from` (its centre) overlaps no node or frame: `from`
    // itself when it is free, else the nearest free spot a step right or down from it.
    QPointF freeSpotFor(const core::NodeSpec& n, QPointF from) const;
    // What changes only when the topology or its partition does: the partition tints and the
    // plain links. TopologyView caches it with its background; exports draw it through render().
    void drawBackground(QPainter* p, const QRectF& rect) override;

    // Scenario ids of the selected nodes and frames, and the selected links' (a, b).
    std::vector<std::string> selectedSpecIds() const;
    void selectSubject(const QString& subject); // a node name, a spec id or "a--b"

    // Actions the menus, shortcuts and tests use.
    void killOrRestart(const QString& physicalOrSpec, bool kill);
    void cutOrHeal(LinkItem* link, bool cut);
    void partitionSelection();
    void deleteSelection();

signals:
    void statusMessage(const QString& text);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* e) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* e) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* e) override;
    void linkAndRefer(const core::LinkSpec& link);
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* e) override;
    QGraphicsItem* pickAt(QPointF scenePos) const;

private:
    void rebuild();
    void rebuildItems();
    QStringList selectedSubjects() const;
    void refreshPositions();
    void placeMembers(const QString& specId);
    // Lays out a group frame's members in rows (placeMembers; also a new node's footprint).
    static void layoutMembers(GroupFrameItem* frame);
    QRectF footprintOf(const core::NodeSpec& n) const; // around its position
    // A group's instance or a sharded store's shard: its number, and its name once the engine has
    // named it (empty before the first snapshot of a run).
    struct Member {
        QString name;
        int number = 0;
        bool operator==(const Member&) const = default;
    };
    std::vector<Member> membersOf(const core::NodeSpec& n) const;
    std::vector<NodeItem*> itemsOf(const core::NodeSpec& n) const;
    QString specOf(QGraphicsItem* item) const;
    void updateOverlays(const Snapshot& snap);

    Document* m_doc;
    std::function<void(const core::Action&)> m_sink;
    std::function<bool(const core::NodeRemoval&)> m_confirmRemoval;
    QHash<QString, QGraphicsItem*> m_top; // scenario id -> its item (node or group frame)
    QHash<QString, NodeItem*> m_nodes;    // physical name -> node item (named ones)
    QHash<QString, GroupFrameItem*> m_storeFrames;
    std::vector<LinkItem*> m_links;
    QHash<QString, std::vector<Member>> m_liveMembers; // group or store -> members, from the engine
    QHash<QString, std::vector<NodeItem*>> m_memberItems; // group or sharded store -> its members
    std::vector<NodeItem*> m_byId; // physical id -> item, from the last snapshot
    MessageLayer* m_messages = nullptr;
    PartitionLayer m_partitions;
    QGraphicsLineItem* m_rubber = nullptr;
    QGraphicsItem* m_rubberFrom = nullptr;
    bool m_connectMode = false;
};

} // namespace cs::ui
