#pragma once

#include "store/offlinespool.h"
#include "store/referralrepository.h"

#include <QObject>
#include <QTimer>

namespace FrontDoor {

// Keeps what the call-handler has typed safe: every edit is saved at most `debounceMsecs` after the last keystroke
// (the editor never has a Save button). A save that fails — disk full, read-only, I/O error, database busy —
// keeps the referral in memory, says "NOT SAVED — retrying" and tries again every `retryMsecs` until it succeeds;
// nothing typed is dropped in the meantime. flushNow() saves at once (leaving a field, closing the referral).
//
// In team mode (useSpool) a server that cannot be reached is not a full disk: each save it could not take is kept
// in the person's offline spool on this computer ("NOT SAVED — server unreachable, kept on this computer"), and
// while the spool holds this referral every save goes through it, oldest first, so the server receives the edits
// in the order they were typed. "Saved" is said only for what the server committed.
class AutoSaver : public QObject
{
    Q_OBJECT

public:
    static constexpr int debounceMsecs = 500;
    static constexpr int retryMsecs = 2000;
    static constexpr int offlineRetryMaxMsecs = 30'000; // while the server is away: 2, 4, 8 … 30 s

    AutoSaver(ReferralRepository &referrals, StoredReferral opened, Actor actor, QObject *parent = nullptr);

    const Referral &referral() const { return m_referral; }
    qint64 revision() const { return m_revision; }
    bool hasUnsavedChanges() const { return m_dirty; }

    // The whole referral as it now stands on screen.
    void edit(const Referral &referral);
    // Saves now if anything is unsaved; true when everything is saved afterwards.
    bool flushNow();
    // Team mode: the person's spool, and the instance whose case lease this editor holds. Not owned.
    void useSpool(OfflineSpool *spool, QString instance);
    // Kept on this computer, not yet on the server.
    bool isKeptOffline() const { return m_spool && m_spool->holds(m_referral.reference); }

signals:
    void saved(const QDateTime &at);
    void saveFailed(const QString &message); // shown as "NOT SAVED — retrying", never as a pop-up
    // "NOT SAVED — server unreachable, kept on this computer" (the headline), and why (the store's words).
    void keptOffline(const QString &headline, const QString &why);

private:
    bool saveNow();
    bool keepOnThisComputer();
    bool sendThroughSpool();
    void failed(const Error &error);
    void retryLater(bool unreachable);

    ReferralRepository &m_referrals; // not owned
    Actor m_actor;
    Referral m_referral;
    qint64 m_revision = 0;
    bool m_dirty = false;
    bool m_keptSinceEdit = false; // the state on screen is already in the spool
    OfflineSpool *m_spool = nullptr;
    QString m_instance;
    QTimer m_debounce;
    QTimer m_retry;
};

} // namespace FrontDoor
