#include "teamdesk.h"

#include "profile/profile.h"
#include "store/referralqueries.h"
#include "store/store.h"

#include <QMutexLocker>
#include <QSqlQuery>

using namespace FrontDoor;

namespace FrontDoorBench {

void SentSaves::sent(const QString &reference)
{
    QMutexLocker lock(&m_mutex);
    m_sentAt.insert(reference, m_clock.nsecsElapsed());
}

bool SentSaves::take(const QString &reference, qint64 *sentAt)
{
    QMutexLocker lock(&m_mutex);
    const auto at = m_sentAt.find(reference);
    if (at == m_sentAt.end())
        return false;
    *sentAt = at.value();
    m_sentAt.erase(at);
    return true;
}

void SentSaves::clear()
{
    QMutexLocker lock(&m_mutex);
    m_sentAt.clear();
}

void typeCalls(
    Store &store, const Actor &actor, const Profile &profile, const DeskPlan &plan, SentSaves &sent, DeskResult &result)
{
    // The floor between saves, on the desk's own connection: a bare insert + commit halfway to its next
    // save, meeting the server as it is then — the other desks saving, every desk hearing of it — as
    // bench_store takes its floor after each save.
    QSqlQuery bare(store.database().connection());
    bare.prepare(QStringLiteral("INSERT INTO public.floor (body) VALUES (:body)"));
    const QString body(4000, u'x');
    Pacer pacer(plan.paceMs, plan.desk, plan.desks, true);
    pacer.waitHalfway(); // the desk's first Ctrl+N, spread as its saves will be
    QElapsedTimer total;
    total.start();
    int call = 0;
    while (total.elapsed() < qint64(plan.seconds) * 1000) {
        QElapsedTimer creating;
        creating.start();
        Result<StoredReferral> made = store.referrals().createDraft(profile, actor);
        result.creates.add(creating.nsecsElapsed());
        if (!made) {
            result.error = made.errorMessage();
            return;
        }
        Referral r = made->referral;
        qint64 revision = made->revision;
        QString typed;
        QString concern;
        // A call's typing: the child's name, which rewrites the rows search and the known-child check
        // read (its words and name keys), then the concern in the caller's words, which changes the
        // document alone. Each save changes the name whole, the worst case for those rows.
        for (int edit = 0; edit < 20 && total.elapsed() < qint64(plan.seconds) * 1000; ++edit) {
            const bool naming = edit < namingEdits;
            if (naming) {
                typed = QStringLiteral("Invented Child %1-%2-%3").arg(plan.desk).arg(call).arg(edit);
                r.children[0].answers.insert(QStringLiteral("name"), Answer::given(typed));
            } else {
                concern += QStringLiteral("The caller describes invented event %1 of call %2. ").arg(edit).arg(call);
                r.answers.insert(QStringLiteral("concern.nature"), Answer::given(concern));
            }
            pacer.wait();
            sent.sent(r.reference);
            QElapsedTimer one;
            one.start();
            Result<SaveReceipt> saved = store.referrals().save(r, revision, actor);
            if (!saved) {
                result.error = saved.errorMessage();
                return;
            }
            result.saves.add(one.nsecsElapsed());
            (edit == 0 || edit == namingEdits ? result.starts
             : naming                         ? result.names
                                              : result.concerns)
                .add(one.nsecsElapsed());
            if (edit == 0 && call == 0)
                result.signedIn.add(one.nsecsElapsed());
            else if (edit == 0)
                result.firsts.add(one.nsecsElapsed());
            else if (edit == namingEdits)
                result.moves.add(one.nsecsElapsed());
            revision = saved->revision;
            ++result.saved;
            if (edit % 5 == 4) {
                QElapsedTimer q;
                q.start();
                if (!store.queries().list(ReferralFilter{}, actor))
                    ++result.lostUpdates;
                result.queue.add(q.nsecsElapsed());
            }
            if (edit % 7 == 6) {
                QElapsedTimer s;
                s.start();
                static_cast<void>(store.queries().search(QStringLiteral("invented %1").arg(plan.desk), actor));
                result.search.add(s.nsecsElapsed());
            }
            pacer.waitHalfway();
            QElapsedTimer b;
            b.start();
            bare.bindValue(QStringLiteral(":body"), body);
            if (!bare.exec()) {
                result.error = QStringLiteral("the floor's insert failed");
                return;
            }
            result.between.add(b.nsecsElapsed());
        }
        if (Status flushed = store.referrals().flush(r.reference); !flushed) {
            result.error = flushed.errorMessage();
            return;
        }
        // Lost update: what the server holds must be the last thing this desk saved.
        Result<StoredReferral> back = store.referrals().load(r.reference);
        if (!back || back->referral.children[0].answer(QStringLiteral("name")).value() != typed
            || (!concern.isEmpty() && back->referral.answer(QStringLiteral("concern.nature")).value() != concern))
            ++result.lostUpdates;
        ++call;
    }
}

} // namespace FrontDoorBench
