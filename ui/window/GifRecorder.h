// `clustersim FILE --run-for S --gif OUT.gif --gif-seconds T [--fps F]`: runs to S, then grabs the
// window every 1/F simulated seconds for T seconds and saves the frames as one animated GIF.
#pragma once

#include "GifEncoder.h"

#include <QObject>
#include <QSize>
#include <QString>

#include <memory>

namespace cs::ui {

class MainWindow;

struct GifRequest {
    double startS = 0;  // simulated seconds before the first frame
    double seconds = 1; // simulated seconds recorded
    double fps = 10;    // frames per simulated second
    QSize size{1600, 1000};
    QString path;
    int frames() const; // seconds x fps, at least 1
    // "" or what is wrong with the numbers, naming the option.
    QString check() const;
};

class GifRecorder : public QObject {
    Q_OBJECT
public:
    // Does not own the window; it must outlive the recording.
    GifRecorder(MainWindow* window, GifRequest request, QObject* parent = nullptr);
    ~GifRecorder() override;
    void start();

signals:
    void finished(const QString& error); // empty: the file is written

private:
    void capture();
    MainWindow* m_window;
    GifRequest m_request;
    std::unique_ptr<GifEncoder> m_encoder;
    int m_next = 0; // the frame to grab next
};

} // namespace cs::ui
