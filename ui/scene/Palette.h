// Colours and sizes shared by the views: Okabe-Ito (colour-blind safe), large enough to project.
#pragma once

#include "Scenario.h"

#include <QColor>
#include <QString>

namespace cs::ui::palette {

inline const QColor kBlack{0, 0, 0};
inline const QColor kOrange{230, 159, 0};
inline const QColor kSky{86, 180, 233};
inline const QColor kGreen{0, 158, 115};
inline const QColor kYellow{240, 228, 66};
inline const QColor kBlue{0, 114, 178};
inline const QColor kVermillion{213, 94, 0};
inline const QColor kPurple{204, 121, 167};
inline const QColor kGrey{120, 120, 120};

// How each node kind looks, in one place (STYLE.md practice 12): its outline shape and colour
// (the role; health is drawn as a badge, utilisation as fill) and its name, in the order the "Add"
// palette lists them. A new kind is one row here.
enum class Shape { Ellipse, Diamond, RoundedBox, Hexagon, Funnel, Slots, Cylinder };
struct KindLook {
    core::NodeKind kind;
    const char* label;
    QColor colour;
    Shape shape;
};
inline const KindLook kKindLooks[] = {
    {core::NodeKind::Client, "client", kBlue, Shape::Ellipse},
    {core::NodeKind::RateLimiter, "rate limiter", kVermillion, Shape::Funnel},
    {core::NodeKind::LoadBalancer, "load balancer", kPurple, Shape::Diamond},
    {core::NodeKind::ServiceGroup, "service group", kGreen, Shape::RoundedBox},
    {core::NodeKind::SessionStore, "session store", kBlack, Shape::Cylinder},
    // Okabe-Ito yellow, darkened to read as an outline on white
    {core::NodeKind::Cache, "cache", QColor(176, 160, 0), Shape::Hexagon},
    {core::NodeKind::Queue, "queue", kBlue, Shape::Slots},
    {core::NodeKind::Datastore, "datastore", kOrange, Shape::Cylinder},
    {core::NodeKind::Replica, "replica", kOrange, Shape::Cylinder},
    {core::NodeKind::Cdn, "CDN edge", kSky, Shape::Hexagon},
};
inline const KindLook& lookOf(core::NodeKind k) {
    for (const KindLook& look : kKindLooks)
        if (look.kind == k) return look;
    return kKindLooks[0];
}
inline QColor roleColour(core::NodeKind k) {
    return lookOf(k).colour;
}
inline QString kindLabel(core::NodeKind k) {
    return QString::fromLatin1(lookOf(k).label);
}

constexpr double kNodeSize = 56;
constexpr double kMemberSize = 44;
constexpr double kMemberPitch = 56;
constexpr int kMembersPerRow = 5;

} // namespace cs::ui::palette
