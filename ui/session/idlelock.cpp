#include "idlelock.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace FrontDoor {

IdleLock::IdleLock(const Clock &clock, int minutes, QObject *parent)
    : QObject(parent), m_clock(clock), m_lastActivity(clock.now())
{
    setMinutes(minutes);
    QCoreApplication::instance()->installEventFilter(this);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::checkNow);
    m_timer.start();
}

void IdleLock::setMinutes(int minutes)
{
    m_minutes = std::clamp(minutes, DeployedSettings::shortestIdleLock, DeployedSettings::longestIdleLock);
}

void IdleLock::setActive(bool active)
{
    m_active = active;
    m_lastActivity = m_clock.now();
}

void IdleLock::checkNow()
{
    if (m_active && m_lastActivity.msecsTo(m_clock.now()) >= qint64(m_minutes) * 60 * 1000) {
        m_active = false;
        emit idle();
    }
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        m_lastActivity = m_clock.now();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace FrontDoor
