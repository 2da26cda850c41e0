// Team mode (issue 19) as a person meets it: the sign-in dialog authenticates to the server with their own name and
// password, typed; the lock screen's password is checked by the server too.
#include "pgserver.h"
#include "support/referralbuilder.h"

#include "editor/autosaver.h"
#include "editor/referraleditor.h"
#include "mainwindow.h"
#include "profile/profileshelf.h"
#include "queue/queueview.h"
#include "referral/fields.h"
#include "session/signindialog.h"
#include "session/windowcontext.h"
#include "store/changefeed.h"
#include "store/teamsignin.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

// The sign-in dialog as the launcher shows it, signing in to `connection` (read at each try) through signInToTeam,
// with an offline spool in a folder of its own; `session` holds whoever it signed in.
struct DialogSignIn
{
    DialogSignIn(QString to, const Clock &clock)
        : connection(std::move(to))
        , dialog(
              [this, &clock](const QString &who, const QString &secret) -> Result<Account> {
                  Store::Options options;
                  options.spoolFolder = spoolRoot.path();
                  Result<TeamSession> signedIn = signInToTeam(connection, who, secret, clock, options);
                  if (!signedIn)
                      return signedIn.error();
                  const Account account = signedIn->account;
                  session = std::move(*signedIn);
                  return account;
              },
              norfolk().name)
    {
        dialog.show();
        name = dialog.findChild<QLineEdit *>(QStringLiteral("signInName"));
        password = dialog.findChild<QLineEdit *>(QStringLiteral("signInPassword"));
        message = dialog.findChild<QLabel *>(QStringLiteral("signInMessage"));
        REQUIRE(name);
        REQUIRE(password);
        REQUIRE(message);
    }

    QString connection;
    QTemporaryDir spoolRoot;
    std::optional<TeamSession> session;
    SignInDialog dialog;
    QLineEdit *name = nullptr;
    QLineEdit *password = nullptr;
    QLabel *message = nullptr;
};

// A supervisor signed in to the server, the window and its change feed as the launcher makes them; the feed's poll an
// hour away, so only the server's notices can bring another desk's change. `sessions` signs in anyone else.
struct WatchingSupervisor
{
    explicit WatchingSupervisor(const PgServer &server)
        : m_server(server)
    {
        const QString sam = server.person(QStringLiteral("sam"));
        Result<TeamSession> signedIn = signIn(QStringLiteral("sam"));
        REQUIRE(signedIn);
        session = std::make_unique<TeamSession>(std::move(*signedIn));
        window = std::make_unique<MainWindow>(
            WindowContext::forPerson(*session->store, shelf, session->account, {QStringLiteral("server"), false, 5}));
        feed = std::make_unique<ChangeFeed>(
            [&server, sam] {
                return Database::connect(
                    ServerLogin{server.connection(), sam, QString::fromLatin1(PgServer::password)});
            },
            3'600'000);
        REQUIRE(feed->start());
        QObject::connect(feed.get(), &ChangeFeed::changed, window.get(), &MainWindow::changedElsewhere);
        window->resize(1366, 768);
        window->show();
        REQUIRE(QTest::qWaitForWindowActive(window.get()));
    }
    // Home's count of urgent referrals, on screen.
    QPushButton *urgentCount() const
    {
        auto *urgent = window->findChild<QPushButton *>(QStringLiteral("urgentCount"));
        REQUIRE(urgent);
        REQUIRE(urgent->isVisible());
        return urgent;
    }
    // `who` as the tests name them ("carl"), signed in with a spool of this test's own.
    Result<TeamSession> signIn(const QString &who) const { return m_server.teamSession(who, spoolRoot.path()); }

    QTemporaryDir spoolRoot;
    std::unique_ptr<TeamSession> session;
    ProfileShelf shelf{norfolk()};
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<ChangeFeed> feed;

private:
    const PgServer &m_server;
};

} // namespace

TEST_CASE("The sign-in dialog signs a person in to the server, and the lock screen's password is the server's",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("window"));
    server.initialiseWithPeople();
    FixedClock clock(testNow());
    DialogSignIn signIn(server.connection(), clock);
    QLineEdit *name = signIn.name;
    QLineEdit *password = signIn.password;
    QLabel *message = signIn.message;
    SignInDialog &dialog = signIn.dialog;
    std::optional<TeamSession> &session = signIn.session;
    QString &connection = signIn.connection;
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

