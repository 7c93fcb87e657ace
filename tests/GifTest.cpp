// GIF export: the encoder stores only what changed, each frame with its own palette, and a
// recording of the window has the frames and size asked for; both read back with giflib.
#include "GifEncoder.h"
#include "GifRecorder.h"
#include "MainWindow.h"
#include "UiWait.h"

#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <gif_lib.h>
#include <gtest/gtest.h>

#include <memory>

using namespace cs;

namespace {

using cs::test::waitFor;

struct GifCloser {
    void operator()(GifFileType* g) const { DGifCloseFile(g, nullptr); }
};
using GifPtr = std::unique_ptr<GifFileType, GifCloser>;

GifPtr readGif(const QString& path) {
    int err = 0;
    GifPtr g(DGifOpenFileName(path.toLocal8Bit().constData(), &err));
    EXPECT_TRUE(g) << GifErrorString(err);
    if (g) {
        EXPECT_EQ(DGifSlurp(g.get()), GIF_OK) << GifErrorString(g->Error);
    }
    return g;
}

// The colour a decoded frame gives a canvas pixel (frames drawn in order, none disposed).
QRgb composite(const GifFileType* g, int upTo, int x, int y) {
    QRgb c = 0;
    for (int i = 0; i <= upTo; ++i) {
        const SavedImage& im = g->SavedImages[i];
        const GifImageDesc& d = im.ImageDesc;
        if (x < d.Left || y < d.Top || x >= d.Left + d.Width || y >= d.Top + d.Height) continue;
        GraphicsControlBlock gcb{};
        DGifSavedExtensionToGCB(const_cast<GifFileType*>(g), i, &gcb);
        const int index = im.RasterBits[(y - d.Top) * d.Width + (x - d.Left)];
        if (index == gcb.TransparentColor) continue;
        const GifColorType& col = (d.ColorMap ? d.ColorMap : g->SColorMap)->Colors[index];
        c = qRgb(col.Red, col.Green, col.Blue);
    }
    return c;
}

TEST(Gif, EncoderStoresOnlyTheChangedRectangleAndKeepsTheColours) {
    QTemporaryDir dir;
    QImage a(200, 100, QImage::Format_RGB32);
    a.fill(qRgb(240, 240, 240));
    QPainter(&a).fillRect(10, 10, 50, 30, qRgb(200, 30, 30));
    QImage b = a;
    QPainter(&b).fillRect(120, 60, 20, 10, qRgb(30, 30, 200)); // the only change

    ui::GifEncoder enc(a.size(), 10);
    ASSERT_TRUE(enc.addFrame(a));
    ASSERT_TRUE(enc.addFrame(a)); // nothing changed: still a frame
    ASSERT_TRUE(enc.addFrame(b));
    const QByteArray bytes = enc.finish();
    ASSERT_FALSE(bytes.isEmpty()) << enc.error().toStdString();
    const QString path = dir.filePath(QStringLiteral("e.gif"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();

    const GifPtr g = readGif(path);
    ASSERT_TRUE(g);
    EXPECT_EQ(g->SWidth, 200);
    EXPECT_EQ(g->SHeight, 100);
    ASSERT_EQ(g->ImageCount, 3);
    const GifImageDesc& full = g->SavedImages[0].ImageDesc;
    EXPECT_EQ(QRect(full.Left, full.Top, full.Width, full.Height), QRect(0, 0, 200, 100));
    EXPECT_EQ(g->SavedImages[1].ImageDesc.Width * g->SavedImages[1].ImageDesc.Height, 1);
    const GifImageDesc& part = g->SavedImages[2].ImageDesc;
    EXPECT_EQ(QRect(part.Left, part.Top, part.Width, part.Height), QRect(120, 60, 20, 10));
    GraphicsControlBlock gcb{};
    DGifSavedExtensionToGCB(g.get(), 2, &gcb);
    EXPECT_EQ(gcb.DelayTime, 10);
    // Flat colours survive the palette exactly or within a quantization step.
    for (auto [x, y, want] :
         {std::tuple{0, 0, qRgb(240, 240, 240)}, std::tuple{30, 20, qRgb(200, 30, 30)},
          std::tuple{125, 65, qRgb(30, 30, 200)}}) {
        const QRgb got = composite(g.get(), 2, x, y);
        EXPECT_NEAR(qRed(got), qRed(want), 8) << x << "," << y;
        EXPECT_NEAR(qGreen(got), qGreen(want), 8) << x << "," << y;
        EXPECT_NEAR(qBlue(got), qBlue(want), 8) << x << "," << y;
    }
    EXPECT_EQ(composite(g.get(), 1, 125, 65), composite(g.get(), 0, 125, 65));
}

TEST(Gif, RecordingTheWindowGivesTheFramesAndSizeAsked) {
    QTemporaryDir dir;
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(CLUSTERSIM_TEST_DATA "/base.clustersim.json")));
    w.show();
    ui::GifRequest r;
    r.startS = 1;
    r.seconds = 1.5;
    r.fps = 4; // 6 frames, 25 hundredths of a second each
    r.size = QSize(1280, 720);
    r.path = dir.filePath(QStringLiteral("w.gif"));
    EXPECT_EQ(r.check(), QString());
    ui::GifRecorder rec(&w, r);
    bool done = false;
    QString error;
    QObject::connect(&rec, &ui::GifRecorder::finished, [&](const QString& e) {
        done = true;
        error = e;
    });
    rec.start();
    ASSERT_TRUE(waitFor([&] { return done; }));
    ASSERT_EQ(error, QString());
    const GifPtr g = readGif(r.path);
    ASSERT_TRUE(g);
    EXPECT_EQ(g->SWidth, 1280);
    EXPECT_EQ(g->SHeight, 720);
    EXPECT_EQ(g->ImageCount, 6);
    GraphicsControlBlock gcb{};
    DGifSavedExtensionToGCB(g.get(), 5, &gcb);
    EXPECT_EQ(gcb.DelayTime, 25);
    // The window was shown at the last frame's time: 1 + 5 / 4 s.
    EXPECT_EQ(w.lastSnapshot()->simTime, 2'250'000);
}

TEST(Gif, RequestsOutsideTheirRangeAreRefusedNamingTheOption) {
    ui::GifRequest r;
    r.fps = 0;
    EXPECT_TRUE(r.check().startsWith(QStringLiteral("--fps")));
    r.fps = 10;
    r.seconds = -1;
    EXPECT_TRUE(r.check().startsWith(QStringLiteral("--gif-seconds")));
    r.seconds = 2.5;
    EXPECT_EQ(r.check(), QString());
    EXPECT_EQ(r.frames(), 25);
}

} // namespace
