#include "reviewpage.h"

#include "counted.h"

#include "common/uktime.h"

#include "calendar/followupplanner.h"
#include "editor/answertarget.h"
#include "editor/linkedcases.h"
#include "editor/referraleditor.h"
#include "editor/sectionpage.h"
#include "keys.h"
#include "referral/fields.h"
#include "referral/referralfacts.h"
#include "review/disagreementform.h"
#include "review/outcomespanel.h"
#include "review/outputdialog.h"
#include "render/referraloutput.h"
#include "review/recordforms.h"
#include "rules/evaluator.h"
#include "theme.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QMessageBox>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace FrontDoor {

namespace {

QScrollArea *scrolling(QWidget *inside, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setWidget(inside);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // it reads downwards: nothing sideways
    scroll->setFocusPolicy(Qt::NoFocus); // the fields inside are the Tab stops; it scrolls to the one with the cursor
    return scroll;
}

QString ukTime(const QDateTime &time)
{
    return UkTime::text(time, QStringLiteral("ddd d MMM HH:mm"));
}

} // namespace

ReviewPage::ReviewPage(ReferralRepository &referrals, const Profile &profile, StoredReferral opened, Actor actor,
                       const Clock &clock, Signer signer, History history, QWidget *parent)
    : QWidget(parent), m_referrals(referrals), m_profile(profile), m_actor(std::move(actor)), m_clock(clock),
      m_sign(std::move(signer)), m_history(std::move(history)), m_current(std::move(opened))
{
    setObjectName(QStringLiteral("reviewPage"));
    m_bar = new QLabel(this);
    m_bar->setObjectName(QStringLiteral("reviewBar"));
    m_bar->setWordWrap(true);
    m_bar->setTextFormat(Qt::RichText);
    Theme::setKind(m_bar, Theme::Kind::prompt);

    // The record as taken, read-only (the editor freezes a submitted referral and takes no lease).
    auto *asTaken = m_asTaken = new ReferralEditor(referrals, profile, m_current, m_actor, clock, this);
    asTaken->setStillToAskVisible(false);
    QWidget *right = createDecisionSide();

    auto *split = m_split = new QSplitter(this);
    split->addWidget(asTaken);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({720, 620}); // the decision side gets the room a decision needs (1366×768 and up)
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(createTopBar());
    layout->addWidget(split, 1);

    for (const QKeySequence &keys : {Keys::submit, Keys::submitKeypad}) { // on the decision side only (see the editor)
        auto *sign = new QShortcut(keys, right);
        sign->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sign, &QShortcut::activated, this, [this] { signDecision(); });
    }
    refresh();
}

// The bar that says what is happening, and Print or export (Ctrl+P).
QHBoxLayout *ReviewPage::createTopBar()
{
    m_outputButton = new QPushButton(
        tr("Print or export… (%1)").arg(Keys::printOrExport.toString(QKeySequence::NativeText)), this);
    m_outputButton->setObjectName(QStringLiteral("reviewOutput"));
    m_outputButton->setEnabled(false); // until setOutput()
    connect(m_outputButton, &QPushButton::clicked, this, &ReviewPage::openOutputDialog);
    auto *printShortcut = new QShortcut(Keys::printOrExport, this);
    printShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(printShortcut, &QShortcut::activated, this, &ReviewPage::openOutputDialog);
    auto *top = new QHBoxLayout;
    top->addWidget(m_bar, 1);
    top->addWidget(m_outputButton, 0, Qt::AlignTop);
    return top;
}

