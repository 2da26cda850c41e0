// Issue 21: a save that changes several items is one `fieldsChanged` event, not one event per item — NOR-D1, NOR-D2
// still hold (who recorded what, when, from what to what), the trail still vouches for the state, and a file holding
// both kinds verifies end to end.

#include "storefixture.h"

#include "referral/fields.h"
#include "store/audittrail.h"
#include "store/auditverifier.h"
#include "store/store.h"
#include "support/referralbuilder.h"

#include <QJsonDocument>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

QList<AuditEvent> ofKind(StoreFixture &f, const QString &reference, AuditKind kind)
{
    Result<QList<AuditEvent>> events = AuditTrail::forReferral(f->database(), reference);
    REQUIRE(events);
    QList<AuditEvent> found;
    for (const AuditEvent &event : *events)
        if (event.kind == auditKindName(kind))
            found.append(event);
    return found;
}

QString valueOf(const QJsonValue &stored)
{
    return stored.toObject().value(QStringLiteral("value")).toString();
}

} // namespace

TEST_CASE("NOR-D1 issue 21: a save changing several items is one event with each new value, and the old value only "
          "where there was one",
          "[audit]")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral referral = draft.referral;
    referral.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Priya Invented")));
    referral.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Teacher")));
    referral.setAnswer(u"concern.nature", Answer::given(QStringLiteral("Bruise, \"left arm\"\nseen twice")));
    Result<SaveReceipt> first = f->referrals().save(referral, draft.revision, handler);
    REQUIRE(first);
    CHECK(first->auditEvents == 1);

    QList<AuditEvent> saves = ofKind(f, referral.reference, AuditKind::FieldsChanged);
    REQUIRE(saves.size() == 1);
    CHECK(ofKind(f, referral.reference, AuditKind::FieldChanged).isEmpty());
    const QJsonObject to = saves[0].payload.value(QStringLiteral("to")).toObject();
    CHECK(to.keys()
          == QStringList{
              QStringLiteral("concern.nature"), Field::referrerName.toString(), Field::referrerRole.toString()});
    CHECK(valueOf(to.value(QStringLiteral("concern.nature"))) == QStringLiteral("Bruise, \"left arm\"\nseen twice"));
    CHECK(valueOf(to.value(Field::referrerName.toString())) == QStringLiteral("Priya Invented"));
    CHECK_FALSE(saves[0].payload.contains(QStringLiteral("from"))); // all three were empty
    CHECK(saves[0].user == handler.userId);
    CHECK(saves[0].at == f.clock.now());
    CHECK(saves[0].payload.value(QStringLiteral("state")).toString().size() == 64); // it vouches for the state
    // Nothing written for an item that did not change, and no "from": null per item.
    CHECK_FALSE(QJsonDocument(saves[0].payload).toJson(QJsonDocument::Compact).contains("null"));

    // A second save: one item changed, one cleared, one added — the old values of the two that had one are kept.
    f.clock.advance(2000);
    referral.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Head teacher")));
    referral.answers.remove(QStringLiteral("concern.nature"));
    referral.setAnswer(u"concern.duration", Answer::given(QStringLiteral("Since September")));
    REQUIRE(f->referrals().save(referral, first->revision, handler));
    saves = ofKind(f, referral.reference, AuditKind::FieldsChanged);
    REQUIRE(saves.size() == 2);
    const QJsonObject from = saves[1].payload.value(QStringLiteral("from")).toObject();
    CHECK(from.keys() == QStringList{QStringLiteral("concern.nature"), Field::referrerRole.toString()});
    CHECK(valueOf(from.value(Field::referrerRole.toString())) == QStringLiteral("Teacher"));
    const QJsonObject next = saves[1].payload.value(QStringLiteral("to")).toObject();
    CHECK(next.value(QStringLiteral("concern.nature")).isNull());
    CHECK(valueOf(next.value(QStringLiteral("concern.duration"))) == QStringLiteral("Since September"));
    CHECK_FALSE(next.contains(Field::referrerName.toString()));
    requireIntact(f);
}

TEST_CASE("Issue 21: a file whose trail holds both one event per item and one per save verifies, and a forged value "
          "in a save's event breaks the chain",
          "[audit]")
{
    StoreFixture f;
    StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
    Referral referral = draft.referral;
    referral.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Jonas Madeup")));
    qint64 revision = f->referrals().save(referral, draft.revision, handler)->revision; // a burst: pending
    f.clock.advance(1000);
    referral.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Neighbour")));
    referral.setAnswer(u"concern.nature", Answer::given(QStringLiteral("Shouting at night")));
    REQUIRE(f->referrals().save(referral, revision, handler)); // closes the burst, then one event for two items
    CHECK(ofKind(f, referral.reference, AuditKind::FieldChanged).size() == 1);
    REQUIRE(ofKind(f, referral.reference, AuditKind::FieldsChanged).size() == 1);
    requireIntact(f);

    // The payload is covered by the event's hash like any other: a value changed in place is caught.
    const QString seq = f.rawValue(QStringLiteral("SELECT seq FROM audit WHERE kind = 'fieldsChanged'"));
    f.close();
    f.rawExec(QStringLiteral("DROP TRIGGER audit_no_update"));
    f.rawExec(QStringLiteral("UPDATE audit SET payload = replace(payload, 'Shouting at night', 'Nothing at all') "
                             "WHERE seq = %1")
                  .arg(seq));
    REQUIRE(f.rawValue(QStringLiteral("SELECT count(*) FROM audit WHERE payload LIKE '%Nothing at all%'"))
            == QStringLiteral("1"));
    Store::Options readOnly; // as verify-audit opens it: a file with its guards dropped still opens to be reported on
    readOnly.readOnly = true;
    f.reopen(readOnly);
    Result<AuditVerifier::Report> report = AuditVerifier::verify(f->database());
    REQUIRE(report);
    CHECK_FALSE(report->chain.intact);
    CHECK(report->chain.brokenAt == seq.toLongLong());
}
