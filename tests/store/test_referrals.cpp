// Drafts, saves, coalesced auditing, amendments and status changes (issue 4: referrals; NOR-D1, NOR-D2).

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "access/permissions.h"
#include "referral/fields.h"
#include "store/accounts.h"
#include "store/audittrail.h"
#include "store/auditverifier.h"

#include <QJsonArray>

#include "calendar/followupplanner.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

QList<AuditEvent> trail(StoreFixture &f, const QString &reference)
{
    Result<QList<AuditEvent>> events = AuditTrail::forReferral(f->database(), reference);
    REQUIRE(events);
    return *events;
}

QList<AuditEvent> ofKind(const QList<AuditEvent> &events, AuditKind kind)
{
    QList<AuditEvent> result;
    for (const AuditEvent &event : events)
        if (event.kind == auditKindName(kind))
            result.append(event);
    return result;
}

// Types `text` into `key` one keystroke at a time, saving after each, as the editor does.
qint64 typeInto(StoreFixture &f, Referral &referral, qint64 revision, const QString &key, const QString &text,
                const Actor &actor = handler)
{
    for (qsizetype n = 1; n <= text.size(); ++n) {
        referral.setAnswer(key, Answer::given(text.left(n)));
        f.clock.advance(150);
        Result<SaveReceipt> saved = f->referrals().save(referral, revision, actor);
        INFO(saved.errorMessage().toStdString());
        REQUIRE(saved);
        revision = saved->revision;
    }
    return revision;
}

} // namespace

TEST_CASE("A draft is created before the first question, with a reference unique per profile and year")
{
    StoreFixture f;
    Result<StoredReferral> first = f->referrals().createDraft(norfolk(), handler);
    Result<StoredReferral> second = f->referrals().createDraft(norfolk(), handler);
    Result<StoredReferral> lincs = f->referrals().createDraft(lincolnshire(), handler);
    REQUIRE(first);
    REQUIRE(second);
    REQUIRE(lincs);
    CHECK(first->referral.reference == QStringLiteral("NOR-2026-000001"));
    CHECK(second->referral.reference == QStringLiteral("NOR-2026-000002"));
    CHECK(lincs->referral.reference == QStringLiteral("LIN-2026-000001"));
    CHECK(first->referral.callStartedAt == f.clock.now());
    CHECK(first->referral.handler == handler.userId);
    CHECK(first->referral.status == ReferralStatus::Draft);
    CHECK(first->referral.children.size() == 1);

    f.clock.set(QDateTime(QDate(2027, 1, 1), QTime(0, 5), Qt::UTC));
    Result<StoredReferral> newYear = f->referrals().createDraft(norfolk(), handler);
    REQUIRE(newYear);
    CHECK(newYear->referral.reference == QStringLiteral("NOR-2027-000001"));

    const QList<AuditEvent> events = trail(f, first->referral.reference);
    REQUIRE(events.size() == 1);
    CHECK(events.first().kind == QStringLiteral("created"));
    CHECK(events.first().user == handler.userId);
}

TEST_CASE("What is saved is what loads, after the program restarts — any Unicode name exactly as typed")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral referral = draft.referral;
    referral.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Zoë Ñúñez-Øberg 李小龍 👶")));
    referral.setAnswer(Field::referrerName, Answer::notKnown());
    referral.setAnswer(QStringLiteral("concern.nature"), Answer::given(QString(20000, u'a')));
    Result<SaveReceipt> saved = f->referrals().save(referral, draft.revision, handler);
    INFO(saved.errorMessage().toStdString());
    REQUIRE(saved);
    CHECK(saved->changed);

    f.reopen();
    Result<StoredReferral> loaded = f->referrals().load(referral.reference);
    REQUIRE(loaded);
    CHECK(loaded->referral == referral);
    CHECK(loaded->revision == saved->revision);
}

TEST_CASE("A save against an older revision is refused and overwrites nothing")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral mine = draft.referral;
    Referral theirs = draft.referral;
    mine.setAnswer(Field::referrerName, Answer::given(QStringLiteral("First")));
    REQUIRE(f->referrals().save(mine, draft.revision, handler));
    theirs.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Second")));
    Result<SaveReceipt> stale = f->referrals().save(theirs, draft.revision, supervisor);
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == ErrorCode::Conflict);
    CHECK(f->referrals().load(draft.referral.reference)->referral.answer(Field::referrerName).value() == QStringLiteral("First"));
}

