#include "homepage.h"

#include "common/uktime.h"

#include "counted.h"

#include "keys.h"
#include "queue/queuemodel.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace FrontDoor {

HomePage::HomePage(Sources sources, QWidget *parent) : QWidget(parent), m_sources(std::move(sources))
{
    setObjectName(QStringLiteral("homePage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);

    auto *top = new QHBoxLayout;
    auto *title = new QLabel(QStringLiteral("<h1>%1</h1>").arg(m_sources.frontDoor.toHtmlEscaped()), this);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    top->addWidget(title, 1);
    m_newReferral = new QPushButton(tr("New referral  (%1)").arg(Keys::newReferral.toString(QKeySequence::NativeText)),
                                    this);
    m_newReferral->setObjectName(QStringLiteral("newReferralButton"));
    m_newReferral->installEventFilter(this);
    m_newReferral->setAccessibleName(tr("New referral"));
    m_newReferral->setEnabled(m_sources.canTakeCalls);
    m_newReferral->setToolTip(m_sources.canTakeCalls ? tr("Start a referral: the reference and the call's start are "
                                                          "recorded at once")
                                                     : tr("Your role does not take referrals."));
    Theme::setKind(m_newReferral, Theme::Kind::primary);
    connect(m_newReferral, &QPushButton::clicked, this, &HomePage::newReferralRequested);
    top->addWidget(m_newReferral);
    m_newReferral->setVisible(m_sources.canTakeCalls); // a role that takes no calls is not offered one
    layout->addLayout(top);
    if (m_sources.countOf)
        layout->addWidget(createCounts());

    if (m_sources.unfinished) {
        m_unfinished = new UnfinishedCallsView(m_sources.unfinished, this);
        connect(m_unfinished, &UnfinishedCallsView::openRequested, this, &HomePage::openRequested);
        layout->addWidget(m_unfinished, 2);
    }
    if (m_sources.recent) {
        auto *heading = new QLabel(tr("<h2>Your recent referrals</h2>"), this);
        layout->addWidget(heading);
        m_recent = new QListWidget(this);
        m_recent->setObjectName(QStringLiteral("recentReferralsList"));
        m_recent->setAccessibleName(tr("Your recent referrals"));
        heading->setBuddy(m_recent);
        connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
            if (const QString reference = item->data(Qt::UserRole).toString(); !reference.isEmpty())
                emit openRequested(reference);
        });
        layout->addWidget(m_recent, 1);
    }
    if (m_sources.manageAccounts) {
        // An administrator sees no case: say what this role is for, and offer its one task.
        // In team mode the accounts are the server's login roles and the backups the server's (issue 19).
        auto *role = new QLabel(
            m_sources.onServer
                ? tr("<h2>You are signed in as an administrator</h2>"
                     "<p>You create the accounts of call-handlers and supervisors, reset passwords and disable "
                     "accounts of people who leave: on the team's server, with <tt>frontdoor user</tt> "
                     "(<b>Accounts…</b> says how). Case records are not shown to this role. The team's cases are "
                     "backed up by the server (base backups and WAL archiving, set up by IT), not by this "
                     "computer.</p>")
                : tr("<h2>You are signed in as an administrator</h2>"
                     "<p>You create the accounts of call-handlers and supervisors, reset passwords and disable "
                     "accounts of people who leave. Case records are not shown to this role; backups are made when "
                     "Front Door opens and closes (<tt>frontdoor backup</tt> makes one at any time).</p>"),
            this);
        role->setObjectName(QStringLiteral("administratorText"));
        role->setWordWrap(true);
        layout->addWidget(role);
        m_accounts = new QPushButton(tr("&Accounts…"), this);
        m_accounts->setObjectName(QStringLiteral("accountsButton"));
        Theme::setKind(m_accounts, Theme::Kind::primary);
        connect(m_accounts, &QPushButton::clicked, this, [this] { m_sources.manageAccounts(); });
        m_accounts->installEventFilter(this);
        auto *row = new QHBoxLayout;
        row->addWidget(m_accounts);
        row->addStretch(1);
        layout->addLayout(row);
    }
    if (!m_unfinished && !m_recent)
        layout->addStretch(1); // nothing listed: the notice below stays one line, not the whole page
    auto *emergency = new QLabel(tr("In an emergency, do not wait for this screen: follow your front door's "
                                    "emergency route — 999 for police or ambulance."),
                                 this);
    emergency->setObjectName(QStringLiteral("welcomeText"));
    emergency->setWordWrap(true);
    Theme::setKind(emergency, Theme::Kind::prompt);
    layout->addWidget(emergency);
    reload();
}