TEST_CASE("An administrator signs in to the team's server through the dialog, and their home says the accounts and "
          "the backups are the server's",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("window-admin"));
    server.initialiseWithPeople();
    DialogSignIn signIn(server.connection(), Clock::system());
    QTest::keyClicks(signIn.name, server.person(QStringLiteral("ada")));
    QTest::keyClicks(signIn.password, QString::fromLatin1(PgServer::password));
    QTest::keyClick(signIn.password, Qt::Key_Return);
    INFO(signIn.message->text().toStdString());
    std::optional<TeamSession> &session = signIn.session;
    REQUIRE(session); // it once read "That name and password are not right": her sign-in read the referrals
    CHECK(session->account.role == Role::Administrator);

    ProfileShelf shelf(norfolk());
    MainWindow window(
        WindowContext::forPerson(*session->store, shelf, session->account, {QStringLiteral("server"), false, 5}));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto *text = window.findChild<QLabel *>(QStringLiteral("administratorText"));
    REQUIRE(text);
    CHECK(text->text().contains(QStringLiteral("Case records are not shown")));
    CHECK(text->text().contains(QStringLiteral("<tt>frontdoor user</tt>")));
    CHECK(text->text().contains(QStringLiteral("backed up by the server")));
    CHECK_FALSE(text->text().contains(QStringLiteral("backups are made when Front Door opens")));
}

TEST_CASE("A call typed while the server is stopped says NOT SAVED — server unreachable, kept on this computer, and "
          "is saved, all of it, when the server is back",
          "[pg][issue19]")
{
    OwnCluster cluster;
    PgServer server(QStringLiteral("window-offline"), cluster.dir());
    server.initialiseWithPeople();
    QTemporaryDir spoolRoot;
    Result<TeamSession> session = server.teamSession(QStringLiteral("carl"), spoolRoot.path());
    INFO(session.errorMessage().toStdString());
    REQUIRE(session);
    ProfileShelf shelf(norfolk());
    MainWindow window(
        WindowContext::forPerson(*session->store, shelf, session->account, {QStringLiteral("server"), false, 5}));
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    auto *editor = window.findChild<ReferralEditor *>();
    REQUIRE(editor);
    auto *state = editor->findChild<QLabel *>(QStringLiteral("saveState"));
    REQUIRE(state);
    QSignalSpy saved(&editor->saver(), &AutoSaver::saved);
    QSignalSpy kept(&editor->saver(), &AutoSaver::keptOffline);
    REQUIRE(editor->jumpTo(Field::referrerName.toString()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Tamsin"));
    REQUIRE(saved.wait(5000));

    cluster.pause(); // mid-call: the caller is still talking
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral(" Invented"));
    REQUIRE(kept.wait(10000));
    CHECK(state->text() == QStringLiteral("NOT SAVED — server unreachable, kept on this computer"));
    CHECK(state->toolTip().contains(QStringLiteral("cannot be reached")));
    OfflineSpool &spool = *session->store->spool();
    CHECK(spool.count() == 1);
    // Typing goes on; each pause in it is kept here at once, without waiting on the network.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("-Smythe"));
    QTest::qWait(AutoSaver::debounceMsecs + 300);
    CHECK(spool.count() == 2);
    CHECK(saved.size() == 1); // nothing said saved that the server did not commit

    cluster.resume();
    REQUIRE(saved.wait(AutoSaver::offlineRetryMaxMsecs + 10000));
    CHECK(state->text().startsWith(QStringLiteral("Saved ")));
    CHECK(spool.count() == 0);
    Result<StoredReferral> stored = session->store->referrals().load(editor->referral().reference);
    REQUIRE(stored);
    CHECK(stored->referral.answer(Field::referrerName).value() == QStringLiteral("Tamsin Invented-Smythe"));

    // And the call goes on online as before.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral(" (aunt)"));
    REQUIRE(saved.wait(5000));
    CHECK(session->store->referrals().load(editor->referral().reference)->referral.answer(Field::referrerName).value()
          == QStringLiteral("Tamsin Invented-Smythe (aunt)"));
}

TEST_CASE("A supervisor's home counts a referral another desk has just marked urgent, brought by the server's notice, "
          "and the status bar says so",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("window-live"));
    server.initialiseWithPeople();
    WatchingSupervisor supervisor(server);
    MainWindow &window = *supervisor.window;
    ChangeFeed &feed = *supervisor.feed;
    QPushButton *urgent = supervisor.urgentCount();
    CHECK(urgent->text().startsWith(QStringLiteral("0 ")));
    QWidget *before = QApplication::focusWidget();

    // Another desk: a call-handler's triage says the child is in immediate danger.
    Result<TeamSession> carl = supervisor.signIn(QStringLiteral("carl"));
    REQUIRE(carl);
    const Actor handler{carl->account.id, Role::CallHandler};
    StoredReferral draft = carl->store->referrals().createDraft(norfolk(), handler).value();
    Referral referral = draft.referral;
    referral.setAnswer(Field::triageImmediateDanger, Answer::given(QStringLiteral("yes")));
    REQUIRE(carl->store->referrals().save(referral, draft.revision, handler));

    // The feed's poll is an hour away: only the server's notice can bring it (how fast is bench_team's to measure).
    REQUIRE(QTest::qWaitFor([&] { return urgent->text().startsWith(QStringLiteral("1 ")); }, 5000));
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("URGENT: %1").arg(referral.reference)));
    CHECK(QApplication::focusWidget() == before); // nothing moved under the supervisor's hands

    // In the queue, mid-search: another desk's change reads the search again, and the cursor stays where it was.
    urgent->setFocus();
    QTest::keyClick(urgent, Qt::Key_Return);
    auto *queue = window.findChild<QueueView *>();
    REQUIRE(queue);
    REQUIRE(queue->isVisible());
    auto *search = queue->findChild<QLineEdit *>(QStringLiteral("queueSearch"));
    auto *table = queue->findChild<QTableView *>(QStringLiteral("queueTable"));
    REQUIRE(search);
    REQUIRE(table);
    StoredReferral second = carl->store->referrals().createDraft(norfolk(), handler).value();
    Referral secondReferral = second.referral;
    secondReferral.setAnswer(Field::triageImmediateDanger, Answer::given(QStringLiteral("yes")));
    REQUIRE(carl->store->referrals().save(secondReferral, second.revision, handler));
    REQUIRE(QTest::qWaitFor([&] { return table->model()->rowCount() == 2; }, 5000));
    search->setFocus();
    QTest::keyClicks(search, referral.reference.section(u'-', -1));
    REQUIRE(QTest::qWaitFor([&] { return table->model()->rowCount() == 1; }, 5000));
    table->setCurrentIndex(table->model()->index(0, 2));
    search->setFocus();
    QSignalSpy readAgain(table->model(), &QAbstractItemModel::modelReset);
    referral.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Tamsin Invented")));
    QSignalSpy noticed(&feed, &ChangeFeed::changed);
    REQUIRE(carl->store->referrals().save(referral, draft.revision + 1, handler));
    REQUIRE(QTest::qWaitFor([&] { return noticed.count() > 0; }, 5000));
    REQUIRE(readAgain.wait(2000)); // the search was read again
    CHECK(search->text() == referral.reference.section(u'-', -1));
    CHECK(table->model()->rowCount() == 1);
    CHECK(table->currentIndex().row() == 0);
    CHECK(table->currentIndex().column() == 2);
    CHECK(QApplication::focusWidget() == search);
}

