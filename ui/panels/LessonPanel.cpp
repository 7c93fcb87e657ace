#include "LessonPanel.h"

#include "SummaryKeys.h"

#include <QAction>
#include <QCryptographicHash>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace cs::ui {
namespace {

// Where a lesson's progress lives in QSettings: one group per lesson, named by a hash of its key
// (a file path may hold characters QSettings keys do not).
QString settingsGroup(const QString& key) {
    return QStringLiteral("lessonProgress/") +
           QString::fromLatin1(
               QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

// Buttons do not wrap their text: break it into lines at most `px` wide in `fm`, so that a long
// choice does not make the dock wider than its room (and clip the panel's text) at any text size.
QString wrapped(const QString& text, const QFontMetrics& fm, int px) {
    QStringList lines;
    QString line;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && fm.horizontalAdvance(longer) > px) {
            lines << line;
            line = word;
        } else {
            line = longer;
        }
    }
    if (!line.isEmpty()) lines << line;
    return lines.join(QLatin1Char('\n'));
}

QString describeAction(const core::Action& a) {
    const QString node = QString::fromStdString(a.node);
    switch (a.kind) {
    case core::ActionKind::KillNode:
        return LessonPanel::tr("kill %1").arg(node);
    case core::ActionKind::RestartNode:
        return LessonPanel::tr("restart %1").arg(node);
    case core::ActionKind::CutLink:
    case core::ActionKind::HealLink:
    case core::ActionKind::SetLink:
        return LessonPanel::tr("%1 %2–%3")
            .arg(QString::fromLatin1(core::toString(a.kind)), QString::fromStdString(a.a),
                 QString::fromStdString(a.b));
    case core::ActionKind::SetRate:
        return LessonPanel::tr("%1 sends %2 requests/s").arg(node).arg(a.rate_rps);
    case core::ActionKind::SetField: {
        const QString value = std::holds_alternative<double>(a.value)
                                  ? QString::number(std::get<double>(a.value))
                                  : QString::fromStdString(std::get<std::string>(a.value));
        return LessonPanel::tr("set %1 %2 to %3").arg(node, QString::fromStdString(a.field), value);
    }
    case core::ActionKind::AddShard:
        return LessonPanel::tr("add a shard to %1").arg(node);
    }
    return {};
}

} // namespace

LessonPanel::LessonPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("lessonPanel"));
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_title->setWordWrap(true);
    m_goal = new QLabel;
    m_goal->setObjectName(QStringLiteral("lessonGoal"));
    m_goal->setWordWrap(true);
    m_steps = new QListWidget;
    m_steps->setObjectName(QStringLiteral("lessonSteps"));
    m_steps->setMaximumHeight(90);
    m_steps->setToolTip(tr("The lesson's steps; click one to go there"));
    connect(m_steps, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showStep(m_steps->row(item)); });
    m_text = new QLabel; // sized to its text: the prediction below stays in view
    m_text->setObjectName(QStringLiteral("lessonStepText"));
    m_text->setTextFormat(Qt::MarkdownText);
    m_text->setWordWrap(true);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);

    m_predict = new QWidget;
    m_predict->setObjectName(QStringLiteral("lessonPredict"));
    auto* predictLayout = new QVBoxLayout(m_predict);
    predictLayout->setContentsMargins(0, 0, 0, 0);
    m_question = new QLabel;
    m_question->setObjectName(QStringLiteral("lessonQuestion"));
    m_question->setWordWrap(true);
    fitTitleFont(); // the title's and the question's
    m_choices = new QVBoxLayout;
    m_reveal = new QLabel;
    m_reveal->setObjectName(QStringLiteral("lessonReveal"));
    m_reveal->setWordWrap(true);
    m_reveal->setTextFormat(Qt::PlainText);
    predictLayout->addWidget(m_question);
    predictLayout->addLayout(m_choices);
    predictLayout->addWidget(m_reveal);

    m_apply = new QPushButton;
    m_apply->setObjectName(QStringLiteral("lessonApply"));
    connect(m_apply, &QPushButton::clicked, this, &LessonPanel::applyStepActions);

    m_back = new QPushButton(tr("Back"));
    m_back->setObjectName(QStringLiteral("lessonBack"));
    m_next = new QPushButton(tr("Next"));
    m_next->setObjectName(QStringLiteral("lessonNext"));
    connect(m_back, &QPushButton::clicked, this, &LessonPanel::previousStep);
    connect(m_next, &QPushButton::clicked, this, &LessonPanel::nextStep);
    // A new class (or a second try) starts again: first step, no guesses kept.
    m_restart = new QPushButton(tr("Start over"));
    m_restart->setObjectName(QStringLiteral("lessonRestart"));
    m_restart->setToolTip(tr("Back to the first step, forgetting every answer given"));
    connect(m_restart, &QPushButton::clicked, this, &LessonPanel::startOver);
    auto* nav = new QHBoxLayout;
    nav->addWidget(m_back);
    nav->addStretch();
    nav->addWidget(m_restart);
    nav->addStretch();
    nav->addWidget(m_next);

    m_nextAction = new QAction(tr("Next lesson step"), this);
    m_nextAction->setObjectName(QStringLiteral("lessonNextAction"));
    connect(m_nextAction, &QAction::triggered, this, &LessonPanel::nextStep);
    m_previousAction = new QAction(tr("Previous lesson step"), this);
    m_previousAction->setObjectName(QStringLiteral("lessonPreviousAction"));
    connect(m_previousAction, &QAction::triggered, this, &LessonPanel::previousStep);

    // Scrolled, so that a long step never makes the window taller than a classroom screen; the
    // Back and Next buttons stay in view below.
    auto* content = new QWidget;
    auto* inner = new QVBoxLayout(content);
    inner->setContentsMargins(0, 0, 0, 0);
    // The current step first (a short dock shows it without scrolling), the list of steps last.
    inner->addWidget(m_title);
    inner->addWidget(m_goal);
    inner->addWidget(m_text);
    inner->addWidget(m_predict);
    inner->addWidget(m_apply);
    inner->addWidget(m_steps);
    inner->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumHeight(40); // below its scroll bars' own minimum: it scrolls anyway
    m_viewport = scroll->viewport();
    m_viewport->installEventFilter(this);
    m_scroll = scroll;
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(scroll, 1);
    layout->addLayout(nav);
    render();
}

