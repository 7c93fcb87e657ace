#include "GifRecorder.h"

#include "MainWindow.h"
#include "SaveFile.h"

#include <QPixmap>

#include <cmath>

namespace cs::ui {

int GifRequest::frames() const {
    return std::max(1, static_cast<int>(std::llround(seconds * fps)));
}

QString GifRequest::check() const {
    if (!(startS >= 0) || startS > 1e7)
        return QStringLiteral("--run-for: expected simulated seconds in [0, 1e7]");
    if (!(seconds > 0) || seconds > 1e6)
        return QStringLiteral("--gif-seconds: expected simulated seconds > 0");
    if (!(fps > 0) || fps > 100)
        return QStringLiteral("--fps: expected frames per simulated second in (0, 100]");
    if (seconds * fps > 10000) return QStringLiteral("--gif-seconds x --fps: at most 10000 frames");
    return {};
}

GifRecorder::GifRecorder(MainWindow* window, GifRequest request, QObject* parent)
    : QObject(parent), m_window(window), m_request(std::move(request)) {}

GifRecorder::~GifRecorder() = default;

void GifRecorder::start() {
    m_window->resize(m_request.size);
    // Each frame shows as long as it covers in simulated time: the GIF plays at 1x.
    const int delayCs = std::max(2, static_cast<int>(std::lround(100.0 / m_request.fps)));
    m_encoder = std::make_unique<GifEncoder>(m_request.size, delayCs);
    if (!m_encoder->error().isEmpty()) return emit finished(m_encoder->error());
    m_window->whenShown(m_request.startS, [this] { capture(); });
}

void GifRecorder::capture() {
    if (!m_encoder->addFrame(m_window->grab().toImage())) return emit finished(m_encoder->error());
    if (++m_next < m_request.frames()) {
        m_window->whenShown(m_request.startS + m_next / m_request.fps, [this] { capture(); });
        return;
    }
    const QByteArray bytes = m_encoder->finish();
    if (bytes.isEmpty()) return emit finished(m_encoder->error());
    const std::string err = core::saveFileAtomically(m_request.path.toStdString(),
                                                     std::string_view(bytes.data(), bytes.size()));
    emit finished(QString::fromStdString(err));
}

} // namespace cs::ui
