// Encodes window frames as an animated GIF (giflib): each frame quantized to its own palette
// (median cut), and only the rectangle that changed since the previous frame stored.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

#include <memory>

namespace cs::ui {

class GifEncoder {
public:
    // `delayCs`: how long each frame shows, in hundredths of a second.
    GifEncoder(QSize size, int delayCs);
    ~GifEncoder();
    GifEncoder(const GifEncoder&) = delete;
    GifEncoder& operator=(const GifEncoder&) = delete;

    // Whether this build can write GIFs at all (giflib found at configure time).
    static bool available();

    // A frame of any size is scaled to the GIF's. False after an error (error() says why).
    bool addFrame(const QImage& frame);
    int frames() const { return m_frames; }
    // The whole file; empty on error.
    QByteArray finish();
    QString error() const { return m_error; }

private:
    struct State;
    std::unique_ptr<State> m_state;
    QSize m_size;
    int m_delayCs;
    int m_frames = 0;
    QImage m_previous; // the last frame as given (RGB32), for the changed rectangle
    QString m_error;
};

} // namespace cs::ui