// The right-hand side: what the decision still needs, then the tabs of the supervisor's work.
QWidget *ReviewPage::createDecisionSide()
{
    m_musts = new QListWidget(this);
    m_musts->setObjectName(QStringLiteral("decisionMusts"));
    m_musts->setAccessibleName(tr("What the decision still needs"));
    m_musts->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_musts->setWordWrap(true);
    m_musts->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_tabs->addTab(scrolling(createDecisionTab(), m_tabs), tr("&1 Decision"));
    m_tabs->addTab(scrolling(createRecordForms(), m_tabs), tr("&2 Discussions"));
    m_tabs->addTab(createActionsList(), tr("&3 Actions"));
    m_timeline = new QListWidget(this);
    m_timeline->setObjectName(QStringLiteral("reviewHistory"));
    m_timeline->setAccessibleName(tr("History"));
    m_timeline->setWordWrap(true);
    m_tabs->addTab(m_timeline, tr("&4 History"));
    m_knownChild = new QListWidget(this);
    m_knownChild->setObjectName(QStringLiteral("reviewKnownChild"));
    m_knownChild->setAccessibleName(tr("Earlier referrals that may be about these children: Enter opens one"));
    m_knownChild->setWordWrap(true);
    connect(m_knownChild, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const QString reference = item->data(Qt::UserRole).toString(); !reference.isEmpty())
            emit openRequested(reference);
    });
    m_tabs->addTab(m_knownChild, tr("&5 Known children"));
    m_disagreement = new DisagreementForm(this);
    connect(m_disagreement, &DisagreementForm::ready, this, [this] {
        if (record(m_disagreement->withDisagreement(m_current.referral, m_actor.userId, m_clock.now()),
                   tr("disagreement recorded (NOR-R6)")))
            m_disagreement->clear();
    });
    m_tabs->addTab(scrolling(m_disagreement, m_tabs), tr("&6 Disagreement"));

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *beforeSigning
        = new QLabel(tr("<b>Before signing</b> — Ctrl+Enter signs the decision with your password"), right);
    beforeSigning->setWordWrap(true);
    rightLayout->addWidget(beforeSigning);
    rightLayout->addWidget(m_musts);
    rightLayout->addWidget(m_tabs, 1);
    return right;
}

// The outcomes with the profile's decision-stage questions (police consultation LIN-P1, NOR-O2 …), recorded
// together by "Record the decision".
QWidget *ReviewPage::createDecisionTab()
{
    auto *decision = new QWidget(this);
    auto *decisionLayout = new QVBoxLayout(decision);
    m_outcomes = new OutcomesPanel(m_profile, decision);
    decisionLayout->addWidget(m_outcomes);
    m_pendingDecision = m_current.referral;
    for (const Section &section : m_profile.sections) {
        if (section.stage != SectionStage::Decision)
            continue;
        auto *page = new SectionPage(section, m_profile, m_clock.now().date(), decision);
        page->show(m_current.referral);
        connect(page, &SectionPage::answerChanged, this, [this, page](const AnswerTarget &target, const Answer &a) {
            target.write(m_pendingDecision, a);
            page->show(m_pendingDecision);
        });
        m_outcomes->addQuestions(page);
    }
    connect(m_outcomes, &OutcomesPanel::recordRequested, this, &ReviewPage::recordDecision);
    return decision;
}

// The decision as on screen — outcomes, priority, the decision-stage questions — over the referral as stored.
Referral ReviewPage::decisionOnScreen() const
{
    Referral next = m_outcomes->withDecision(m_current.referral, m_actor.userId, m_clock.now());
    for (auto it = m_pendingDecision.answers.cbegin(); it != m_pendingDecision.answers.cend(); ++it)
        if (!(m_current.referral.answer(it.key()) == it.value()))
            next.setAnswer(it.key(), it.value());
    return next;
}

bool ReviewPage::recordDecision()
{
    if (!record(decisionOnScreen(), tr("decision recorded (outcomes, priority, decision questions)")))
        return false;
    m_pendingDecision = m_current.referral;
    return true;
}

QStringList ReviewPage::unrecorded() const
{
    QStringList what;
    if (!(decisionOnScreen() == m_current.referral))
        what.append(tr("the decision (outcomes, priority or the decision questions)"));
    what.append(m_forms->unrecorded());
    if (m_disagreement->hasTyped())
        what.append(tr("a disagreement"));
    return what;
}

