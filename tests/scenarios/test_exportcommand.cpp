// Issue 8: frontdoor export, as a supervisor would run it — after their password, audited, redacted for the reader,
// refused for anyone else and for training cases.
#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "access/passwordhasher.h"
#include "referral/fields.h"
#include "referral/referraljson.h"
#include "store/accounts.h"
#include "store/audittrail.h"
#include "store/auditverifier.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("frontdoor export writes the referral JSON and a redacted family notice, audited, for a supervisor only")
{
    StoreFixture f;
    const QString password = QStringLiteral("kettle on the windowsill");
    QString reference;
    {
        Accounts accounts(f->database(), f.clock, cheapHashing);
        firstSupervisor(accounts, QStringLiteral("sam"), password);
        const Actor root{accounts.find(QStringLiteral("root"))->id, Role::Administrator};
        REQUIRE(accounts.create(root, QStringLiteral("priya"), QStringLiteral("Priya"), Role::CallHandler, password));
        StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
        Referral r = draft.referral;
        r.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Ada Testchild")));
        r.setAnswer(Field::referrerType, Answer::given(QStringLiteral("memberOfPublic")));
        r.setAnswer(Field::identityDecision, Answer::given(QStringLiteral("notToFamily")));
        r.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Zebedee Canaryneighbour")));
        REQUIRE(f->referrals().save(r, draft.revision, handler));
        reference = r.reference;
    }
    f.close();
    QTemporaryDir out;
    const QString json = out.filePath(QStringLiteral("export.json"));
    const QString pdf = out.filePath(QStringLiteral("notice.pdf"));
    const QByteArray typed = password.toUtf8() + '\n';

    Run asJson = runFrontDoor({QStringLiteral("export"), QStringLiteral("--reference"), reference, QStringLiteral("--format"),
                               QStringLiteral("json"), QStringLiteral("--out"), json, QStringLiteral("--as"),
                               QStringLiteral("sam"), QStringLiteral("--db"), f.path},
                              typed);
    INFO(asJson.err.toStdString());
    REQUIRE(asJson.exitCode == 0);
    QFile file(json);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const Result<Referral> read = ReferralJson::parse(file.readAll(), json);
    REQUIRE(read);
    CHECK(read->reference == reference);
    CHECK(read->answer(Field::referrerName).value() == QStringLiteral("Zebedee Canaryneighbour")); // internal, whole
    CHECK(file.permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));

    Run asNotice = runFrontDoor({QStringLiteral("export"), QStringLiteral("--reference"), reference, QStringLiteral("--format"),
                                 QStringLiteral("pdf"), QStringLiteral("--document"), QStringLiteral("notice"),
                                 QStringLiteral("--out"), pdf, QStringLiteral("--as"), QStringLiteral("sam"),
                                 QStringLiteral("--db"), f.path},
                                typed);
    INFO(asNotice.err.toStdString());
    REQUIRE(asNotice.exitCode == 0);
    QFile notice(pdf);
    REQUIRE(notice.open(QIODevice::ReadOnly));
    CHECK(notice.read(5) == QByteArrayLiteral("%PDF-"));
    // Issue 17: the document left with the trail's head, anchored outside the database, in its footer.
    const QString head = f.rawValue(QStringLiteral("SELECT seq FROM audit WHERE kind = 'exported' ORDER BY seq DESC "
                                                   "LIMIT 1"));
    CHECK(readPdfWith("pdftotext", pdf).contains(QStringLiteral("Audit anchor: event %1,").arg(head.toLongLong() - 1)));

    Run handlerTries = runFrontDoor({QStringLiteral("export"), QStringLiteral("--reference"), reference,
                                     QStringLiteral("--as"), QStringLiteral("priya"), QStringLiteral("--out"),
                                     out.filePath(QStringLiteral("no.json")), QStringLiteral("--db"), f.path},
                                    typed);
    CHECK(handlerTries.exitCode == 1);
    CHECK(handlerTries.err.contains(QStringLiteral("only a supervisor")));
    CHECK_FALSE(QFile::exists(out.filePath(QStringLiteral("no.json"))));
    Run wrongPassword = runFrontDoor({QStringLiteral("export"), QStringLiteral("--reference"), reference,
                                      QStringLiteral("--as"), QStringLiteral("sam"), QStringLiteral("--db"), f.path},
                                     "not it\n");
    CHECK(wrongPassword.exitCode == 1);

    // The queue for reporting: by default no names; a supervisor may choose the children's names.
    const QString csv = out.filePath(QStringLiteral("queue.csv"));
    Run queue = runFrontDoor({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                              QStringLiteral("--out"), csv, QStringLiteral("--as"), QStringLiteral("sam"),
                              QStringLiteral("--db"), f.path},
                             typed);
    INFO(queue.err.toStdString());
    REQUIRE(queue.exitCode == 0);
    QFile table(csv);
    REQUIRE(table.open(QIODevice::ReadOnly));
    const QString rows = QString::fromUtf8(table.readAll());
    CHECK(rows.startsWith(QStringLiteral("reference,")));
    CHECK(rows.contains(reference));
    CHECK_FALSE(rows.contains(QStringLiteral("Ada")));
    CHECK_FALSE(rows.contains(QStringLiteral("Canary")));
    Run named = runFrontDoor({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                              QStringLiteral("--columns"), QStringLiteral("reference,children"), QStringLiteral("--out"),
                              csv, QStringLiteral("--as"), QStringLiteral("sam"), QStringLiteral("--db"), f.path},
                             typed);
    REQUIRE(named.exitCode == 0);
    table.close();
    REQUIRE(table.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(table.readAll()).contains(QStringLiteral("Ada Testchild")));

    // Two exports in the trail, with the format and the file's name — never its content.
    std::unique_ptr<Store> store = std::move(Store::open(f.path, f.clock).value());
    int exported = 0;
    const QList<AuditEvent> trail = AuditTrail::forReferral(store->database(), reference).value();
    for (const AuditEvent &event : trail) {
        if (event.kind != auditKindName(AuditKind::Exported))
            continue;
        ++exported;
        CHECK_FALSE(QString::fromUtf8(QJsonDocument(event.payload).toJson()).contains(QStringLiteral("Canary")));
    }
    CHECK(exported == 2);
}

