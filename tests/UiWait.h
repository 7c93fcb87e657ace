// The UI tests' one way to wait for the engine thread: process events until a condition holds.
#pragma once

#include <QApplication>
#include <QThread>

#include <functional>

namespace cs::test {

// A guard against a hang, not a speed check: it counts rounds of the event loop instead of
// reading a clock, and allows about a minute of them, over 50x what the slowest wait needs here
// (about 0.3 s), so a machine several times slower still passes.
inline bool waitFor(const std::function<bool()>& pred) {
    for (int round = 0; round < 6000; ++round) {
        if (pred()) return true;
        QApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(5);
    }
    return pred();
}

} // namespace cs::test
