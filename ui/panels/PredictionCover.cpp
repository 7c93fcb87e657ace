#include "PredictionCover.h"

#include "LessonPanel.h"

#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLayoutItem>
#include <QPushButton>
#include <QStyleOptionButton>
#include <QStylePainter>
#include <QVBoxLayout>

#include <algorithm>

namespace cs::ui {
namespace {
// A choice as a button whose text wraps to the cover's width: a long answer takes two lines
// instead of being cut off at the edge of the charts.
class ChoiceButton : public QPushButton {
public:
    explicit ChoiceButton(const QString& text) : QPushButton(text) {
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override {
        return fontMetrics()
                   .boundingRect(QRect(0, 0, std::max(40, width - 2 * kPadX), 100000),
                                 Qt::TextWordWrap, text())
                   .height() +
               2 * kPadY;
    }
    QSize sizeHint() const override { return {320, heightForWidth(width() > 40 ? width() : 320)}; }
    QSize minimumSizeHint() const override { return {120, fontMetrics().height() + 2 * kPadY}; }

protected:
    void paintEvent(QPaintEvent*) override {
        QStylePainter p(this);
        QStyleOptionButton opt;
        initStyleOption(&opt);
        opt.text.clear(); // the bevel and focus frame from the style, the text wrapped here
        p.drawControl(QStyle::CE_PushButton, opt);
        p.setPen(palette().color(QPalette::ButtonText));
        p.drawText(rect().adjusted(kPadX, kPadY, -kPadX, -kPadY),
                   Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, text());
    }

private:
    static constexpr int kPadX = 14, kPadY = 8;
};
} // namespace

PredictionCover::PredictionCover(LessonPanel* lesson, QWidget* charts, QWidget* log)
    : QFrame(charts), m_lesson(lesson) {
    if (log) {
        m_logCover =
            new QLabel(tr("The event log is hidden until you answer the lesson's question."), log);
        m_logCover->setObjectName(QStringLiteral("logCover"));
        m_logCover->setWordWrap(true);
        m_logCover->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_logCover->setMargin(8);
        m_logCover->setAutoFillBackground(true);
        m_logCover->hide();
        log->installEventFilter(this);
    }
    charts->installEventFilter(this);
    setObjectName(QStringLiteral("chartsCover"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    auto* hint = new QLabel(
        tr("Predict first: the charts are hidden until you answer (click, or press A, B, ...)."));
    hint->setObjectName(QStringLiteral("chartsCoverHint"));
    layout->addWidget(hint);
    m_question = new QLabel;
    m_question->setObjectName(QStringLiteral("chartsCoverQuestion"));
    m_question->setWordWrap(true);
    layout->addWidget(m_question);
    m_choices = new QVBoxLayout;
    layout->addLayout(m_choices);
    layout->addStretch(1);
    hide();
    connect(lesson, &LessonPanel::chartsHiddenChanged, this, &PredictionCover::update);
}

void PredictionCover::setSuppressed(bool suppressed) {
    m_suppressed = suppressed;
    update(m_wanted);
}

void PredictionCover::update(bool hidden) {
    m_wanted = hidden;
    const bool show = hidden && !m_suppressed;
    if (show) {
        fill();
        fitToParents();
        raise();
    }
    setVisible(show);
    // The answer keys, wherever the focus is, while the question shows.
    if (show)
        qApp->installEventFilter(this);
    else
        qApp->removeEventFilter(this);
    if (m_logCover) {
        m_logCover->setVisible(show);
        m_logCover->raise();
    }
}

// Exactly the charts' and the log's areas: wider, the answer buttons ran off the right edge and
// the text did not wrap where the room could see it.
void PredictionCover::fitToParents() {
    setGeometry(parentWidget()->rect());
    applyFonts();
    if (m_logCover) m_logCover->setGeometry(m_logCover->parentWidget()->rect());
}

bool PredictionCover::eventFilter(QObject* watched, QEvent* e) {
    if (e->type() == QEvent::Resize && m_wanted) fitToParents();
    const auto* target = qobject_cast<const QWidget*>(watched);
    if ((e->type() == QEvent::ShortcutOverride || e->type() == QEvent::KeyPress) && isVisible() &&
        target && target->window() == window()) // not the keys of another window (a comparison)
        if (const int choice = choiceKey(static_cast<QKeyEvent*>(e)); choice >= 0) {
            if (e->type() == QEvent::KeyPress) // queued: the guess hides this cover
                QMetaObject::invokeMethod(
                    m_lesson, [l = m_lesson, choice] { l->guess(choice); }, Qt::QueuedConnection);
            e->accept(); // over the window's shortcuts (B blanks a presentation)
            return true;
        }
    return QFrame::eventFilter(watched, e);
}

// A or 1 answers the first choice, B or 2 the second, ...: the letters on the buttons, from a
// presenter's keyboard or remote. Not while text is typed (a name, a number).
int PredictionCover::choiceKey(const QKeyEvent* key) const {
    if (key->modifiers() & ~Qt::KeypadModifier) return -1;
    const QWidget* focus = QApplication::focusWidget();
    if (focus && (focus->inherits("QLineEdit") || focus->inherits("QAbstractSpinBox") ||
                  focus->inherits("QTextEdit") || focus->inherits("QPlainTextEdit")))
        return -1;
    int choice = -1;
    if (key->key() >= Qt::Key_A && key->key() <= Qt::Key_Z) choice = key->key() - Qt::Key_A;
    if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9) choice = key->key() - Qt::Key_1;
    return choice < m_choices->count() ? choice : -1;
}

// The current step's question and its choices, as buttons that answer through the lesson panel.
void PredictionCover::fill() {
    while (QLayoutItem* item = m_choices->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const core::Lesson& lesson = m_lesson->lesson();
    const int step = m_lesson->currentStep();
    if (step < 0 || step >= static_cast<int>(lesson.steps.size()) || !lesson.steps[step].predict)
        return m_question->clear();
    const core::Prediction& p = *lesson.steps[step].predict;
    m_question->setText(QString::fromStdString(p.question));
    for (std::size_t i = 0; i < p.choices.size(); ++i) {
        auto* b = new ChoiceButton(QStringLiteral("%1)  %2").arg(
            QChar(u'A' + static_cast<char16_t>(i)), QString::fromStdString(p.choices[i])));
        b->setObjectName(QStringLiteral("chartsCoverChoice%1").arg(i));
        const int choice = static_cast<int>(i);
        // Queued: the guess hides this cover and deletes these buttons.
        connect(
            b, &QPushButton::clicked, m_lesson, [l = m_lesson, choice] { l->guess(choice); },
            Qt::QueuedConnection);
        m_choices->addWidget(b);
    }
    applyFonts();
}

// Type that grows with the room it has: on a projector (presentation mode, wide charts) the
// question and its answers are read from the back of the class, not at the menu's size.
void PredictionCover::applyFonts() {
    const QFont base = font(); // the window's, Larger Text included
    const double grow = std::clamp(width() / 900.0, 1.0, 2.2);
    QFont question = base;
    question.setPointSizeF(base.pointSizeF() * 1.4 * grow);
    question.setBold(true);
    m_question->setFont(question);
    QFont choice = base;
    choice.setPointSizeF(base.pointSizeF() * 1.2 * grow);
    for (int i = 0; i < m_choices->count(); ++i)
        if (QWidget* w = m_choices->itemAt(i)->widget()) w->setFont(choice);
}

} // namespace cs::ui