TEST_CASE("LIN-T5 ALL-T6: frontdoor export offers no feedback letter to a referrer nobody can reach")
{
    StoreFixture f;
    const QString password = QStringLiteral("kettle on the windowsill");
    QString reference;
    {
        Accounts accounts(f->database(), f.clock, cheapHashing);
        firstSupervisor(accounts, QStringLiteral("sam"), password);
        StoredReferral draft = f->referrals().createDraft(norfolk(), handler).value();
        Referral r = draft.referral;
        r.setAnswer(Field::referrerType, Answer::given(QStringLiteral("anonymous")));
        REQUIRE(f->referrals().save(r, draft.revision, handler));
        reference = r.reference;
    }
    f.close();
    QTemporaryDir out;
    const QString pdf = out.filePath(QStringLiteral("feedback.pdf"));
    Run refused = runFrontDoor({QStringLiteral("export"), QStringLiteral("--reference"), reference, QStringLiteral("--format"),
                                QStringLiteral("pdf"), QStringLiteral("--document"), QStringLiteral("feedback"),
                                QStringLiteral("--out"), pdf, QStringLiteral("--as"), QStringLiteral("sam"),
                                QStringLiteral("--db"), f.path},
                               password.toUtf8() + '\n');
    CHECK(refused.exitCode != 0);
    CHECK(refused.err.contains(QStringLiteral("no feedback is due")));
    CHECK_FALSE(QFile::exists(pdf));
}

namespace {

Run importing(const QString &file, const QString &db, const QString &password)
{
    return runFrontDoor({QStringLiteral("import"), file, QStringLiteral("--as"), QStringLiteral("sam"),
                         QStringLiteral("--db"), db},
                        password.toUtf8() + '\n');
}

} // namespace