void LessonPanel::setLesson(const core::Lesson& lesson, const QString& key) {
    if (lesson == m_lesson && key == m_key) return;
    m_lesson = lesson;
    m_key = key;
    m_answers.clear();
    m_actionsApplied = false;
    m_ranThisLesson = false;
    QSettings settings;
    settings.beginGroup(settingsGroup(key));
    const int steps = static_cast<int>(lesson.steps.size());
    m_step =
        std::clamp(settings.value(QStringLiteral("step"), 0).toInt(), 0, std::max(0, steps - 1));
    for (const QString& a : settings.value(QStringLiteral("answers")).toStringList()) {
        const int step = a.section(QLatin1Char('='), 0, 0).toInt();
        const int choice = a.section(QLatin1Char('='), 1, 1).toInt();
        if (step >= 0 && step < steps && lesson.steps[static_cast<std::size_t>(step)].predict &&
            choice >= 0 &&
            choice < static_cast<int>(
                         lesson.steps[static_cast<std::size_t>(step)].predict->choices.size()))
            m_answers[step] = choice;
    }
    m_steps->clear();
    for (int i = 0; i < steps; ++i) {
        const core::LessonStep& s = lesson.steps[static_cast<std::size_t>(i)];
        QString line = QString::fromStdString(s.text).section(QLatin1Char('\n'), 0, 0);
        if (line.size() > 60) line = line.left(57) + QStringLiteral("...");
        const QString at = s.at_s ? tr("%1 s: ").arg(*s.at_s) : QString();
        m_steps->addItem(QStringLiteral("%1. %2%3").arg(i + 1).arg(at, line));
    }
    render();
    scrollTo(nullptr); // its title, not where the previous lesson was scrolled to
}

bool LessonPanel::awaitingGuess() const {
    if (m_step >= static_cast<int>(m_lesson.steps.size())) return false;
    return m_lesson.steps[static_cast<std::size_t>(m_step)].predict && !m_answers.count(m_step);
}

void LessonPanel::startOver() {
    m_answers.clear();
    m_actionsApplied = false;
    m_step = 0;
    saveProgress();
    render();
    scrollTo(nullptr);
    emit startedOver();
}

void LessonPanel::nextStep() {
    showStep(m_step + 1);
}

void LessonPanel::previousStep() {
    showStep(m_step - 1);
}

void LessonPanel::showStep(int index) {
    if (index < 0 || index >= static_cast<int>(m_lesson.steps.size()) || index == m_step) return;
    m_step = index;
    m_actionsApplied = false;
    saveProgress();
    render();
    scrollTo(nullptr);
}

void LessonPanel::guess(int choice) {
    if (!awaitingGuess()) return;
    m_answers[m_step] = choice;
    saveProgress();
    render();
    scrollTo(m_reveal); // the feedback, which a short dock showed only after scrolling
}

