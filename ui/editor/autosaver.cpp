#include "autosaver.h"

namespace FrontDoor {

AutoSaver::AutoSaver(ReferralRepository &referrals, StoredReferral opened, Actor actor, QObject *parent)
    : QObject(parent)
    , m_referrals(referrals)
    , m_actor(std::move(actor))
    , m_referral(std::move(opened.referral))
    , m_revision(opened.revision)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMsecs);
    connect(&m_debounce, &QTimer::timeout, this, &AutoSaver::saveNow);
    m_retry.setInterval(retryMsecs);
    connect(&m_retry, &QTimer::timeout, this, &AutoSaver::saveNow);
}

void AutoSaver::edit(const Referral &referral)
{
    m_referral = referral;
    m_dirty = true;
    if (!m_retry.isActive())
        m_debounce.start(); // restarts: the save follows the last keystroke
}

bool AutoSaver::flushNow()
{
    m_debounce.stop();
    return !m_dirty || saveNow();
}

bool AutoSaver::saveNow()
{
    if (!m_dirty) {
        m_retry.stop();
        return true;
    }
    Result<SaveReceipt> receipt = m_referrals.save(m_referral, m_revision, m_actor);
    if (!receipt) {
        if (!m_retry.isActive())
            m_retry.start();
        // The store says what failed; the screen says what happens to what was typed (issue 17: the command line's
        // message is the store's alone, and speaks of no screen).
        emit saveFailed(receipt.errorMessage()
                        + tr(" Nothing typed is lost: it stays on screen and is saved as soon as it can be."));
        return false;
    }
    m_retry.stop();
    m_revision = receipt->revision;
    m_dirty = false;
    emit saved(receipt->savedAt);
    return true;
}

} // namespace FrontDoor