TEST_CASE("frontdoor import stores a referral another Front Door exported, whole, and refuses it a second time")
{
    const QString password = QStringLiteral("kettle on the windowsill");
    QTemporaryDir dir;
    // A complete call another Front Door submitted: it meets every must of the call, as an import must (issue 16).
    Referral sent = ReferralJson::parse(readText(sourceDir() + QStringLiteral("/scenarios/fixtures/nor-consent-refused-recorded.json")).toUtf8(),
                                        QStringLiteral("fixture")).value();
    sent.reference = QStringLiteral("NOR-2026-000321");
    sent.status = ReferralStatus::Submitted;
    sent.actions.append(FollowUpAction{QStringLiteral("act-decision"), QStringLiteral("decision"), QStringLiteral("NOR-T4"),
                                       QStringLiteral("Decide"), testNow().addDays(1), ActionStatus::Open, {}, {}, {}});
    const QString file = dir.filePath(QStringLiteral("from-elsewhere.json"));
    {
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(ReferralJson::serialize(sent));
    }
    StoreFixture f;
    {
        Accounts accounts(f->database(), f.clock, cheapHashing);
        firstSupervisor(accounts, QStringLiteral("sam"), password);
    }
    const QString db = f.path;
    f.close();

    Run first = importing(file, db, password);
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    Run again = importing(file, db, password);
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains(QStringLiteral("already in this database")));

    std::unique_ptr<Store> store = std::move(Store::open(db, f.clock).value());
    const StoredReferral stored = store->referrals().load(sent.reference).value();
    Referral expected = sent; // its people acted there, not here
    expected.handler = sent.handler + QStringLiteral(" (imported)");
    CHECK(stored.referral == expected);
    CHECK(store->queries().list(ReferralFilter{}).value().constFirst().nextDue == sent.actions.constFirst().due);
    CHECK(AuditVerifier::verify(store->database()).value().intact());
    // This database's own numbering goes on after the imported number.
    StoredReferral next = store->referrals().createDraft(norfolk(), handler).value();
    CHECK(next.referral.reference == QStringLiteral("NOR-2026-000322"));
}

TEST_CASE("frontdoor import refuses malformed and hostile files with the place it went wrong, and imports nothing")
{
    const QString password = QStringLiteral("kettle on the windowsill");
    QTemporaryDir dir;
    StoreFixture f;
    {
        Accounts accounts(f->database(), f.clock, cheapHashing);
        firstSupervisor(accounts, QStringLiteral("sam"), password);
    }
    const QString db = f.path;
    f.close();
    const QByteArray good = ReferralJson::serialize(draft(QStringLiteral("norfolk-cads")));
    QByteArray deep;
    for (int i = 0; i < 5000; ++i)
        deep += '[';
    const QList<std::pair<const char *, QByteArray>> nasty{
        {"not JSON", QByteArrayLiteral("{\"reference\": ")},
        {"deep nesting", deep},
        {"invalid UTF-8", QByteArray(good).replace("Ada", "\xff\xfe\xfd")},
        {"a wrong type", QByteArray(good).replace("\"status\": \"draft\"", "\"status\": 7")},
        {"an unknown key", QByteArray(good).replace("\"status\":", "\"smuggled\": 1, \"status\":")},
        {"a duplicate key", QByteArray(good).replace("\"status\": \"draft\"", "\"status\": \"draft\", \"status\": \"closed\"")},
        {"a huge string", QByteArray(good).replace("Ada Testchild", QByteArray(2 * 1024 * 1024, 'x'))},
        {"a live database taking a training case", QByteArray(good).replace("\"NOR-", "\"TRN-NOR-")},
    };
    for (const auto &[what, bytes] : nasty) {
        INFO(what);
        const QString file = dir.filePath(QStringLiteral("nasty.json"));
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes);
        out.close();
        Run refused = importing(file, db, password);
        INFO(refused.err.toStdString());
        CHECK(refused.exitCode == 1);
        CHECK(refused.err.contains(QStringLiteral("frontdoor import: ")));
    }
    std::unique_ptr<Store> store = std::move(Store::open(db, f.clock).value());
    CHECK(store->queries().count(ReferralFilter{}).value() == 0);
}
