// Exports (images, SVG drawings, CSV) written through the one atomic save path (core SaveFile):
// a failed export leaves the file that was there before as it was.
#pragma once

#include <QByteArray>
#include <QRectF>
#include <QString>

#include <functional>

class QImage;
class QPainter;

namespace cs::ui {

// Each returns an empty string on success, else a message naming the file.
QString saveBytes(const QString& path, const QByteArray& bytes);
// The format follows the file name's suffix (PNG when it names none Qt knows).
QString saveImage(const QString& path, const QImage& image);
// `draw` paints onto an SVG canvas of `size` whose coordinates span `viewBox`.
QString saveSvg(const QString& path, QSize size, const QRectF& viewBox, const QString& title,
                const std::function<void(QPainter&)>& draw);

} // namespace cs::ui
