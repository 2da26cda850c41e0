// Accounts and sign-in (issue 5): first administrator, accounts created/disabled/reset only by an administrator,
// back-off after 10 failures in 5 minutes, and every sign-in, sign-out and failure in the audit trail.

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "store/accounts.h"
#include "store/audittrail.h"

#include <QSqlQuery>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

const PasswordHasher::Cost cheap{1, 8 * 1024 * 1024};
const QString adminPassword = QStringLiteral("kettle on the windowsill");
const QString handlerPassword = QStringLiteral("blue heron over the fen");

QStringList kinds(StoreFixture &f)
{
    QSqlQuery q(f->database().connection());
    REQUIRE(q.exec(QStringLiteral("SELECT kind FROM audit WHERE reference IS NULL ORDER BY seq")));
    QStringList result;
    while (q.next())
        result.append(q.value(0).toString());
    return result;
}

} // namespace

TEST_CASE("The first account is the administrator, and only once")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheap);
    CHECK(accounts.isEmpty().value());
    Result<Account> admin = accounts.createFirstAdministrator(QStringLiteral("Admin.One"), QStringLiteral("Ada Admin"), adminPassword);
    INFO(admin.errorMessage().toStdString());
    REQUIRE(admin);
    CHECK(admin->id == QStringLiteral("admin.one"));
    CHECK(admin->role == Role::Administrator);
    CHECK_FALSE(accounts.isEmpty().value());
    Result<Account> second = accounts.createFirstAdministrator(QStringLiteral("sneaky"), QStringLiteral("S"), adminPassword);
    REQUIRE_FALSE(second);
    CHECK(second.error().code == ErrorCode::PermissionDenied);
    CHECK(kinds(f).contains(QStringLiteral("accountCreated")));
}

TEST_CASE("Only an administrator creates, disables and resets accounts, and never deletes one")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheap);
    const Actor admin{accounts.createFirstAdministrator(QStringLiteral("admin"), QStringLiteral("Ada Admin"), adminPassword)->id};
    Result<Account> handlerAccount = accounts.create(admin, QStringLiteral("priya"), QStringLiteral("Priya Invented"),
                                                     Role::CallHandler, handlerPassword);
    REQUIRE(handlerAccount);
    const Actor priya{handlerAccount->id};
    CHECK_FALSE(accounts.create(priya, QStringLiteral("mallory"), QStringLiteral("M"), Role::Administrator, handlerPassword));
    CHECK_FALSE(accounts.disable(priya, QStringLiteral("admin")));
    CHECK_FALSE(accounts.create(admin, QStringLiteral("priya"), QStringLiteral("Again"), Role::Supervisor, handlerPassword));
    CHECK_FALSE(accounts.create(admin, QStringLiteral("x"), QStringLiteral("Too short a name"), Role::Supervisor, handlerPassword));
    const Result<Account> weak = accounts.create(admin, QStringLiteral("sam"), QStringLiteral("Sam"), Role::Supervisor, QStringLiteral("short"));
    REQUIRE_FALSE(weak);
    CHECK(weak.errorMessage().contains(QStringLiteral("12")));
    CHECK_FALSE(accounts.disable(admin, QStringLiteral("admin"))); // not yourself

    REQUIRE(accounts.disable(admin, QStringLiteral("priya")));
    CHECK(accounts.find(QStringLiteral("priya"))->disabled);
    Result<Account> refused = accounts.signIn(QStringLiteral("priya"), handlerPassword);
    REQUIRE_FALSE(refused);
    CHECK(refused.errorMessage().contains(QStringLiteral("disabled")));

    QSqlQuery q(f->database().connection());
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM users WHERE id = 'priya'")));
    CHECK(accounts.list()->size() == 2);

    REQUIRE(accounts.resetPassword(admin, QStringLiteral("admin"), QStringLiteral("a brand new long password")));
    CHECK(accounts.signIn(QStringLiteral("admin"), QStringLiteral("a brand new long password")));
    const QStringList events = kinds(f);
    CHECK(events.contains(QStringLiteral("accountDisabled")));
    CHECK(events.contains(QStringLiteral("passwordReset")));
}

TEST_CASE("Sign-in checks the password, audits every attempt, and waits after 10 failures in 5 minutes")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheap);
    const Actor admin{accounts.createFirstAdministrator(QStringLiteral("admin"), QStringLiteral("Ada Admin"), adminPassword)->id};
    REQUIRE(accounts.create(admin, QStringLiteral("priya"), QStringLiteral("Priya Invented"), Role::CallHandler, handlerPassword));

    Result<Account> signedIn = accounts.signIn(QStringLiteral(" PRIYA "), handlerPassword);
    REQUIRE(signedIn);
    CHECK(signedIn->role == Role::CallHandler);
    REQUIRE(accounts.signOut(Actor{signedIn->id, signedIn->role}));

    const Result<Account> unknown = accounts.signIn(QStringLiteral("nobody"), handlerPassword);
    const Result<Account> wrong = accounts.signIn(QStringLiteral("priya"), QStringLiteral("not the password"));
    REQUIRE_FALSE(unknown);
    REQUIRE_FALSE(wrong);
    CHECK(unknown.errorMessage() == wrong.errorMessage()); // no telling which names exist

    for (int i = 1; i < Accounts::maxFailures; ++i) {
        f.clock.advance(10'000);
        CHECK_FALSE(accounts.signIn(QStringLiteral("priya"), QStringLiteral("guess number %1").arg(i)));
    }
    f.clock.advance(10'000);
    Result<Account> waiting = accounts.signIn(QStringLiteral("priya"), handlerPassword); // right, but must wait
    REQUIRE_FALSE(waiting);
    CHECK(waiting.errorMessage().contains(QStringLiteral("wait")));

    f.clock.advance(Accounts::failureWindowMsecs);
    CHECK(accounts.signIn(QStringLiteral("priya"), handlerPassword));

    const QStringList events = kinds(f);
    CHECK(events.count(QStringLiteral("signInFailed")) == 1 + Accounts::maxFailures + 1);
    CHECK(events.count(QStringLiteral("signedIn")) == 2);
    CHECK(events.count(QStringLiteral("signedOut")) == 1);
}

TEST_CASE("Confirming the password (unlock, signing) accepts only the right one, and audits a wrong one")
{
    StoreFixture f;
    Accounts accounts(f->database(), f.clock, cheap);
    const Actor admin{accounts.createFirstAdministrator(QStringLiteral("admin"), QStringLiteral("Ada Admin"), adminPassword)->id};
    CHECK(accounts.confirmPassword(admin, adminPassword));
    CHECK_FALSE(accounts.confirmPassword(admin, QStringLiteral("kettle on the windowsil")));
    CHECK(kinds(f).contains(QStringLiteral("signInFailed")));
}