TEST_CASE("A typing burst on one field is one audit event from → to, written when another field changes")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral referral = draft.referral;
    qint64 revision = typeInto(f, referral, draft.revision, Field::referrerName, QStringLiteral("Priya Invented"));
    CHECK(ofKind(trail(f, referral.reference), AuditKind::FieldChanged).isEmpty()); // still typing

    revision = typeInto(f, referral, revision, Field::referrerRole, QStringLiteral("Teacher"));
    QList<AuditEvent> changes = ofKind(trail(f, referral.reference), AuditKind::FieldChanged);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].payload.value(QStringLiteral("path")).toString() == Field::referrerName.toString());
    CHECK(changes[0].payload.value(QStringLiteral("from")).isNull());
    CHECK(changes[0].payload.value(QStringLiteral("to")).toObject().value(QStringLiteral("value")).toString()
          == QStringLiteral("Priya Invented"));
    CHECK(changes[0].user == handler.userId);

    REQUIRE(f->referrals().flush(referral.reference));
    changes = ofKind(trail(f, referral.reference), AuditKind::FieldChanged);
    REQUIRE(changes.size() == 2);
    CHECK(changes[1].payload.value(QStringLiteral("path")).toString() == Field::referrerRole.toString());
    requireIntact(f);

    // Flushing does not change the document, so the editor's revision stays good.
    referral.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Class teacher")));
    CHECK(f->referrals().save(referral, revision, handler));
}

TEST_CASE("A burst left pending by a crash is written to the trail when the store next opens")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral referral = draft.referral;
    typeInto(f, referral, draft.revision, QStringLiteral("concern.nature"), QStringLiteral("Bruise"));
    f.close(); // no flush: as if the process died
    f.reopen();
    const QList<AuditEvent> changes = ofKind(trail(f, referral.reference), AuditKind::FieldChanged);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].payload.value(QStringLiteral("to")).toObject().value(QStringLiteral("value")).toString()
          == QStringLiteral("Bruise"));
    requireIntact(f);
}

TEST_CASE("Submission is refused while a must is broken, and freezes the record: later changes need a reason")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral referral = draft.referral;
    referral.setAnswer(Field::referrerType, Answer::given(QStringLiteral("professional")));
    referral.setAnswer(Field::identityDecision, Answer::given(QStringLiteral("anonymous"))); // NOR-A2 blocks
    qint64 revision = f->referrals().save(referral, draft.revision, handler)->revision;

    Result<SaveReceipt> refused = f->referrals().submit(referral.reference, revision, handler, norfolk());
    REQUIRE_FALSE(refused);
    CHECK(refused.errorMessage().contains(QStringLiteral("NOR-A2")));
    CHECK(f->referrals().load(referral.reference)->referral.status == ReferralStatus::Draft);

    referral.setAnswer(Field::identityDecision, Answer::given(QStringLiteral("mayBeShared")));
    revision = f->referrals().save(referral, revision, handler)->revision;
    Result<SaveReceipt> submitted = f->referrals().submit(referral.reference, revision, handler, norfolk());
    INFO(submitted.errorMessage().toStdString());
    REQUIRE(submitted);
    StoredReferral stored = f->referrals().load(referral.reference).value();
    CHECK(stored.referral.status == ReferralStatus::Submitted);
    CHECK(stored.referral.callEndedAt == f.clock.now());
    const QList<AuditEvent> submittedEvents = ofKind(trail(f, referral.reference), AuditKind::Submitted);
    REQUIRE(submittedEvents.size() == 1);
    CHECK_FALSE(submittedEvents[0].payload.value(QStringLiteral("outstanding")).toArray().isEmpty());
    // Submitting signs the call record (the handler, timed), and creates the follow-up actions with due times.
    const QList<AuditEvent> signatures = ofKind(trail(f, referral.reference), AuditKind::Signed);
    REQUIRE(signatures.size() == 1);
    CHECK(signatures[0].user == handler.userId);
    CHECK(signatures[0].payload.value(QStringLiteral("what")).toString() == QStringLiteral("call record"));
    REQUIRE(stored.referral.actions.size() >= 2);
    CHECK(stored.referral.actions == plannedActions(stored.referral, norfolk(), installedCalendar()));
    for (const FollowUpAction &action : stored.referral.actions)
        CHECK(action.due > f.clock.now());
    ReferralFilter submittedOnly;
    submittedOnly.status = ReferralStatus::Submitted;
    CHECK(f->queries().list(submittedOnly).value().value(0).nextDue == stored.referral.actions.at(0).due);

    Referral amended = stored.referral;
    amended.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Head of year")));
    Result<SaveReceipt> withoutReason = f->referrals().save(amended, stored.revision, supervisor);
    REQUIRE_FALSE(withoutReason);
    CHECK(withoutReason.errorMessage().contains(QStringLiteral("reason")));

    REQUIRE(f->referrals().save(amended, stored.revision, supervisor, QStringLiteral("Referrer corrected their role")));
    const QList<AuditEvent> amendments = ofKind(trail(f, referral.reference), AuditKind::Amended);
    REQUIRE(amendments.size() == 1);
    CHECK(amendments[0].user == supervisor.userId);
    CHECK(amendments[0].payload.value(QStringLiteral("reason")).toString() == QStringLiteral("Referrer corrected their role"));
    CHECK(amendments[0].payload.value(QStringLiteral("from")).isNull());
    CHECK(amendments[0].payload.value(QStringLiteral("to")).toObject().value(QStringLiteral("value")).toString()
          == QStringLiteral("Head of year"));
    requireIntact(f);
}

