#include "editorheader.h"

#include "common/uktime.h"

#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>

namespace FrontDoor {

EditorHeader::EditorHeader(const Profile &profile,
                           const QString &reference,
                           const QDateTime &callStartedAt,
                           const Clock &clock,
                           const WorkingCalendar &calendar,
                           QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
    , m_clock(clock)
    , m_callStartedAt(callStartedAt)
    , m_calendar(calendar)
{
    setObjectName(QStringLiteral("editorHeader"));
    setAttribute(Qt::WA_StyledBackground); // the sheet paints the bar
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    const auto chip = [this](const QString &name, const QString &text = {}) {
        auto *label = new QLabel(text, this);
        label->setObjectName(name);
        Theme::setKind(label, Theme::Kind::chip);
        return label;
    };
    auto *referenceLabel = new QLabel(reference, this);
    referenceLabel->setObjectName(QStringLiteral("editorReference"));
    referenceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse); // read out to a caller, or copied
    auto *frontDoor = m_frontDoor = new QLabel(profile.name, this);
    frontDoor->setObjectName(QStringLiteral("editorFrontDoor"));
    m_timer = chip(QStringLiteral("callTimer"));
    m_caller = chip(QStringLiteral("callerTypeLabel"));
    m_caller->setWordWrap(true);
    m_save = chip(QStringLiteral("saveState"), tr("Not yet changed"));
    m_hours = chip(QStringLiteral("hoursLabel"));
    m_hours->setWordWrap(true);
    layout->addWidget(referenceLabel);
    layout->addWidget(frontDoor);
    layout->addWidget(m_timer);
    layout->addWidget(m_caller);
    layout->addWidget(m_save);
    layout->addWidget(m_hours, 1);
    setCallerType({});
    connect(&m_ticker, &QTimer::timeout, this, &EditorHeader::tick);
    m_ticker.start(1000);
    tick();
}

void EditorHeader::tick()
{
    const QDateTime now = m_clock.now();
    const qint64 seconds = std::max<qint64>(0, m_callStartedAt.secsTo(m_callEndedAt.isValid() ? m_callEndedAt : now));
    if (m_callOver && !m_callEndedAt.isValid()) // e.g. imported from a system that kept no end: never a running clock
        m_timer->setText(tr("Call length not recorded"));
    else
        m_timer->setText((m_callEndedAt.isValid() ? tr("Call lasted %1:%2") : tr("Call %1:%2"))
                             .arg(seconds / 60)
                             .arg(seconds % 60, 2, 10, QLatin1Char('0')));
    // A call in progress follows the clock (the number to give now); a record describes when its call came in.
    const QDateTime described = m_callOver && m_callStartedAt.isValid() ? m_callStartedAt : now;
    const bool open = m_calendar.isOpen(m_profile.openingHours, described);
    const Contact *route = m_profile.contact(open ? QStringLiteral("frontDoor") : QStringLiteral("outOfHours"));
    const Contact *emergency = m_profile.contact(QStringLiteral("emergency"));
    Theme::setKind(m_hours, open ? Theme::Kind::chip : Theme::Kind::outOfHours);
    if (m_callOver) {
        const QString when = UkTime::text(described, QStringLiteral("ddd d MMM HH:mm"));
        m_hours->setText(open ? tr("In hours · %1").arg(when) : tr("OUT OF HOURS · %1").arg(when));
        // A record's hours are short: one line, never a column of words (issue 18). The front door's name, in
        // the window's title already, makes room for it.
        m_hours->setMinimumWidth(m_hours->fontMetrics().horizontalAdvance(m_hours->text()) + 24);
        m_frontDoor->hide();
        m_hours->setToolTip(open ? tr("Received in the front door's hours") : tr("Received out of hours"));
        return;
    }
    m_hours->setText(tr("%1 — %2: %3 · Emergency: %4")
                         .arg(open ? tr("In hours") : tr("OUT OF HOURS"), route ? route->label : QString(),
                              route ? route->number : QString(), emergency ? emergency->number : QStringLiteral("999")));
}

void EditorHeader::setSaved(const QDateTime &at)
{
    m_save->setText(tr("Saved %1").arg(UkTime::text(at, QStringLiteral("HH:mm:ss"))));
    m_save->setToolTip({});
    Theme::setKind(m_save, Theme::Kind::saved);
}

void EditorHeader::setNotSaved(const QString &why)
{
    m_save->setText(tr("NOT SAVED — retrying"));
    m_save->setToolTip(why);
    Theme::setKind(m_save, Theme::Kind::failed);
}

void EditorHeader::setKeptOffline(const QString &headline, const QString &why)
{
    m_save->setText(headline);
    m_save->setToolTip(why);
    Theme::setKind(m_save, Theme::Kind::failed);
}

void EditorHeader::setCallEnded(const QDateTime &at, const QString &status)
{
    m_callOver = true;
    m_callEndedAt = at;
    m_save->setText(tr("%1 — a record").arg(status));
    tick();
}

void EditorHeader::setCallerType(const QString &label)
{
    // The label's words before its explanation ("A professional (school, health …)" → "A professional"): a chip,
    // not a paragraph; the whole label is its tooltip and what a screen reader reads.
    const QString brief = label.section(QStringLiteral(" ("), 0, 0);
    m_caller->setText(label.isEmpty() ? tr("Caller: not yet asked") : tr("Caller: %1").arg(brief));
    m_caller->setToolTip(label);
    m_caller->setAccessibleName(label.isEmpty() ? m_caller->text() : tr("Caller: %1").arg(label));
}

} // namespace FrontDoor
