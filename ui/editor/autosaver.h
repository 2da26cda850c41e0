#pragma once

#include "store/referralrepository.h"

#include <QObject>
#include <QTimer>

namespace FrontDoor {

// Keeps what the call-handler has typed safe: every edit is saved at most `debounceMsecs` after the last keystroke
// (the editor never has a Save button). A save that fails — disk full, read-only, I/O error, database busy —
// keeps the referral in memory, says "NOT SAVED — retrying" and tries again every `retryMsecs` until it succeeds;
// nothing typed is dropped in the meantime. flushNow() saves at once (leaving a field, closing the referral).
class AutoSaver : public QObject
{
    Q_OBJECT

public:
    static constexpr int debounceMsecs = 500;
    static constexpr int retryMsecs = 2000;

    AutoSaver(ReferralRepository &referrals, StoredReferral opened, Actor actor, QObject *parent = nullptr);

    const Referral &referral() const { return m_referral; }
    qint64 revision() const { return m_revision; }
    bool hasUnsavedChanges() const { return m_dirty; }

    // The whole referral as it now stands on screen.
    void edit(const Referral &referral);
    // Saves now if anything is unsaved; true when everything is saved afterwards.
    bool flushNow();

signals:
    void saved(const QDateTime &at);
    void saveFailed(const QString &message); // shown as "NOT SAVED — retrying", never as a pop-up

private:
    bool saveNow();

    ReferralRepository &m_referrals; // not owned
    Actor m_actor;
    Referral m_referral;
    qint64 m_revision = 0;
    bool m_dirty = false;
    QTimer m_debounce;
    QTimer m_retry;
};

} // namespace FrontDoor