bool ReviewPage::mayClose(const Asker &ask)
{
    const QStringList what = unrecorded();
    if (what.isEmpty())
        return true;
    const bool recordNow = ask ? ask(what) : [this, &what] {
        QMessageBox box(QMessageBox::Warning, tr("Not recorded yet"),
                        tr("You have entered %1 on this review, not yet recorded.").arg(what.join(tr(", "))),
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("Record it now (it is not signed), or stay on the review."));
        QPushButton *record = box.addButton(tr("Record it now"), QMessageBox::AcceptRole);
        QPushButton *stay = box.addButton(tr("Stay on the review"), QMessageBox::RejectRole);
        box.setDefaultButton(stay);
        box.setEscapeButton(stay);
        box.exec();
        return box.clickedButton() == record;
    }();
    if (!recordNow)
        return false;
    if (what.constFirst().startsWith(tr("the decision")) && !recordDecision())
        return false;
    const QStringList forms = m_forms->unrecorded();
    if (forms.contains(tr("a discussion")))
        emit m_forms->discussionReady();
    if (forms.contains(tr("the feedback to the referrer")))
        emit m_forms->feedbackReady();
    if (forms.contains(tr("an information-sharing decision")))
        emit m_forms->sharingReady();
    if (m_disagreement->hasTyped())
        emit m_disagreement->ready();
    return unrecorded().isEmpty(); // what the store refused stays on screen, with its message, and so does the person
}

// Discussions (NOR-L1, NOR-D1), feedback to the referrer (LIN-T5, ALL-T6) and information sharing (LIN-I1).
QWidget *ReviewPage::createRecordForms()
{
    m_forms = new RecordForms(m_profile, this);
    m_forms->setMemberOfPublic(Facts::isCommunityCaller(Facts::callerType(m_current.referral)));
    connect(m_forms, &RecordForms::discussionReady, this, [this] {
        if (record(m_forms->withDiscussion(m_current.referral, m_actor.userId, m_clock.now()),
                   tr("discussion recorded (NOR-L1, NOR-D1)")))
            m_forms->clearDiscussion();
    });
    connect(m_forms, &RecordForms::feedbackReady, this, [this] {
        if (record(m_forms->withFeedback(m_current.referral, m_actor.userId, m_clock.now()),
                   tr("feedback to the referrer recorded (LIN-T5, ALL-T6)")))
            m_forms->clearFeedback();
    });
    connect(m_forms, &RecordForms::sharingReady, this, [this] {
        if (record(m_forms->withSharing(m_current.referral, m_clock.now()),
                   tr("information-sharing decision recorded (LIN-I1)")))
            m_forms->clearSharing();
    });
    return m_forms;
}

// The follow-up actions; Enter marks one done with a note (core's markActionDone).
QListWidget *ReviewPage::createActionsList()
{
    m_actions = new QListWidget(this);
    m_actions->setObjectName(QStringLiteral("reviewActions"));
    m_actions->setAccessibleName(tr("Follow-up actions: Enter marks one done"));
    connect(m_actions, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString id = item->data(Qt::UserRole).toString();
        bool ok = false;
        const QString note = QInputDialog::getText(this, tr("Mark done"), tr("What was done (a note for the record):"),
                                                   QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
        Referral next = m_current.referral;
        if (markActionDone(next, id, note, m_actor.userId, m_clock.now()))
            record(next, tr("follow-up action done"));
    });
    return m_actions;
}

ReviewPage::~ReviewPage() = default;

void ReviewPage::setOutput(std::unique_ptr<ReferralOutput> output)
{
    m_output = std::move(output);
    m_outputButton->setEnabled(m_output != nullptr);
}

