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
    connect(&m_debounce, &QTimer::timeout, this, &AutoSaver::flushNow);
    m_retry.setInterval(retryMsecs);
    connect(&m_retry, &QTimer::timeout, this, &AutoSaver::saveNow);
}

void AutoSaver::useSpool(OfflineSpool *spool, QString instance)
{
    m_spool = spool;
    m_instance = std::move(instance);
}

void AutoSaver::edit(const Referral &referral)
{
    m_referral = referral;
    m_dirty = true;
    m_keptSinceEdit = false;
    // Restarts: the save follows the last keystroke. While the server is away it keeps the edit on this computer
    // (flushNow), so a program killed offline loses nothing typed.
    if (!m_retry.isActive() || isKeptOffline())
        m_debounce.start();
}

bool AutoSaver::flushNow()
{
    m_debounce.stop();
    // While the server is away, leaving a field keeps what is on screen here and does not wait on the network:
    // the retry sends it.
    if (isKeptOffline() && m_retry.isActive()) {
        keepOnThisComputer();
        return false;
    }
    return (!m_dirty && !isKeptOffline()) || saveNow();
}

bool AutoSaver::saveNow()
{
    if (m_spool) // what the spool sent for this referral (from another screen, or at sign-in) is the base now
        m_revision = std::max(m_revision, m_spool->deliveredRevision(m_referral.reference));
    if (isKeptOffline())
        return sendThroughSpool();
    if (!m_dirty) {
        m_retry.stop();
        return true;
    }
    Result<SaveReceipt> receipt = m_referrals.save(m_referral, m_revision, m_actor);
    if (!receipt) {
        if (m_spool && receipt.error().code == ErrorCode::Unreachable && keepOnThisComputer()) {
            retryLater(true);
            emit keptOffline(tr("NOT SAVED — server unreachable, kept on this computer"),
                             receipt.errorMessage()
                                 + tr(" What was typed is kept on this computer and sent, in order, as soon as the "
                                      "server answers."));
            return false;
        }
        failed(receipt.error());
        return false;
    }
    m_retry.stop();
    m_retry.setInterval(retryMsecs);
    m_revision = receipt->revision;
    m_dirty = false;
    emit saved(receipt->savedAt);
    return true;
}

bool AutoSaver::keepOnThisComputer()
{
    if (!m_dirty || m_keptSinceEdit)
        return true;
    if (Status kept = m_spool->keep(m_referral, m_revision, m_actor, m_instance, QDateTime::currentDateTimeUtc());
        !kept) {
        failed(kept.error());
        return false;
    }
    m_keptSinceEdit = true;
    return true;
}

bool AutoSaver::sendThroughSpool()
{
    if (!keepOnThisComputer())
        return false;
    const SpoolDelivery delivery = m_spool->deliver(m_referral.reference);
    if (auto revision = delivery.revisions.constFind(m_referral.reference); revision != delivery.revisions.cend())
        m_revision = *revision;
    if (!m_spool->holds(m_referral.reference)) {
        m_retry.stop();
        m_retry.setInterval(retryMsecs);
        m_dirty = false;
        m_keptSinceEdit = false;
        emit saved(QDateTime::currentDateTimeUtc());
        return true;
    }
    retryLater(delivery.unreachable.has_value());
    if (delivery.unreachable)
        emit keptOffline(tr("NOT SAVED — server unreachable, kept on this computer"),
                         delivery.unreachable->message
                             + tr(" What was typed is kept on this computer and sent, in order, as soon as the "
                                  "server answers."));
    else
        emit keptOffline(tr("NOT SAVED — the server would not take it, kept on this computer"),
                         delivery.held.join(u' '));
    return false;
}

void AutoSaver::retryLater(bool unreachable)
{
    // A server that is away is asked less and less often (each try may wait for the network); anything else soon.
    const int interval
        = unreachable && m_retry.isActive() ? std::min(m_retry.interval() * 2, offlineRetryMaxMsecs) : retryMsecs;
    m_retry.setInterval(interval);
    if (!m_retry.isActive())
        m_retry.start();
}

void AutoSaver::failed(const Error &error)
{
    retryLater(false);
    // The store says what failed; the screen says what happens to what was typed (issue 17: the command line's
    // message is the store's alone, and speaks of no screen).
    emit saveFailed(error.message
                    + tr(" Nothing typed is lost: it stays on screen and is saved as soon as it can be."));
}

} // namespace FrontDoor
