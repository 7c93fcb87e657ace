#include "PredictionCover.h"

#include "LessonPanel.h"

#include <QLabel>
#include <QLayoutItem>
#include <QPushButton>
#include <QVBoxLayout>

namespace cs::ui {

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
    }
    setObjectName(QStringLiteral("chartsCover"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    auto* hint = new QLabel(tr("Predict first: the charts are hidden until you answer."));
    hint->setObjectName(QStringLiteral("chartsCoverHint"));
    layout->addWidget(hint);
    m_question = new QLabel;
    m_question->setObjectName(QStringLiteral("chartsCoverQuestion"));
    m_question->setWordWrap(true);
    QFont big = m_question->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_question->setFont(big);
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
        setGeometry(parentWidget()->rect().adjusted(0, 0, 8000, 8000)); // clipped to the charts
        raise();
    }
    setVisible(show);
    if (m_logCover) {
        m_logCover->setGeometry(0, 0, 8000, 8000); // clipped to the log
        m_logCover->setVisible(show);
        m_logCover->raise();
    }
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
        auto* b = new QPushButton(QStringLiteral("%1)  %2").arg(
            QChar(u'A' + static_cast<char16_t>(i)), QString::fromStdString(p.choices[i])));
        b->setObjectName(QStringLiteral("chartsCoverChoice%1").arg(i));
        b->setStyleSheet(QStringLiteral("text-align: left; padding: 6px 12px;"));
        const int choice = static_cast<int>(i);
        // Queued: the guess hides this cover and deletes these buttons.
        connect(
            b, &QPushButton::clicked, m_lesson, [l = m_lesson, choice] { l->guess(choice); },
            Qt::QueuedConnection);
        m_choices->addWidget(b);
    }
}

} // namespace cs::ui