void ReviewPage::openOutputDialog()
{
    if (!m_output)
        return;
    auto *dialog = new OutputDialog(*m_output, m_current.referral, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OutputDialog::recorded, this, [this](const QString &what) {
        refresh(); // the history shows the new event
        say(what.toHtmlEscaped() + tr(" Recorded in the history."), false);
    });
    dialog->open();
}

void ReviewPage::setMatchFinder(MatchFinder finder)
{
    m_knownChild->clear();
    for (const Person &child : m_current.referral.children) {
        const Answer name = child.answer(Field::personName);
        auto *heading = new QListWidgetItem(tr("Child %1 — %2").arg(child.id.mid(1),
                                                                    name.hasValue() ? name.value() : tr("name not known")),
                                            m_knownChild);
        heading->setFlags(Qt::ItemIsEnabled);
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        if (const Answer linked = child.answer(Field::childEarlierReferral); linked.hasValue()) {
            auto *item = new QListWidgetItem(tr("    Linked by the call-handler: %1").arg(linked.value()), m_knownChild);
            item->setData(Qt::UserRole, linked.value());
        }
        Result<QList<PossibleMatch>> found = name.hasValue() && finder
                                                 ? finder(name.value(), child.answer(Field::personDateOfBirth).value())
                                                 : Result<QList<PossibleMatch>>(QList<PossibleMatch>());
        if (!found) { // never "none found" when nothing could be looked at (LIN-T3, NOR-R2)
            new QListWidgetItem(tr("    The known-child check could not run: %1").arg(found.errorMessage()),
                                m_knownChild);
            continue;
        }
        QList<PossibleMatch> matches = *found;
        std::sort(matches.begin(), matches.end(),
                  [](const PossibleMatch &a, const PossibleMatch &b) { return a.score > b.score; });
        for (const PossibleMatch &match : std::as_const(matches)) {
            auto *item = new QListWidgetItem(QStringLiteral("    ") + LinkedCases::matchLine(match), m_knownChild);
            item->setData(Qt::UserRole, match.reference);
        }
        if (matches.isEmpty())
            new QListWidgetItem(tr("    No earlier referral found for this child."), m_knownChild);
    }
}

Findings ReviewPage::decisionFindings() const
{
    return evaluate(m_current.referral, m_profile, m_clock.now(), Stage::Decision);
}

bool ReviewPage::record(const Referral &next, const QString &what)
{
    Result<SaveReceipt> saved = m_referrals.recordReview(next, m_current.revision, m_actor, what, m_profile);
    if (!saved) {
        say(tr("<b>Not recorded:</b> %1 Nothing was lost: what you entered is still on screen.")
                .arg(saved.errorMessage().toHtmlEscaped()),
            true);
        return false;
    }
    if (Result<StoredReferral> reloaded = m_referrals.load(m_current.referral.reference))
        m_current = *reloaded;
    refresh();
    say(tr("Recorded %1: %2.").arg(ukTime(saved->savedAt), what.toHtmlEscaped()), false);
    return true;
}