TEST_CASE("A supervisor's home reads its counts again for a change that can move them, not for another desk's typing",
          "[pg][issue19]")
{
    PgServer server(QStringLiteral("window-figures"));
    server.initialiseWithPeople();
    WatchingSupervisor supervisor(server);
    MainWindow &window = *supervisor.window;
    ChangeFeed &feed = *supervisor.feed;
    QPushButton *urgent = supervisor.urgentCount();
    CHECK(urgent->text().startsWith(QStringLiteral("0 ")));
    QStringList heard;
    QObject::connect(&feed, &ChangeFeed::changed, &window, [&](const QList<ChangeFeed::Change> &changes) {
        for (const ChangeFeed::Change &change : changes)
            heard.append(change.kind + u' ' + change.reference);
    });
    // Heard, and the window's quarter-second refresh long past.
    const auto settled = [&](const QString &kind, const QString &reference) {
        const bool came = QTest::qWaitFor([&] { return heard.contains(kind + u' ' + reference); }, 5000);
        QTest::qWait(MainWindow::liveRefreshMsecs * 4);
        return came;
    };

    Result<TeamSession> carl = supervisor.signIn(QStringLiteral("carl"));
    REQUIRE(carl);
    const Actor handler{carl->account.id, Role::CallHandler};
    StoredReferral typed = carl->store->referrals().createDraft(norfolk(), handler).value();
    StoredReferral other = carl->store->referrals().createDraft(norfolk(), handler).value();
    REQUIRE(settled(QStringLiteral("created"), other.referral.reference));
    // Behind Front Door's back, with no notice: the other call is marked urgent. Home does not know yet.
    REQUIRE(server
                .psql(QStringLiteral("UPDATE frontdoor.referrals SET urgent = 1 WHERE reference = '%1'")
                          .arg(other.referral.reference))
                .exitCode
            == 0);
    CHECK(urgent->text().startsWith(QStringLiteral("0 ")));

    // Carl types into his first call: heard, and home's counts are not read for it.
    Referral referral = typed.referral;
    referral.setAnswer(Field::referrerName, Answer::given(QStringLiteral("Tamsin Invented")));
    Result<SaveReceipt> saved = carl->store->referrals().save(referral, typed.revision, handler);
    REQUIRE(saved);
    REQUIRE(settled(QStringLiteral("saved"), referral.reference));
    CHECK(urgent->text().startsWith(QStringLiteral("0 ")));

    // He discards it (started by mistake): it moved, so home reads its counts again, and finds the urgent one.
    REQUIRE(
        carl->store->referrals().discard(referral.reference, saved->revision, handler, QStringLiteral("a test call")));
    REQUIRE(settled(QStringLiteral("moved"), referral.reference));
    CHECK(urgent->text().startsWith(QStringLiteral("1 ")));
}
