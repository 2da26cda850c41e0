#include "editorheader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimeZone>

namespace FrontDoor {

EditorHeader::EditorHeader(const Profile &profile, const QString &reference, const QDateTime &callStartedAt,
                           const Clock &clock, QWidget *parent)
    : QWidget(parent), m_profile(profile), m_clock(clock), m_callStartedAt(callStartedAt)
{
    setObjectName(QStringLiteral("editorHeader"));
    auto *layout = new QHBoxLayout(this);
    auto *referenceLabel = new QLabel(QStringLiteral("<b>%1</b>").arg(reference), this);
    referenceLabel->setObjectName(QStringLiteral("editorReference"));
    m_timer = new QLabel(this);
    m_timer->setObjectName(QStringLiteral("callTimer"));
    m_save = new QLabel(tr("Not yet changed"), this);
    m_save->setObjectName(QStringLiteral("saveState"));
    m_hours = new QLabel(this);
    m_hours->setObjectName(QStringLiteral("hoursLabel"));
    m_hours->setWordWrap(true);
    layout->addWidget(referenceLabel);
    layout->addWidget(new QLabel(profile.name, this));
    layout->addWidget(m_timer);
    layout->addWidget(m_save);
    layout->addWidget(m_hours, 1);
    connect(&m_ticker, &QTimer::timeout, this, &EditorHeader::tick);
    m_ticker.start(1000);
    tick();
}

bool EditorHeader::isOpen(const OpeningHours &hours, const QDateTime &when)
{
    const QDateTime uk = when.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London")));
    return hours.days.contains(uk.date().dayOfWeek()) && uk.time() >= hours.opens && uk.time() < hours.closes;
}

void EditorHeader::tick()
{
    const QDateTime now = m_clock.now();
    const qint64 seconds = std::max<qint64>(0, m_callStartedAt.secsTo(now));
    m_timer->setText(tr("Call %1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')));
    const bool open = isOpen(m_profile.openingHours, now);
    const Contact *route = m_profile.contact(open ? QStringLiteral("frontDoor") : QStringLiteral("outOfHours"));
    const Contact *emergency = m_profile.contact(QStringLiteral("emergency"));
    m_hours->setText(tr("%1 — %2: %3 · Emergency: %4")
                         .arg(open ? tr("In hours") : tr("OUT OF HOURS"), route ? route->label : QString(),
                              route ? route->number : QString(), emergency ? emergency->number : QStringLiteral("999")));
}

void EditorHeader::setSaved(const QDateTime &at)
{
    m_save->setText(tr("Saved %1").arg(at.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    m_save->setStyleSheet(QStringLiteral("color: #245c2a;"));
}

void EditorHeader::setNotSaved(const QString &why)
{
    m_save->setText(tr("NOT SAVED — retrying"));
    m_save->setToolTip(why);
    m_save->setStyleSheet(QStringLiteral("color: white; background: #a00000; font-weight: bold; padding: 2px 6px;"));
}

} // namespace FrontDoor
