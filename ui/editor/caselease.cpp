#include "editor/caselease.h"

#include "store/caselocks.h"

#include <QTimer>

namespace FrontDoor {

CaseLease::CaseLease(CaseLocks &locks, const QString &reference, const Actor &actor, QObject *parent)
    : QObject(parent)
    , m_locks(locks)
    , m_reference(reference)
{
    Result<LockHolder> held = m_locks.acquire(reference, actor);
    if (!held) {
        m_refusal = held.errorMessage();
        return;
    }
    m_held = true;
    m_heartbeat = new QTimer(this);
    connect(m_heartbeat, &QTimer::timeout, this, [this] {
        if (!m_locks.canRenew())
            return; // the screen is locked and the key wiped (issue 20): renewed at the next beat after unlock
        if (Status renewed = m_locks.renew(m_reference); !renewed)
            emit renewalFailed(renewed.errorMessage());
    });
    m_heartbeat->start(int(CaseLocks::heartbeatMsecs));
}

CaseLease::~CaseLease()
{
    if (m_held)
        static_cast<void>(m_locks.release(m_reference)); // a lease not released expires by itself
}

} // namespace FrontDoor
