// Colours and sizes shared by the views: Okabe-Ito (colour-blind safe), large enough to project.
#pragma once

#include "Scenario.h"

#include <QColor>
#include <QCoreApplication>
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
    {core::NodeKind::Client, QT_TRANSLATE_NOOP("cs::ui::palette", "client"), kBlue, Shape::Ellipse},
    {core::NodeKind::RateLimiter, QT_TRANSLATE_NOOP("cs::ui::palette", "rate limiter"), kVermillion,
     Shape::Funnel},
    {core::NodeKind::LoadBalancer, QT_TRANSLATE_NOOP("cs::ui::palette", "load balancer"), kPurple,
     Shape::Diamond},
    {core::NodeKind::ServiceGroup, QT_TRANSLATE_NOOP("cs::ui::palette", "service group"), kGreen,
     Shape::RoundedBox},
    {core::NodeKind::SessionStore, QT_TRANSLATE_NOOP("cs::ui::palette", "session store"), kBlack,
     Shape::Cylinder},
    // Okabe-Ito yellow, darkened to read as an outline on white
    {core::NodeKind::Cache, QT_TRANSLATE_NOOP("cs::ui::palette", "cache"), QColor(176, 160, 0),
     Shape::Hexagon},
    {core::NodeKind::Queue, QT_TRANSLATE_NOOP("cs::ui::palette", "queue"), kBlue, Shape::Slots},
    {core::NodeKind::Datastore, QT_TRANSLATE_NOOP("cs::ui::palette", "datastore"), kOrange,
     Shape::Cylinder},
    {core::NodeKind::Replica, QT_TRANSLATE_NOOP("cs::ui::palette", "replica"), kOrange,
     Shape::Cylinder},
    {core::NodeKind::Cdn, QT_TRANSLATE_NOOP("cs::ui::palette", "CDN edge"), kSky, Shape::Hexagon},
};
inline const KindLook& lookOf(core::NodeKind k) {
    for (const KindLook& look : kKindLooks)
        if (look.kind == k) return look;
    return kKindLooks[0];
}
inline QColor roleColour(core::NodeKind k) {
    return lookOf(k).colour;
}
// The kind's name as ids are made of it ("load balancer": load_balancer-1): never translated.
inline QString kindKey(core::NodeKind k) {
    return QString::fromLatin1(lookOf(k).label);
}
// The kind's name in the user's language.
inline QString kindLabel(core::NodeKind k) {
    return QCoreApplication::translate("cs::ui::palette", lookOf(k).label);
}

constexpr double kNodeSize = 56;
constexpr double kMemberSize = 44;
constexpr double kMemberPitch = 56;
constexpr int kMembersPerRow = 5;

} // namespace cs::ui::palette