QWidget *HomePage::createCounts()
{
    auto *counts = new QWidget(this);
    counts->setObjectName(QStringLiteral("supervisorCounts"));
    auto *row = new QHBoxLayout(counts);
    row->setContentsMargins(0, 8, 0, 8);
    for (const QueueView::Show what :
         {QueueView::Show::Urgent, QueueView::Show::AwaitingDecision, QueueView::Show::Overdue}) {
        auto *button = new QPushButton(counts);
        button->setObjectName(what == QueueView::Show::Urgent             ? QStringLiteral("urgentCount")
                              : what == QueueView::Show::AwaitingDecision ? QStringLiteral("awaitingDecisionCount")
                                                                          : QStringLiteral("overdueCount"));
        button->installEventFilter(this); // Enter presses it
        connect(button, &QPushButton::clicked, this, [this, what] { emit queueRequested(what); });
        row->addWidget(button);
        m_counts.append({what, button});
    }
    row->addStretch(1);
    return counts;
}

void HomePage::reloadCounts()
{
    for (const auto &[what, button] : std::as_const(m_counts)) {
        const std::optional<int> n = m_sources.countOf(what);
        const QString words
            = what == QueueView::Show::Urgent ? counted(n.value_or(0), tr("urgent referral"), tr("urgent referrals"))
              : what == QueueView::Show::AwaitingDecision ? tr("%L1 awaiting a decision").arg(n.value_or(0))
                                                          : tr("%L1 overdue").arg(n.value_or(0));
        button->setText(n ? words : tr("Count unavailable — open the queue"));
        button->setAccessibleName(n ? tr("%1 — Enter opens the queue showing them").arg(words)
                                    : tr("Count unavailable — Enter opens the queue"));
        Theme::setKind(button,
                       what == QueueView::Show::Urgent && n.value_or(0) > 0 ? Theme::Kind::countUrgent
                                                                            : Theme::Kind::count);
    }
}

void HomePage::reload()
{
    reloadCounts();
    if (m_unfinished)
        m_unfinished->reload();
    if (!m_recent)
        return;
    m_recent->clear();
    const QList<ReferralSummary> rows = m_sources.recent();
    for (const ReferralSummary &row : rows) {
        auto *item = new QListWidgetItem(tr("%1%2 — %3 — %4 — %5")
                                             .arg(row.urgent ? tr("URGENT ") : QString(),
                                                  row.reference,
                                                  row.children.isEmpty() ? tr("no child named") : row.children,
                                                  UkTime::text(row.callStartedAt, QStringLiteral("ddd d MMM HH:mm")),
                                                  QueueModel::statusWords(row.status)),
                                         m_recent);
        item->setData(Qt::UserRole, row.reference);
    }
    if (rows.isEmpty()) {
        auto *none = new QListWidgetItem(tr("None in the last seven days."), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
}

void HomePage::focusFirst()
{
    // A call this person left unfinished first (after a restart the caller may still be on the line), then urgent
    // work waiting for a supervisor's decision.
    if (m_unfinished && m_unfinished->count() > 0) {
        m_unfinished->setFocus();
        return;
    }
    for (const auto &[what, button] : std::as_const(m_counts))
        if (what == QueueView::Show::Urgent && button->property("kind").toString() == Theme::Kind::countUrgent) {
            button->setFocus();
            return;
        }
    if (m_newReferral->isEnabled())
        m_newReferral->setFocus();
    else if (m_accounts)
        m_accounts->setFocus();
    else if (m_recent)
        m_recent->setFocus();
}

bool HomePage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        auto *button = qobject_cast<QPushButton *>(watched);
        if (button && button->isEnabled() && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
            button->click();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace FrontDoor
