#include "ExportFile.h"

#include "SaveFile.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgGenerator>

namespace cs::ui {

QString saveBytes(const QString& path, const QByteArray& bytes) {
    return QString::fromStdString(core::saveFileAtomically(
        path.toStdString(),
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))));
}

QString saveImage(const QString& path, const QImage& image) {
    QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
    if (!QImageWriter::supportedImageFormats().contains(format)) format = "png";
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format.constData()))
        return QObject::tr("%1: cannot encode the image").arg(path);
    return saveBytes(path, bytes);
}

QString saveSvg(const QString& path, QSize size, const QRectF& viewBox, const QString& title,
                const std::function<void(QPainter&)>& draw) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(viewBox);
        svg.setTitle(title);
        QPainter p(&svg);
        draw(p);
    } // the painter ends, and the generator writes its closing tags
    return saveBytes(path, bytes);
}

} // namespace cs::ui
