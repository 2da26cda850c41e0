// Issue 21: a county's decade on one file — schema steps 6 and 7 on a database made by the release before: documents
// kept as compact JSON, the trail's by-kind index without the field changes, each hash as its 32 bytes and the
// previous hash no longer stored twice; nothing read differently, the trail still verifying end to end.

#include "storefixture.h"

#include "referral/fields.h"
#include "referral/referraljson.h"
#include "store/auditverifier.h"
#include "store/sqlcatalog.h"
#include "support/referralbuilder.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

QString quoted(const QByteArray &text)
{
    return u'\'' + QString::fromUtf8(text).replace(u'\'', QStringLiteral("''")) + u'\'';
}

QStringList references(StoreFixture &f)
{
    return f
        .rawValue(QStringLiteral("SELECT group_concat(reference, ' ') FROM (SELECT reference FROM referrals "
                                 "ORDER BY id)"))
        .split(u' ', Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("Issue 21: a database made by the release before is made compact as it opens, reads the same and its trail "
          "verifies end to end",
          "[migration]")
{
    StoreFixture f;
    fillInvented(f, true);
    {
        StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
        Referral r = d.referral;
        r.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Zoë Ødegård-O'Brien")));
        r.setAnswer(u"concern.nature", Answer::given(QStringLiteral("Two lines,\nwith \"quotes\" and a tab\there.")));
        REQUIRE(f->referrals().save(r, d.revision, handler));
    }
    const QStringList refs = references(f);
    REQUIRE(refs.size() == 4);
    QList<QJsonObject> before;
    for (const QString &reference : refs)
        before.append(ReferralJson::toJson(f->referrals().load(reference)->referral));

    // As the release before wrote it: schema version 5, documents indented, hashes as hex text with each event's
    // previous hash beside it, the by-kind index over every event.
    for (const QString &reference : refs)
        f.rawExec(QStringLiteral("UPDATE referrals SET document = %1 WHERE reference = '%2'")
                      .arg(quoted(ReferralJson::serialize(f->referrals().load(reference)->referral)), reference));
    f.close();
    f.asWrittenBefore(5);
    const qint64 trailBytes
        = f.rawValue(QStringLiteral("SELECT sum(pgsize) FROM dbstat WHERE name = 'audit'")).toLongLong();
    const qint64 indentedBytes = f.rawValue(QStringLiteral("SELECT sum(length(document)) FROM referrals")).toLongLong();
    REQUIRE(f.rawValue(QStringLiteral("SELECT count(*) FROM referrals WHERE instr(document, char(10)) > 0")) == u"4");

    f.reopen();
    CHECK(f->database().schemaVersion() == Database::latestSchemaVersion);
    // Each hash its 32 bytes, the previous hash not stored, and the trail smaller for it.
    CHECK(f.rawValue(QStringLiteral("SELECT count(*) FROM audit WHERE typeof(hash) <> 'blob' OR length(hash) <> 32"))
          == u"0");
    CHECK(f.rawValue(QStringLiteral("SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'prev_hash'"))
          == u"0");
    const qint64 trailBytesAfter
        = f.rawValue(QStringLiteral("SELECT sum(pgsize) FROM dbstat WHERE name = 'audit'")).toLongLong();
    INFO("trail " << trailBytes << " bytes before, " << trailBytesAfter << " after");
    CHECK(trailBytesAfter < trailBytes);
    // No spaces kept: no line breaks between keys, and far fewer bytes.
    CHECK(f.rawValue(QStringLiteral("SELECT count(*) FROM referrals WHERE instr(document, char(10)) > 0")) == u"0");
    const qint64 compactBytes = f.rawValue(QStringLiteral("SELECT sum(length(document)) FROM referrals")).toLongLong();
    INFO("indented " << indentedBytes << " bytes, compact " << compactBytes);
    CHECK(compactBytes * 10 < indentedBytes * 7);
    for (int i = 0; i < refs.size(); ++i) {
        INFO(refs.at(i).toStdString());
        CHECK(ReferralJson::toJson(f->referrals().load(refs.at(i))->referral) == before.at(i));
    }
    // The by-kind index leaves the field changes out, and the queries that look events up by kind still use it.
    CHECK(f.rawValue(QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'audit_kind'"))
              .contains(QStringLiteral("WHERE kind <> 'fieldChanged'")));
    const SqlCatalog sql = SqlCatalog::load(QStringLiteral("sqlite")).value();
    for (const QString &key : {QStringLiteral("audit.referralsBegun"), QStringLiteral("audit.accountEvents")}) {
        QSqlQuery plan(f->database().connection());
        REQUIRE(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql.statement(key)));
        QStringList steps;
        while (plan.next())
            steps.append(plan.value(3).toString());
        INFO(key.toStdString() << ": " << steps.join(QStringLiteral("; ")).toStdString());
        CHECK(steps.join(u' ').contains(QStringLiteral("USING INDEX audit_kind")));
    }
    const Result<AuditVerifier::Report> verified = AuditVerifier::verify(f->database());
    REQUIRE(verified);
    INFO(verified->summary().toStdString());
    CHECK(verified->intact());
    // Saving after the step writes compact documents too, and the trail goes on verifying.
    StoredReferral last = f->referrals().load(refs.last()).value();
    Referral r = last.referral;
    r.setAnswer(Field::referrerRole, Answer::given(QStringLiteral("Neighbour")));
    REQUIRE(f->referrals().save(r, last.revision, handler));
    REQUIRE(f->referrals().flush(r.reference));
    CHECK(f.rawValue(QStringLiteral("SELECT count(*) FROM referrals WHERE instr(document, char(10)) > 0")) == u"0");
    CHECK(AuditVerifier::verify(f->database())->intact());
}