bool ReviewPage::signDecision(const QString &given)
{
    if (m_current.referral.status != ReferralStatus::Submitted) {
        say(tr("This referral is %1: there is no decision to sign.").arg(referralStatusName(m_current.referral.status)),
            true);
        return false;
    }
    // One flow (issue 18): what is on screen is recorded first, so a question answered after "Record the decision"
    // counts for the signature without pressing the button again.
    if (!(decisionOnScreen() == m_current.referral) && !recordDecision())
        return false;
    const Findings blocking = withSeverity(decisionFindings(), Severity::Blocking);
    if (!blocking.isEmpty()) {
        say(tr("<b>Not signed: %1 of the procedure %2 not met yet</b> — listed under Before signing.")
                .arg(counted(blocking.size(), tr("requirement"), tr("requirements")),
                     blocking.size() == 1 ? tr("is") : tr("are")),
            true);
        m_musts->setFocus();
        return false;
    }
    QString password = given;
    if (password.isEmpty()) {
        bool ok = false;
        password = QInputDialog::getText(this, tr("Sign the decision"),
                                         tr("Recording the decision is signing it (NOR-D2). Your password:"),
                                         QLineEdit::Password, {}, &ok);
        if (!ok)
            return false;
    }
    Result<Signature> signature = m_sign(password);
    if (!signature) {
        say(tr("<b>Not signed:</b> %1").arg(signature.errorMessage().toHtmlEscaped()), true);
        return false;
    }
    Result<SaveReceipt> decided = m_referrals.changeStatus(m_current.referral.reference, m_current.revision, m_actor,
                                                           ReferralStatus::Decided, m_profile, *signature);
    if (!decided) {
        say(tr("<b>Not signed:</b> %1").arg(decided.errorMessage().toHtmlEscaped()), true);
        return false;
    }
    if (Result<StoredReferral> reloaded = m_referrals.load(m_current.referral.reference))
        m_current = *reloaded;
    refresh();
    say(tr("<b>Decision signed %1</b> by you. Later changes are amendments with a reason.").arg(ukTime(decided->savedAt)),
        false);
    return true;
}

void ReviewPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_splitPlaced || width() < 800)
        return;
    // Once, at the first real width: the decision side gets the room a decision needs (46%); after that the
    // person's own dragging of the divider stands.
    m_splitPlaced = true;
    m_split->setSizes({width() * 54 / 100, width() * 46 / 100});
}

void ReviewPage::refresh()
{
    m_asTaken->showRecordStatus(m_current.referral.status); // "Decided — a record" once signed
    m_outcomes->show(m_current.referral);
    if (m_disagreement)
        m_disagreement->show(m_current.referral);
    m_musts->clear();
    const Findings findings = decisionFindings();
    for (const Finding &finding : findings) {
        if (finding.severity != Severity::Blocking)
            continue;
        auto *item = new QListWidgetItem(tr("⚠ MUST: %1 — %2").arg(finding.message, finding.ruleId), m_musts);
        item->setData(Qt::UserRole, finding.ruleId);
        item->setForeground(Theme::Palette::urgent());
    }
    if (m_musts->count() == 0)
        new QListWidgetItem(tr("✓ Nothing stops the decision being signed."), m_musts);
    if (const qsizetype outstanding = withSeverity(findings, Severity::Outstanding).size())
        new QListWidgetItem(tr("• %1 of information %2 still outstanding (they never stop a decision).")
                                .arg(counted(outstanding, tr("item"), tr("items")),
                                     outstanding == 1 ? tr("is") : tr("are")),
                            m_musts);

    m_actions->clear();
    for (const FollowUpAction &action : m_current.referral.actions) {
        const bool open = action.status == ActionStatus::Open;
        const bool overdue = open && action.due.isValid() && action.due < m_clock.now();
        auto *item = new QListWidgetItem(
            tr("%1%2 — due %3 (%4)%5")
                .arg(overdue ? tr("OVERDUE: ") : open ? QString() : tr("Done: "), action.description,
                     ukTime(action.due), action.procedureId,
                     action.note.isEmpty() ? QString() : tr(" — %1").arg(action.note)),
            m_actions);
        item->setData(Qt::UserRole, action.id);
        if (!open)
            item->setFlags(Qt::ItemIsEnabled);
        if (overdue)
            item->setForeground(Theme::Palette::urgent());
    }

    m_timeline->clear();
    if (m_history)
        m_timeline->addItems(m_history(m_current.referral.reference));
    m_bar->setText(tr("<b>%1</b> — %2 — received %3").arg(m_current.referral.reference,
                                                           referralStatusName(m_current.referral.status),
                                                           ukTime(m_current.referral.callStartedAt)));
}

void ReviewPage::say(const QString &html, bool problem)
{
    Theme::setKind(m_bar, problem ? Theme::Kind::problemBar : Theme::Kind::prompt);
    m_bar->setText(html);
}

} // namespace FrontDoor