void LessonPanel::scrollTo(QWidget* shown) {
    // Once the new text is laid out.
    QTimer::singleShot(0, m_scroll, [scroll = m_scroll, shown = QPointer<QWidget>(shown)] {
        if (shown)
            scroll->ensureWidgetVisible(shown);
        else
            scroll->verticalScrollBar()->setValue(0);
    });
}

// A run started again (Reset, a rewind) before the timed step the panel is at: the panel goes back
// to the step before the timed part and follows the run from there, as it did the first time (the
// answers are kept). A step after the timed part ("untick PreVote and Reset") stays.
void LessonPanel::followRerun(std::int64_t simTime) {
    int first = -1, last = -1, latest = -1;
    for (int i = 0; i < static_cast<int>(m_lesson.steps.size()); ++i) {
        const auto& at = m_lesson.steps[static_cast<std::size_t>(i)].at_s;
        if (!at || *at <= 0) continue;
        if (first < 0) first = i;
        last = i;
        if (i <= m_step) latest = i;
    }
    if (latest < 0 || m_step > last) return;
    if (std::llround(*m_lesson.steps[static_cast<std::size_t>(latest)].at_s * 1e6) <= simTime)
        return;
    showStep(std::max(0, first - 1));
}

void LessonPanel::onSnapshot(const SnapshotPtr& snapshot) {
    m_last = snapshot;
    if (snapshot->generation != m_generation) { // a new run: its timed steps are ahead again
        m_generation = snapshot->generation;
        m_reachedByRun = -1;
        m_actionsApplied = false;
        if (m_ranThisLesson) followRerun(snapshot->simTime);
        render();
    }
    m_ranThisLesson = true;
    int reached = -1;
    for (int i = 0; i < static_cast<int>(m_lesson.steps.size()); ++i) {
        const auto& at = m_lesson.steps[static_cast<std::size_t>(i)].at_s;
        if (at && std::llround(*at * 1e6) <= snapshot->simTime) reached = i;
    }
    if (reached > m_reachedByRun) {
        m_reachedByRun = reached;
        if (reached > m_step) showStep(reached);
    }
    if (!m_reveal->isHidden() && m_answers.count(m_step))
        m_reveal->setText(
            revealText(m_lesson.steps[static_cast<std::size_t>(m_step)], m_answers.at(m_step)));
}

void LessonPanel::render() {
    const bool any = !m_lesson.steps.empty();
    m_title->setText(QString::fromStdString(m_lesson.title));
    m_title->setVisible(!m_lesson.title.empty());
    m_goal->setText(QString::fromStdString(m_lesson.goal));
    m_goal->setVisible(!m_lesson.goal.empty());
    m_steps->setVisible(m_lesson.steps.size() > 1);
    for (int i = 0; i < m_steps->count(); ++i) {
        QFont f = m_steps->item(i)->font();
        f.setBold(i == m_step);
        m_steps->item(i)->setFont(f);
    }
    if (any) m_steps->setCurrentRow(m_step);
    const core::LessonStep* step =
        any ? &m_lesson.steps[static_cast<std::size_t>(m_step)] : nullptr;
    m_text->setText(step ? QString::fromStdString(step->text) : tr("This scenario has no lesson."));
    if (step)
        renderPrediction(*step);
    else
        m_predict->hide();
    const bool button = step && !step->actions.empty() && !step->at_s;
    m_apply->setVisible(button);
    if (button) {
        QStringList what;
        for (const auto& a : step->actions) what << describeAction(a);
        const QString text = m_actionsApplied
                                 ? tr("Done: %1").arg(what.join(QStringLiteral(", ")))
                                 : tr("Do it: %1").arg(what.join(QStringLiteral(", ")));
        m_apply->setText(text);
        m_apply->setAccessibleName(text);
        m_apply->setEnabled(!m_actionsApplied);
    }
    rewrap();
    m_back->setEnabled(m_step > 0);
    m_next->setEnabled(m_step + 1 < static_cast<int>(m_lesson.steps.size()));
    m_back->setVisible(m_lesson.steps.size() > 1);
    m_restart->setVisible(any); // nothing to start over without a lesson
    m_next->setVisible(m_lesson.steps.size() > 1);
    m_previousAction->setEnabled(m_back->isEnabled());
    m_nextAction->setEnabled(m_next->isEnabled());
    if (awaitingGuess() != m_chartsHidden) {
        m_chartsHidden = awaitingGuess();
        emit chartsHiddenChanged(m_chartsHidden);
    }
}