TEST_CASE("Status moves only forward: draft → submitted → decided → closed, a save cannot change it")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral changed = draft.referral;
    changed.status = ReferralStatus::Closed;
    Result<SaveReceipt> sneaky = f->referrals().save(changed, draft.revision, handler);
    REQUIRE_FALSE(sneaky);
    Result<SaveReceipt> skip = f->referrals().changeStatus(draft.referral.reference, draft.revision, supervisor,
                                                          ReferralStatus::Closed, norfolk());
    REQUIRE_FALSE(skip);
    CHECK(skip.errorMessage().contains(QStringLiteral("cannot become closed")));
    Result<SaveReceipt> back = f->referrals().changeStatus(draft.referral.reference, draft.revision, supervisor,
                                                          ReferralStatus::Draft, norfolk());
    CHECK_FALSE(back);
}

TEST_CASE("A triage yes marks the referral urgent in the store at once, the queue lists urgent first")
{
    StoreFixture f;
    StoredReferral calm = f->referrals().createDraft(norfolk(), handler).value();
    StoredReferral danger = f->referrals().createDraft(norfolk(), handler).value();
    Referral referral = danger.referral;
    referral.setAnswer(Field::triageImmediateDanger, Answer::given(QStringLiteral("yes")));
    REQUIRE(f->referrals().save(referral, danger.revision, handler));
    CHECK(f->referrals().load(referral.reference)->urgent);
    CHECK_FALSE(f->referrals().load(calm.referral.reference)->urgent);

    Result<QList<ReferralSummary>> queue = f->queries().list(ReferralFilter{});
    REQUIRE(queue);
    REQUIRE(queue->size() == 2);
    CHECK(queue->first().reference == referral.reference);
    CHECK(queue->first().urgent);
    ReferralFilter urgentOnly;
    urgentOnly.urgent = true;
    CHECK(f->queries().count(urgentOnly).value() == 1);
}

TEST_CASE("The queue filters by status, profile, handler, due time and creation date, and pages")
{
    StoreFixture f;
    for (int i = 0; i < 7; ++i) {
        f.clock.advance(60'000);
        StoredReferral d = f->referrals().createDraft(i % 2 ? lincolnshire() : norfolk(), i < 5 ? handler : otherHandler).value();
        Referral r = d.referral;
        FollowUpAction action;
        action.id = QStringLiteral("decision");
        action.kind = QStringLiteral("decision");
        action.procedureId = QStringLiteral("NOR-T4");
        action.due = testNow().addSecs(3600 * (i + 1));
        r.actions.append(action);
        REQUIRE(f->referrals().save(r, d.revision, r.handler == handler.userId ? handler : otherHandler));
    }
    ReferralFilter filter;
    filter.profileId = QStringLiteral("norfolk-cads");
    CHECK(f->queries().count(filter).value() == 4);
    filter = {};
    filter.handler = otherHandler.userId;
    CHECK(f->queries().count(filter).value() == 2);
    filter = {};
    filter.dueBefore = testNow().addSecs(3600 * 3 + 1);
    CHECK(f->queries().count(filter).value() == 3);
    filter = {};
    filter.status = ReferralStatus::Submitted;
    CHECK(f->queries().count(filter).value() == 0);
    filter = {};
    filter.createdFrom = testNow().addSecs(3 * 60);
    filter.createdTo = testNow().addSecs(5 * 60);
    CHECK(f->queries().count(filter).value() == 2);

    filter = {};
    filter.limit = 3;
    QStringList seen;
    for (filter.offset = 0; filter.offset < 9; filter.offset += 3) {
        const QList<ReferralSummary> page = f->queries().list(filter).value();
        for (const ReferralSummary &row : page)
            seen.append(row.reference);
    }
    CHECK(seen.size() == 7);
    CHECK(QSet<QString>(seen.begin(), seen.end()).size() == 7);
    // Ordered by next due: the first created is due first.
    CHECK(seen.first() == QStringLiteral("NOR-2026-000001"));
}

TEST_CASE("Viewing, exporting and printing are audit events that change nothing")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    REQUIRE(f->referrals().recordAccess(draft.referral.reference, supervisor, AuditKind::Viewed));
    const QList<AuditEvent> views = ofKind(trail(f, draft.referral.reference), AuditKind::Viewed);
    REQUIRE(views.size() == 1);
    CHECK(views[0].user == supervisor.userId);
    CHECK(f->referrals().load(draft.referral.reference)->revision == draft.revision);
    requireIntact(f);
}

