// Issue 16: one strict reader for every way a referral file comes in. `frontdoor check` and `frontdoor import` refuse
// the same files for the same reasons; reads stop at the size cap whatever the file system says; counts and text
// lengths have documented limits far above any real referral.

#include <catch2/catch.hpp>

#include "storefixture.h"
#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "referral/fields.h"
#include "referral/referraljson.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const QString password = QStringLiteral("kettle on the windowsill");

// A live database with a supervisor "sam" who may import.
QString databaseWithSupervisor(StoreFixture &f)
{
    Accounts accounts(f->database(), f.clock, cheapHashing);
    firstSupervisor(accounts, QStringLiteral("sam"), password);
    f.close();
    return f.path;
}

Run importing(const QString &file, const QString &db)
{
    return runFrontDoor({QStringLiteral("import"), file, QStringLiteral("--as"), QStringLiteral("sam"),
                         QStringLiteral("--db"), db},
                        password.toUtf8() + '\n');
}

QString written(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(out.write(bytes) == bytes.size());
    return path;
}

QByteArray withPeople(int children, int adults)
{
    QJsonObject root = ReferralJson::toJson(draft(QStringLiteral("norfolk-cads")));
    QJsonArray kids;
    for (int i = 1; i <= children; ++i)
        kids.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("c%1").arg(i)}, {QStringLiteral("answers"), QJsonObject{}}});
    QJsonArray grownUps;
    for (int i = 1; i <= adults; ++i)
        grownUps.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("a%1").arg(i)}, {QStringLiteral("answers"), QJsonObject{}}});
    root.insert(QStringLiteral("children"), kids);
    root.insert(QStringLiteral("adults"), grownUps);
    return QJsonDocument(root).toJson();
}

QByteArray twoConversationsWithOneId()
{
    Referral r = draft(QStringLiteral("norfolk-cads"));
    for (int i = 0; i < 2; ++i)
        r.conversations.append(Conversation{QStringLiteral("d-1"), testNow(), QStringLiteral("police"), {}, {},
                                            QStringLiteral("Invented summary %1").arg(i), {}, QStringLiteral("u-sup")});
    return ReferralJson::serialize(r);
}

} // namespace