void LessonPanel::renderPrediction(const core::LessonStep& step) {
    while (QLayoutItem* item = m_choices->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_predict->setVisible(step.predict.has_value());
    if (!step.predict) return;
    const core::Prediction& p = *step.predict;
    m_question->setText(QString::fromStdString(p.question));
    const auto answered = m_answers.find(m_step);
    for (int i = 0; i < static_cast<int>(p.choices.size()); ++i) {
        const QString choice = QString::fromStdString(p.choices[static_cast<std::size_t>(i)]);
        auto* b = new QPushButton(choice);
        b->setAccessibleName(choice);
        b->setObjectName(QStringLiteral("lessonChoice%1").arg(i));
        b->setEnabled(answered == m_answers.end());
        if (answered != m_answers.end() && (i == answered->second || i == p.answer)) {
            QFont f = b->font();
            f.setBold(true);
            b->setFont(f);
        }
        connect(b, &QPushButton::clicked, this, [this, i] { guess(i); });
        m_choices->addWidget(b);
    }
    m_reveal->setVisible(answered != m_answers.end());
    m_reveal->setText(answered != m_answers.end() ? revealText(step, answered->second) : QString());
    // Right or not at a glance from the back of the room: a green or orange bar and tint (the
    // colour-blind-safe pair of the charts), the text black.
    if (answered != m_answers.end())
        m_reveal->setStyleSheet(answered->second == p.answer
                                    ? QStringLiteral("QLabel { background: #e2f3ec; border-left: "
                                                     "6px solid #009E73; padding: 4px 6px; }")
                                    : QStringLiteral("QLabel { background: #fbe8dd; border-left: "
                                                     "6px solid #D55E00; padding: 4px 6px; }"));
}

QString LessonPanel::revealText(const core::LessonStep& step, int chosen) const {
    const core::Prediction& p = *step.predict;
    const QString mine = QString::fromStdString(p.choices[static_cast<std::size_t>(chosen)]);
    const QString verdict =
        chosen == p.answer
            ? tr("Your guess: %1. Right.").arg(mine)
            : tr("Your guess: %1. The answer: %2.")
                  .arg(mine, QString::fromStdString(p.choices[static_cast<std::size_t>(p.answer)]));
    const core::Summary summary = m_last ? m_last->summary : core::Summary{};
    const std::string measured = core::fillSummaryPlaceholders(p.reveal, summary);
    return measured.empty() ? verdict
                            : verdict + QLatin1Char('\n') + QString::fromStdString(measured);
}

void LessonPanel::applyStepActions() {
    if (m_step >= static_cast<int>(m_lesson.steps.size()) || m_actionsApplied) return;
    for (const core::Action& a : m_lesson.steps[static_cast<std::size_t>(m_step)].actions)
        emit actionRequested(a);
    m_actionsApplied = true;
    render();
}

void LessonPanel::saveProgress() const {
    if (m_key.isEmpty()) return;
    QSettings settings;
    settings.beginGroup(settingsGroup(m_key));
    settings.setValue(QStringLiteral("step"), m_step);
    QStringList answers;
    for (const auto& [step, choice] : m_answers)
        answers << QStringLiteral("%1=%2").arg(step).arg(choice);
    settings.setValue(QStringLiteral("answers"), answers);
}

void LessonPanel::rewrap() {
    if (!m_viewport) return;
    QList<QPushButton*> buttons = m_predict->findChildren<QPushButton*>();
    buttons << m_apply;
    for (QPushButton* b : buttons) {
        const QString text = b->accessibleName().isEmpty() ? b->text() : b->accessibleName();
        const int room = m_viewport->width() > 60 ? m_viewport->width() - 28
                                                  : b->fontMetrics().averageCharWidth() * 30;
        b->setText(wrapped(text, b->fontMetrics(), room));
    }
}

bool LessonPanel::eventFilter(QObject* watched, QEvent* e) {
    if (watched == m_viewport && e->type() == QEvent::Resize) rewrap();
    return QWidget::eventFilter(watched, e);
}

void LessonPanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::FontChange) {
        fitTitleFont();
        rewrap();
    }
    QWidget::changeEvent(e);
}

// Larger than the step's text at every text size (a font set once stayed at the first size, and
// Larger Text left the title smaller than the text under it).
void LessonPanel::fitTitleFont() {
    QFont bold = font();
    bold.setBold(true);
    bold.setPointSizeF(font().pointSizeF() * 1.25);
    m_title->setFont(bold);
    bold.setPointSizeF(font().pointSizeF() * 1.1);
    m_question->setFont(bold);
}

} // namespace cs::ui