TEST_CASE("A call started by mistake is discarded with a reason: in the trail, out of every list", "[issue18]")
{
    StoreFixture f;
    StoredReferral mistake = f->referrals().createDraft(norfolk(), handler).value();
    Referral r = mistake.referral;
    r.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Wrongly Invented")));
    const qint64 revision = f->referrals().save(r, mistake.revision, handler)->revision;
    const QString reference = r.reference;
    StoredReferral kept = f->referrals().createDraft(norfolk(), handler).value();

    CHECK_FALSE(f->referrals().discard(reference, revision, handler, QStringLiteral("oops"))); // says too little
    const Result<SaveReceipt> notTheirs
        = f->referrals().discard(reference, revision, otherHandler, QStringLiteral("started by mistake"));
    CHECK((!notTheirs && notTheirs.error().code == ErrorCode::PermissionDenied));
    Result<SaveReceipt> discarded
        = f->referrals().discard(reference, revision, handler, QStringLiteral("started by mistake: a wrong key"));
    INFO(discarded.errorMessage().toStdString());
    REQUIRE(discarded);

    CHECK(f->referrals().load(reference)->referral.status == ReferralStatus::Discarded);
    const QList<AuditEvent> events = ofKind(trail(f, reference), AuditKind::Discarded);
    REQUIRE(events.size() == 1);
    CHECK(events.constFirst().payload.value(QStringLiteral("reason")).toString()
          == QStringLiteral("started by mistake: a wrong key"));
    CHECK(events.constFirst().user == handler.userId);

    // Out of the queue (every filter but "discarded" itself), search, the known-child check and the home's drafts.
    QStringList listed;
    const QList<ReferralSummary> all = f->queries().list(ReferralFilter{}, supervisor).value();
    for (const ReferralSummary &s : all)
        listed.append(s.reference);
    CHECK(listed == QStringList{kept.referral.reference});
    ReferralFilter drafts;
    drafts.status = ReferralStatus::Draft;
    CHECK(f->queries().count(drafts, supervisor).value() == 1);
    ReferralFilter onlyDiscarded;
    onlyDiscarded.status = ReferralStatus::Discarded;
    CHECK(f->queries().count(onlyDiscarded, supervisor).value() == 1);
    CHECK(f->queries().search(QStringLiteral("Wrongly"), supervisor).value().isEmpty());
    CHECK(f->queries().possibleMatches(QStringLiteral("Wrongly Invented"), {}, testNow().date(), {}, 5)->isEmpty());
    requireIntact(f);

    // Only a draft: a submitted referral is decided on, never discarded; and a discarded one stays so.
    CHECK_FALSE(f->referrals().discard(reference, discarded->revision, supervisor, QStringLiteral("changed my mind")));
}

TEST_CASE("A supervisor may discard anyone's draft, with the reason", "[issue18]")
{
    StoreFixture f;
    StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
    REQUIRE(f->referrals().discard(d.referral.reference, d.revision, supervisor,
                                   QStringLiteral("dropped line, caller rang back on another call")));
    CHECK(ofKind(trail(f, d.referral.reference), AuditKind::Discarded).constFirst().user == supervisor.userId);
}
