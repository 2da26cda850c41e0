// Issue 8: frontdoor export, as a supervisor would run it — after their password, audited, redacted for the reader,
// refused for anyone else and for training cases.
#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "access/accounts.h"
#include "access/passwordhasher.h"
#include "referral/fields.h"
#include "referral/referraljson.h"
#include "store/audittrail.h"

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
        Accounts accounts(f->database(), f.clock, PasswordHasher::Cost{1, 8 * 1024 * 1024});
        const Actor root{accounts.createFirstAdministrator(QStringLiteral("root"), QStringLiteral("Root"), password)->id,
                         Role::Administrator};
        REQUIRE(accounts.create(root, QStringLiteral("sam"), QStringLiteral("Sam"), Role::Supervisor, password));
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
