#pragma once

#include "common/clock.h"
#include "common/deployedsettings.h"

#include <QObject>
#include <QTimer>

namespace FrontDoor {

// Notices when nobody has touched the keyboard or mouse for `minutes` (1–30, default 5) and says so, so that the
// window can hide case content. Time comes from the injected clock; a one-second timer asks checkNow().
class IdleLock : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultMinutes = DeployedSettings::defaultIdleLock;

    IdleLock(const Clock &clock, int minutes, QObject *parent = nullptr);

    int minutes() const { return m_minutes; }
    void setMinutes(int minutes); // clamped to DeployedSettings' 1–30
    void setActive(bool active);  // off while locked
    void checkNow();

signals:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const Clock &m_clock; // not owned
    int m_minutes = defaultMinutes;
    bool m_active = true;
    QDateTime m_lastActivity;
    QTimer m_timer;
};

} // namespace FrontDoor
