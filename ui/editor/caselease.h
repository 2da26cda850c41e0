#pragma once

#include "access/actor.h"

#include <QObject>
#include <QString>

class QTimer;

namespace FrontDoor {

class CaseLocks;

// The editor's hold on a case (issue 4's leases): taken when a draft opens, renewed every
// CaseLocks::heartbeatMsecs while it stays open, released when it closes. When another person or workstation holds
// the case, nothing is held and refusal() says who has it, so the editor opens read-only. A lease that is never
// released (a crash) expires by itself.
class CaseLease : public QObject
{
    Q_OBJECT

public:
    // `locks` is not owned and must outlive the lease.
    CaseLease(CaseLocks &locks, const QString &reference, const Actor &actor, QObject *parent = nullptr);
    ~CaseLease() override;

    bool isHeld() const { return m_held; }
    // Why the case could not be taken ("… has it open at …"), empty while held.
    const QString &refusal() const { return m_refusal; }

signals:
    // A renewal failed (the database is locked or gone): the editor shows it where it shows save failures.
    void renewalFailed(const QString &message);

private:
    CaseLocks &m_locks;
    QString m_reference;
    bool m_held = false;
    QString m_refusal;
    QTimer *m_heartbeat = nullptr;
};

} // namespace FrontDoor
