#include "GifEncoder.h"

#ifdef CLUSTERSIM_HAVE_GIF
#include <gif_lib.h>
#endif

#include <QPainter>

#include <algorithm>
#include <vector>

namespace cs::ui {

#ifdef CLUSTERSIM_HAVE_GIF

struct GifEncoder::State {
    QByteArray bytes;
    GifFileType* gif = nullptr;
};

namespace {

int appendBytes(GifFileType* gif, const GifByteType* data, int length) {
    static_cast<QByteArray*>(gif->UserData)
        ->append(reinterpret_cast<const char*>(data), static_cast<qsizetype>(length));
    return length;
}

// The smallest rectangle holding every pixel that differs between two frames of one size;
// empty when none does.
QRect changedRect(const QImage& a, const QImage& b) {
    int top = -1, bottom = -1, left = a.width(), right = -1;
    for (int y = 0; y < a.height(); ++y) {
        const auto* pa = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* pb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        if (std::equal(pa, pa + a.width(), pb)) continue;
        if (top < 0) top = y;
        bottom = y;
        int l = 0, r = a.width() - 1;
        while (pa[l] == pb[l]) ++l;
        while (pa[r] == pb[r]) --r;
        left = std::min(left, l);
        right = std::max(right, r);
    }
    return top < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

} // namespace

GifEncoder::GifEncoder(QSize size, int delayCs)
    : m_state(std::make_unique<State>()), m_size(size), m_delayCs(std::max(delayCs, 1)) {
    int err = 0;
    m_state->gif = EGifOpen(&m_state->bytes, appendBytes, &err);
    if (!m_state->gif) {
        m_error = QStringLiteral("GIF encoder: %1").arg(QString::fromUtf8(GifErrorString(err)));
        return;
    }
    EGifSetGifVersion(m_state->gif, true);
    if (EGifPutScreenDesc(m_state->gif, size.width(), size.height(), 8, 0, nullptr) != GIF_OK) {
        m_error = QStringLiteral("GIF encoder: cannot write the screen descriptor");
        return;
    }
    // Loop forever (the NETSCAPE2.0 application extension).
    const GifByteType loop[] = {1, 0, 0};
    EGifPutExtensionLeader(m_state->gif, APPLICATION_EXT_FUNC_CODE);
    EGifPutExtensionBlock(m_state->gif, 11, "NETSCAPE2.0");
    EGifPutExtensionBlock(m_state->gif, 3, loop);
    EGifPutExtensionTrailer(m_state->gif);
}

GifEncoder::~GifEncoder() {
    if (m_state && m_state->gif) EGifCloseFile(m_state->gif, nullptr);
}

bool GifEncoder::available() {
    return true;
}

bool GifEncoder::addFrame(const QImage& input) {
    if (!m_error.isEmpty() || !m_state->gif) return false;
    QImage frame = input.convertToFormat(QImage::Format_RGB32);
    if (frame.size() != m_size) { // a window that could not take the size: fitted, centred
        const QImage fitted = frame.scaled(m_size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        frame = QImage(m_size, QImage::Format_RGB32);
        frame.fill(fitted.pixel(0, 0));
        QPainter(&frame).drawImage((m_size.width() - fitted.width()) / 2,
                                   (m_size.height() - fitted.height()) / 2, fitted);
    }
    QRect rect = m_previous.isNull() ? frame.rect() : changedRect(m_previous, frame);
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.DelayTime = m_delayCs;
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    const bool unchanged = rect.isEmpty();
    if (unchanged) { // the frame still counts: one transparent pixel
        rect = QRect(0, 0, 1, 1);
        gcb.TransparentColor = 0;
    }
    const int w = rect.width(), h = rect.height();
    const auto n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    std::vector<GifByteType> red(n), green(n), blue(n), indices(n, 0);
    for (int y = 0; y < h; ++y) {
        const auto* p = reinterpret_cast<const QRgb*>(frame.constScanLine(rect.top() + y));
        for (int x = 0; x < w; ++x) {
            const QRgb c = p[rect.left() + x];
            const std::size_t i = static_cast<std::size_t>(y) * w + x;
            red[i] = static_cast<GifByteType>(qRed(c));
            green[i] = static_cast<GifByteType>(qGreen(c));
            blue[i] = static_cast<GifByteType>(qBlue(c));
        }
    }
    GifColorType colors[256] = {};
    int colorCount = 256;
    if (!unchanged && GifQuantizeBuffer(static_cast<unsigned>(w), static_cast<unsigned>(h),
                                        &colorCount, red.data(), green.data(), blue.data(),
                                        indices.data(), colors) != GIF_OK) {
        m_error = QStringLiteral("GIF encoder: cannot quantize frame %1").arg(m_frames + 1);
        return false;
    }
    ColorMapObject* map = GifMakeMapObject(256, colors);
    GifByteType ext[4];
    EGifGCBToExtension(&gcb, ext);
    bool ok = map && EGifPutExtension(m_state->gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) == GIF_OK &&
              EGifPutImageDesc(m_state->gif, rect.left(), rect.top(), w, h, false, map) == GIF_OK;
    for (int y = 0; ok && y < h; ++y)
        ok = EGifPutLine(m_state->gif, indices.data() + static_cast<std::size_t>(y) * w, w) ==
             GIF_OK;
    GifFreeMapObject(map);
    if (!ok) {
        m_error = QStringLiteral("GIF encoder: cannot write frame %1").arg(m_frames + 1);
        return false;
    }
    m_previous = std::move(frame);
    ++m_frames;
    return true;
}

QByteArray GifEncoder::finish() {
    if (!m_error.isEmpty() || !m_state->gif) return {};
    int err = 0;
    const int rc = EGifCloseFile(m_state->gif, &err);
    m_state->gif = nullptr;
    if (rc != GIF_OK) {
        m_error = QStringLiteral("GIF encoder: %1").arg(QString::fromUtf8(GifErrorString(err)));
        return {};
    }
    return m_state->bytes;
}

#else // built without giflib: every GIF request is refused with a reason

struct GifEncoder::State {};

GifEncoder::GifEncoder(QSize size, int delayCs) : m_size(size), m_delayCs(delayCs) {
    m_error = QStringLiteral("GIF export is unavailable: this build has no giflib");
}
GifEncoder::~GifEncoder() = default;
bool GifEncoder::available() {
    return false;
}
bool GifEncoder::addFrame(const QImage&) {
    return false;
}
QByteArray GifEncoder::finish() {
    return {};
}

#endif

} // namespace cs::ui