TEST_CASE("check and import refuse the same hostile files, for the same reason, and import nothing")
{
    QTemporaryDir dir;
    StoreFixture f;
    const QString db = databaseWithSupervisor(f);
    Referral answered = draft(QStringLiteral("norfolk-cads"));
    give(answered, Field::referrerName.toString(), QStringLiteral("Invented Caller"));
    const QByteArray good = ReferralJson::serialize(answered);
    const QList<std::tuple<const char *, QByteArray, QString>> hostile{
        {"a key twice", QByteArray(good).replace("\"status\": \"draft\"", "\"status\": \"draft\", \"status\": \"closed\""),
         QStringLiteral("twice")},
        {"a key twice, once escaped",
         QByteArray(good).replace("\"status\": \"draft\"", "\"status\": \"draft\", \"st\\u0061tus\": \"closed\""),
         QStringLiteral("twice")},
        {"an answer key twice, the dot escaped",
         QByteArray(good).replace("\"answers\": {", "\"answers\": {\"triage.immediateDanger\": {\"value\": \"no\"}, "
                                                      "\"triage\\u002eimmediateDanger\": {\"value\": \"yes\"}, "),
         QStringLiteral("twice")},
        {"a text of 100,001 characters, written as escapes",
         QByteArray(good).replace("Ada Testchild", QByteArray("\\u0041").repeated(100'001)), QStringLiteral("100001 characters")},
        {"101 children", withPeople(101, 0), QStringLiteral("at most 100")},
        {"501 adults", withPeople(1, 501), QStringLiteral("at most 500")},
        {"a child id twice", QByteArray(withPeople(2, 0)).replace("\"c2\"", "\"c1\""), QStringLiteral("used twice")},
        {"a conversation id twice", twoConversationsWithOneId(), QStringLiteral("conversations[1]")},
    };
    for (const auto &[what, bytes, reason] : hostile) {
        INFO(what);
        const QString file = written(dir, QStringLiteral("hostile.json"), bytes);
        const Run checked = runFrontDoor({QStringLiteral("check"), file});
        INFO("check: " << checked.err.toStdString());
        CHECK(checked.exitCode == 2);
        CHECK(checked.err.contains(reason));
        const Run imported = importing(file, db);
        INFO("import: " << imported.err.toStdString());
        CHECK(imported.exitCode == 1);
        CHECK(imported.err.contains(reason));
    }
    std::unique_ptr<Store> store = std::move(Store::open(db, f.clock).value());
    CHECK(store->queries().count(ReferralFilter{}).value() == 0);
}

TEST_CASE("Text limits count decoded characters: 100,000 accented letters or escapes are one long text, not too long")
{
    QTemporaryDir dir;
    const QByteArray good = ReferralJson::serialize(draft(QStringLiteral("norfolk-cads")));
    for (const QByteArray &text : {QByteArray("\xc3\xa9").repeated(100'000), QByteArray("\\u00e9").repeated(100'000),
                                   QByteArray("\\ud83d\\ude00").repeated(50'000)}) {
        const QString file = written(dir, QStringLiteral("long.json"), QByteArray(good).replace("Ada Testchild", text));
        const Run checked = runFrontDoor({QStringLiteral("check"), file});
        INFO(checked.err.toStdString());
        CHECK(checked.exitCode != 2); // read; the verdict is the rules'
    }
}

TEST_CASE("Reads stop at the size cap whatever the file system reports: /dev/zero, /dev/urandom and a FIFO")
{
    QTemporaryDir dir;
    StoreFixture f;
    const QString db = databaseWithSupervisor(f);
    const QString cap = QStringLiteral("larger than a referral can be (%1 MiB)").arg(ReferralJson::largestFileBytes >> 20);
    for (const QString &device : {QStringLiteral("/dev/zero"), QStringLiteral("/dev/urandom")}) {
        INFO(device.toStdString());
        const Run checked = runFrontDoor({QStringLiteral("check"), device});
        CHECK(checked.exitCode == 2);
        CHECK(checked.err.contains(cap));
        const Run imported = importing(device, db);
        CHECK(imported.exitCode == 1);
        CHECK(imported.err.contains(cap));
    }
    // A FIFO with a writer that never stops: `yes` ends by itself when the reader closes.
    const QString fifo = dir.filePath(QStringLiteral("endless.json"));
    REQUIRE(mkfifo(fifo.toLocal8Bit().constData(), 0600) == 0);
    QProcess writer;
    writer.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("exec yes '{' > \"$0\""), fifo});
    REQUIRE(writer.waitForStarted());
    const Run checked = runFrontDoor({QStringLiteral("check"), fifo});
    CHECK(checked.exitCode == 2);
    CHECK(checked.err.contains(cap));
    CHECK(writer.waitForFinished(10'000));
}

TEST_CASE("The largest allowed referral (100 children, 500 adults) is read, and the schema page gives the same limits")
{
    QTemporaryDir dir;
    const QString file = written(dir, QStringLiteral("largest.json"), withPeople(ReferralJson::mostChildren, ReferralJson::mostAdults));
    const Run checked = runFrontDoor({QStringLiteral("check"), file});
    INFO(checked.err.toStdString());
    CHECK(checked.exitCode != 2);

    const QString schema = readText(sourceDir() + QStringLiteral("/../resources/schema/referral-json.md"));
    REQUIRE_FALSE(schema.isEmpty());
    CHECK(schema.contains(QStringLiteral("at most %1 MiB").arg(ReferralJson::largestFileBytes >> 20)));
    CHECK(schema.contains(QStringLiteral("at most %1 children").arg(ReferralJson::mostChildren)));
    CHECK(schema.contains(QStringLiteral("at most %1 adults").arg(ReferralJson::mostAdults)));
    CHECK(schema.contains(QStringLiteral("at most 1,000 entries")));
    CHECK(schema.contains(QStringLiteral("100,000 characters")));
}
