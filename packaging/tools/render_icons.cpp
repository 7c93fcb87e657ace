// render_icons: renders one SVG icon to the PNG sizes of the freedesktop hicolor theme and packs
// the same renders into a Windows .ico and a macOS .icns, so every platform's icon comes from the
// one SVG source at build time (no rasteriser beyond Qt Svg, which the app already links).
//
//   render_icons SOURCE.svg OUTDIR CONTEXT NAME
// writes OUTDIR/hicolor/<N>x<N>/CONTEXT/NAME.png (N = 16 ... 512), OUTDIR/NAME.ico and
// OUTDIR/NAME.icns. Exit 0, or 1 with a message naming the file that failed.
#include <QBuffer>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>
#include <map>
#include <vector>

namespace {

QByteArray renderPng(QSvgRenderer& svg, int px) {
    QImage img(px, px, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    {
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        svg.render(&p, QRectF(0, 0, px, px));
    }
    QByteArray png;
    QBuffer buf(&png);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, "PNG");
    return png;
}

void appendLE16(QByteArray& b, quint16 v) {
    v = qToLittleEndian(v);
    b.append(reinterpret_cast<const char*>(&v), 2);
}
void appendLE32(QByteArray& b, quint32 v) {
    v = qToLittleEndian(v);
    b.append(reinterpret_cast<const char*>(&v), 4);
}
void appendBE32(QByteArray& b, quint32 v) {
    v = qToBigEndian(v);
    b.append(reinterpret_cast<const char*>(&v), 4);
}

// ICO with PNG-compressed entries (read by Windows Vista and later).
QByteArray makeIco(const std::map<int, QByteArray>& pngs, const std::vector<int>& sizes) {
    QByteArray out;
    appendLE16(out, 0); // reserved
    appendLE16(out, 1); // type: icon
    appendLE16(out, quint16(sizes.size()));
    quint32 offset = 6 + 16 * quint32(sizes.size());
    for (int s : sizes) {
        const QByteArray& png = pngs.at(s);
        out.append(char(s >= 256 ? 0 : s)); // 0 means 256
        out.append(char(s >= 256 ? 0 : s));
        out.append(char(0)); // palette size
        out.append(char(0)); // reserved
        appendLE16(out, 1);  // colour planes
        appendLE16(out, 32); // bits per pixel
        appendLE32(out, quint32(png.size()));
        appendLE32(out, offset);
        offset += quint32(png.size());
    }
    for (int s : sizes) out.append(pngs.at(s));
    return out;
}

// ICNS with PNG entries: the element types an .iconset compiles to.
QByteArray makeIcns(const std::map<int, QByteArray>& pngs) {
    const std::vector<std::pair<const char*, int>> types = {
        {"icp4", 16},  {"icp5", 32},  {"ic11", 32},  {"icp6", 64},  {"ic12", 64},  {"ic07", 128},
        {"ic08", 256}, {"ic13", 256}, {"ic09", 512}, {"ic14", 512}, {"ic10", 1024}};
    QByteArray body;
    for (const auto& [type, px] : types) {
        const QByteArray& png = pngs.at(px);
        body.append(type, 4);
        appendBE32(body, quint32(png.size() + 8));
        body.append(png);
    }
    QByteArray out("icns", 4);
    appendBE32(out, quint32(body.size() + 8));
    return out + body;
}

bool writeFile(const QString& path, const QByteArray& data) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size()) {
        std::fprintf(stderr, "%s: cannot write: %s\n", qPrintable(path),
                     qPrintable(f.errorString()));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: render_icons SOURCE.svg OUTDIR CONTEXT NAME\n");
        return 1;
    }
    const QString source = QString::fromLocal8Bit(argv[1]);
    const QString outDir = QString::fromLocal8Bit(argv[2]);
    const QString context = QString::fromLocal8Bit(argv[3]);
    const QString name = QString::fromLocal8Bit(argv[4]);
    QSvgRenderer svg(source);
    if (!svg.isValid()) {
        std::fprintf(stderr, "%s: not a valid SVG file\n", qPrintable(source));
        return 1;
    }
    const std::vector<int> hicolor = {16, 22, 24, 32, 48, 64, 128, 256, 512};
    std::map<int, QByteArray> pngs;
    for (int px : {16, 22, 24, 32, 48, 64, 128, 256, 512, 1024}) pngs[px] = renderPng(svg, px);
    for (int px : hicolor) {
        const QString dir = QStringLiteral("%1/hicolor/%2x%2/%3").arg(outDir).arg(px).arg(context);
        if (!QDir().mkpath(dir) || !writeFile(dir + QLatin1Char('/') + name + ".png", pngs[px]))
            return 1;
    }
    if (!writeFile(outDir + QLatin1Char('/') + name + ".ico",
                   makeIco(pngs, {16, 24, 32, 48, 64, 128, 256})) ||
        !writeFile(outDir + QLatin1Char('/') + name + ".icns", makeIcns(pngs)))
        return 1;
    return 0;
}
