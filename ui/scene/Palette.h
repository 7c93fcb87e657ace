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

// Role: the outline colour of each node kind. Health is drawn as a badge, utilisation as fill.
inline QColor roleColour(core::NodeKind k) {
    switch (k) {
    case core::NodeKind::Client:
        return kBlue;
    case core::NodeKind::LoadBalancer:
        return kPurple;
    case core::NodeKind::ServiceGroup:
        return kGreen;
    case core::NodeKind::Datastore:
    case core::NodeKind::Replica:
        return kOrange;
    case core::NodeKind::SessionStore:
        return kBlack;
    case core::NodeKind::Cache:
        return QColor(176, 160, 0); // Okabe-Ito yellow, darkened to read as an outline on white
    case core::NodeKind::RateLimiter:
        return kVermillion;
    case core::NodeKind::Queue:
        return kBlue;
    }
    return kGrey;
}

inline QString kindLabel(core::NodeKind k) {
    switch (k) {
    case core::NodeKind::Client:
        return QStringLiteral("client");
    case core::NodeKind::LoadBalancer:
        return QStringLiteral("load balancer");
    case core::NodeKind::ServiceGroup:
        return QStringLiteral("service group");
    case core::NodeKind::Datastore:
        return QStringLiteral("datastore");
    case core::NodeKind::Replica:
        return QStringLiteral("replica");
    case core::NodeKind::SessionStore:
        return QStringLiteral("session store");
    case core::NodeKind::Cache:
        return QStringLiteral("cache");
    case core::NodeKind::RateLimiter:
        return QStringLiteral("rate limiter");
    case core::NodeKind::Queue:
        return QStringLiteral("queue");
    }
    return {};
}

constexpr double kNodeSize = 56;
constexpr double kMemberSize = 44;
constexpr double kMemberPitch = 56;
constexpr int kMembersPerRow = 5;

} // namespace cs::ui::palette
