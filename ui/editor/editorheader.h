#pragma once

#include "calendar/workingcalendar.h"
#include "common/clock.h"
#include "profile/profile.h"

#include <QTimer>
#include <QWidget>

class QLabel;

namespace FrontDoor {

// Always visible while a referral is open: the reference, the front door, the call timer (from the draft's start),
// the caller type, the save state ("Saved 14:03:22" or a red "NOT SAVED — retrying"), and whether it is in or out
// of hours with the number to give (NOR-R1, LIN-R2), computed from the clock every second.
class EditorHeader : public QWidget
{
    Q_OBJECT

public:
    EditorHeader(const Profile &profile,
                 const QString &reference,
                 const QDateTime &callStartedAt,
                 const Clock &clock,
                 const WorkingCalendar &calendar,
                 QWidget *parent = nullptr);

    void setSaved(const QDateTime &at);
    void setNotSaved(const QString &why);
    // Team mode: the server did not take it; it is in the offline spool on this computer (AutoSaver::keptOffline).
    void setKeptOffline(const QString &headline, const QString &why);
    // The caller type as the profile labels it ("Professional"), or empty while not yet asked.
    void setCallerType(const QString &label);
    // A submitted call has ended: the timer shows how long it lasted and stops; `status` in words ("Decided").
    void setCallEnded(const QDateTime &at, const QString &status);
    void tick();

private:
    const Profile &m_profile; // not owned
    const Clock &m_clock;     // not owned
    QDateTime m_callStartedAt;
    QDateTime m_callEndedAt;
    bool m_callOver = false; // submitted: the timer stops, with or without a recorded end
    const WorkingCalendar &m_calendar; // not owned
    QLabel *m_timer = nullptr;
    QLabel *m_save = nullptr;
    QLabel *m_caller = nullptr;
    QLabel *m_hours = nullptr;
    QLabel *m_frontDoor = nullptr;
    QTimer m_ticker;
};

} // namespace FrontDoor
