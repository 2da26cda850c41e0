// Team mode (issue 19) as a person meets it: the sign-in dialog authenticates to the server with their own name and
// password, typed; the lock screen's password is checked by the server too.
#include "pgserver.h"
#include "support/referralbuilder.h"

#include "profile/profileshelf.h"
#include "session/signindialog.h"
#include "session/windowcontext.h"
#include "store/teamsignin.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

TEST_CASE("The sign-in dialog signs a person in to the server, and the lock screen's password is the server's",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("window"));
    server.initialiseWithPeople();
    FixedClock clock(testNow());
    std::optional<TeamSession> session;
    QString connection = server.connection();
    SignInDialog dialog(
        [&](const QString &name, const QString &password) -> Result<Account> {
            Result<TeamSession> signedIn = signInToTeam(connection, name, password, clock, Store::Options{});
            if (!signedIn)
                return signedIn.error();
            const Account account = signedIn->account;
            session = std::move(*signedIn);
            return account;
        },
        norfolk().name);
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("signInName"));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("signInPassword"));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("signInMessage"));
    REQUIRE(name);
    REQUIRE(password);
    REQUIRE(message);
    const QString carl = server.person(QStringLiteral("carl"));

    // Wrong password: said beside the fields, the password cleared, nobody signed in.
    QTest::keyClicks(name, carl);
    QTest::keyClicks(password, QStringLiteral("not the password"));
    QTest::keyClick(password, Qt::Key_Return);
    CHECK(message->text() == QLatin1String("That name and password are not right."));
    CHECK(password->text().isEmpty());
    CHECK(!session);
    CHECK(dialog.isVisible());

    // The server away: said as such, not as a wrong password.
    connection = QStringLiteral("host=127.0.0.1 port=1 dbname=x");
    QTest::keyClicks(password, QString::fromLatin1(PgServer::password));
    QTest::keyClick(password, Qt::Key_Return);
    CHECK(message->text().contains(QLatin1String("cannot be reached")));
    CHECK(!session);

    connection = server.connection();
    QTest::keyClicks(password, QString::fromLatin1(PgServer::password));
    QTest::keyClick(password, Qt::Key_Return);
    REQUIRE(session);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(session->account.id == carl);
    CHECK(session->account.role == Role::CallHandler);
    CHECK(session->store->database().isServer());
    CHECK(server
              .psql(QStringLiteral("SELECT count(*) FROM frontdoor.audit WHERE kind = 'signedIn' AND user_id = '%1'")
                        .arg(carl))
              .out
          == QLatin1String("1"));

    // The window's lock screen asks the server whether the password is right.
    ProfileShelf shelf(norfolk());
    MainWindow::Context context
        = WindowContext::forPerson(*session->store, shelf, session->account, {QStringLiteral("server"), false, 5});
    REQUIRE(context.confirmPassword);
    CHECK(!context.confirmPassword(QStringLiteral("not the password")));
    CHECK(context.confirmPassword(QString::fromLatin1(PgServer::password)));
    CHECK(
        server
            .psql(QStringLiteral("SELECT count(*) FROM frontdoor.audit WHERE kind = 'signInFailed' AND user_id = '%1'")
                      .arg(carl))
            .out
        == QLatin1String("1"));
}
