#include "referraleditor.h"

#include "common/uktime.h"

#include "editor/autosaver.h"
#include "editor/caselease.h"
#include "editor/editorheader.h"
#include "editor/questionwidget.h"
#include "editor/sectionpage.h"
#include "editor/stilltoaskpanel.h"
#include "editor/submitflow.h"
#include "keys.h"
#include "referral/fields.h"
#include "referral/referralfacts.h"
#include "rules/evaluator.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace FrontDoor {

namespace {

// The profile's label for a referral-level choice answer ("Professional"), or empty while it is not given.
QString optionLabel(const Profile &profile, const QString &field, const Referral &referral)
{
    const Answer answer = referral.answer(field);
    const Question *question = profile.questionForField(field, Repeat::None);
    const OptionList *options = question ? profile.optionList(question->options) : nullptr;
    const ChoiceOption *option = options && answer.hasValue() ? options->find(answer.value()) : nullptr;
    return option ? option->label : answer.hasValue() ? answer.value() : QString();
}

} // namespace

ReferralEditor::ReferralEditor(ReferralRepository &referrals,
                               const Profile &profile,
                               StoredReferral opened,
                               Actor actor,
                               const Clock &clock,
                               QWidget *parent,
                               CaseLocks *locks)
    : QWidget(parent)
    , m_referrals(referrals)
    , m_actor(std::move(actor))
    , m_profile(profile)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("referralEditor"));
    const Referral &referral = opened.referral;
    m_header = new EditorHeader(profile, referral.reference, referral.callStartedAt, clock, referrals.calendar(), this);
    m_saver = new AutoSaver(referrals, opened, m_actor, this);
    connect(m_saver, &AutoSaver::saved, m_header, &EditorHeader::setSaved);
    connect(m_saver, &AutoSaver::saveFailed, m_header, &EditorHeader::setNotSaved);
    connect(m_saver, &AutoSaver::keptOffline, m_header, &EditorHeader::setKeptOffline);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("urgentBanner"));
    m_banner->setWordWrap(true);
    m_banner->hide();

    m_submitBar = new QLabel(this);
    m_submitBar->setObjectName(QStringLiteral("submitBar"));
    m_submitBar->setWordWrap(true);
    m_submitBar->setTextFormat(Qt::RichText);
    m_submitBar->hide();
    m_submitFlow = new SubmitFlow(referrals, *m_saver, profile, m_actor, m_submitBar, this);
    connect(m_submitFlow, &SubmitFlow::blockedAt, this, &ReferralEditor::jumpTo);
    connect(m_submitFlow, &SubmitFlow::submitted, this, [this] {
        m_submitted = true;
        freezeForm();
        // The call is over: its timer stops at the moment of submission (issue 18), as the store recorded it.
        m_header->setCallEnded(m_clock.now(), tr("Submitted"));
    });

    createSections();
    auto *body = new QHBoxLayout;
    body->addWidget(m_sections);
    body->addWidget(m_pages, 1);
    body->addWidget(m_stillToAsk);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_banner);
    layout->addWidget(m_submitBar);
    layout->addLayout(body, 1);

    createShortcuts();

    refresh();
    m_sections->setCurrentRow(0); // safety first: §2 triage is the first section
    openAsRecordOrLeased(locks);
}

// A submitted call is a record: changes are amendments (issue 7). A draft another instance holds opens read-only.
void ReferralEditor::openAsRecordOrLeased(CaseLocks *locks)
{
    const Referral &referral = this->referral();
    if (referral.status != ReferralStatus::Draft) {
        m_submitted = true;
        showRecordStatus(referral.status);
        freezeForm();
        tell(tr("<b>Submitted — read only.</b> Changes to a submitted referral are amendments with a reason, made "
                "by a supervisor."),
             Theme::Kind::done);
    }

    if (locks && !m_submitted) { // reading a submitted record takes no lease: a supervisor may be amending it
        m_lease = new CaseLease(*locks, referral.reference, m_actor, this);
        connect(m_lease, &CaseLease::renewalFailed, this, [this](const QString &why) {
            if (!m_saver->isKeptOffline()) // the header already says the server is away, and what is kept here
                m_header->setNotSaved(why);
        });
        if (!m_lease->isHeld()) {
            m_readOnly = true;
            freezeForm();
            tell(tr("<b>Read only here:</b> %1").arg(m_lease->refusal().toHtmlEscaped()));
        }
    }
}

// The section navigator (left) and one scrolling page of questions per intake section (centre).
void ReferralEditor::createSections()
{
    m_sections = new QListWidget(this);
    m_sections->setObjectName(QStringLiteral("sectionList"));
    m_sections->setAccessibleName(tr("Sections"));
    m_sections->setMaximumWidth(280);
    m_sections->setWordWrap(true); // a long section title wraps rather than hiding its badge
    m_sections->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pages = new QStackedWidget(this);
    const QDate today = m_clock.now().date();
    for (const Section &section : m_profile.sections) {
        if (section.stage != SectionStage::Intake)
            continue;
        auto *page = new SectionPage(section, m_profile, today);
        connect(page, &SectionPage::answerChanged, this, &ReferralEditor::answered);
        connect(page, &SectionPage::removeRequested, this,
                [this](Repeat repeat, const QString &id) { removePerson(repeat, id); });
        connect(page, &SectionPage::linkRequested, this, &ReferralEditor::linkEarlierReferral);
        auto *scroll = new QScrollArea(m_pages);
        scroll->setWidget(page);
        scroll->setWidgetResizable(true);
        // Not a Tab stop of its own (a screen reader would announce nothing): the questions inside are, and the
        // area scrolls to whichever has the cursor.
        scroll->setFocusPolicy(Qt::NoFocus);
        scroll->setAccessibleName(section.title);
        m_pages->addWidget(scroll);
        m_sectionPages.append(page);
        m_sections->addItem(section.title);
    }
    connect(m_sections, &QListWidget::currentRowChanged, this, &ReferralEditor::showSection);
    m_stillToAsk = new StillToAskPanel(this);
    m_stillToAsk->setMaximumWidth(360);
    connect(m_stillToAsk, &StillToAskPanel::jumpTo, this, &ReferralEditor::jumpTo);
}

// The editor's keys: add a card, submit and step back, move between sections, Still to ask; and the known-child
// check's pause after typing.
void ReferralEditor::createShortcuts()
{
    for (const auto &[keys, repeat] : {std::pair{Keys::addChild, Repeat::PerChild},
                                       std::pair{Keys::addAdult, Repeat::PerAdult}}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, [this, repeat] { addPerson(repeat); });
    }

    m_matchTimer = new QTimer(this);
    m_matchTimer->setSingleShot(true);
    m_matchTimer->setInterval(150);
    connect(m_matchTimer, &QTimer::timeout, this, [this] { checkKnownChild(m_matchChild); });

    for (const QKeySequence &keys : {Keys::submit, Keys::submitKeypad})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &ReferralEditor::submit);
    connect(new QShortcut(Keys::stepBack, this), &QShortcut::activated, m_submitFlow, &SubmitFlow::stepBack);
    connect(new QShortcut(Keys::nextSection, this), &QShortcut::activated, this, [this] { stepSection(+1); });
    connect(new QShortcut(Keys::previousSection, this), &QShortcut::activated, this, [this] { stepSection(-1); });
    connect(new QShortcut(Keys::stillToAsk, this), &QShortcut::activated, m_stillToAsk, &StillToAskPanel::takeFocus);
    // The editor's keys act where the editor has the focus, so a page that shows it beside other things (the
    // supervisor's review) can give the same keys its own meaning there.
    for (QShortcut *shortcut : findChildren<QShortcut *>(Qt::FindDirectChildrenOnly))
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
}

void ReferralEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    // The call has started: the cursor is already on the first safety question, nothing to click first.
    if (SectionPage *page = m_sectionPages.value(m_sections->currentRow()); page && !m_readOnly && !m_submitted)
        page->focusFirstQuestion();
}

SubmitFlow::Step ReferralEditor::submit()
{
    if (m_readOnly)
        return SubmitFlow::Step::Failed;
    if (m_submitted)
        return SubmitFlow::Step::Submitted;
    return m_submitFlow->press([this] {
        refresh();
        return m_findings;
    });
}

void ReferralEditor::setStillToAskVisible(bool visible)
{
    m_stillToAsk->setVisible(visible);
}

QString ReferralEditor::addPerson(Repeat repeat)
{
    if (m_submitted)
        return {};
    Referral next = referral();
    QList<Person> &people = repeat == Repeat::PerChild ? next.children : next.adults;
    const QChar prefix = repeat == Repeat::PerChild ? u'c' : u'a';
    int highest = 0;
    for (const Person &person : people)
        highest = std::max(highest, person.id.mid(1).toInt());
    const QString id = prefix + QString::number(highest + 1);
    people.append(Person{id, {}});
    m_saver->edit(next);
    refresh();
    // Show the new card where its questions are: the first section that asks about such a person.
    for (int row = 0; row < m_sectionPages.size(); ++row)
        for (const Question &question : m_sectionPages.at(row)->section().questions)
            if (question.repeat == repeat) {
                jumpTo(AnswerTarget{question.field, repeat, id}.path());
                return id;
            }
    return id;
}

void ReferralEditor::removePerson(Repeat repeat, const QString &personId, bool askFirst)
{
    if (m_submitted)
        return;
    Referral next = referral();
    QList<Person> &people = repeat == Repeat::PerChild ? next.children : next.adults;
    if (repeat == Repeat::PerChild && people.size() <= 1)
        return; // a referral is about at least one child
    if (askFirst
        && QMessageBox::question(this, tr("Remove this card?"),
                                 tr("Remove %1 %2 and what was recorded on the card? The audit trail keeps it.")
                                     .arg(repeat == Repeat::PerChild ? tr("child") : tr("adult"), personId.mid(1)))
               != QMessageBox::Yes)
        return;
    people.erase(std::remove_if(people.begin(), people.end(), [&](const Person &p) { return p.id == personId; }),
                 people.end());
    m_saver->edit(next);
    refresh();
}

ReferralEditor::~ReferralEditor()
{
    if (!m_submitted && !m_readOnly)
        m_saver->flushNow(); // leaving the referral saves what is on screen
}

const Referral &ReferralEditor::referral() const
{
    return m_saver->referral();
}

void ReferralEditor::answered(const AnswerTarget &target, const Answer &answer)
{
    if (m_submitted || m_readOnly)
        return;
    m_submitFlow->changed();
    const bool wasUrgent = Facts::isUrgent(referral());
    Referral next = referral();
    target.write(next, answer);
    m_saver->edit(next);
    // A triage "yes" marks the referral urgent in the store at once: the supervisor's queue must not wait.
    if (Facts::isUrgent(next) != wasUrgent)
        m_saver->flushNow();
    refresh();
    if (m_findMatches && target.repeat == Repeat::PerChild
        && (target.field == Field::personName || target.field == Field::personDateOfBirth)) {
        m_matchChild = target.personId;
        m_matchTimer->start();
    }
}

void ReferralEditor::refresh()
{
    const Referral &current = referral();
    m_findings = evaluate(current, m_profile, m_clock.now());
    for (SectionPage *page : std::as_const(m_sectionPages)) {
        page->show(current);
        page->showGuidance(m_findings);
    }
    m_stillToAsk->show(m_findings);
    offerOnlyAllowedIdentityChoices(current);
    m_header->setCallerType(optionLabel(m_profile, Field::referrerType.toString(), current));

    for (int row = 0; row < m_sectionPages.size(); ++row) {
        SectionPage *page = m_sectionPages.at(row);
        int blocking = 0;
        int outstanding = 0;
        for (const Finding &finding : std::as_const(m_findings))
            if (page->questionFor(finding.path))
                (finding.severity == Severity::Blocking ? blocking : outstanding) += finding.severity != Severity::Advice;
        const bool relevant = page->section().when.holds(current);
        QListWidgetItem *item = m_sections->item(row);
        item->setHidden(!relevant);
        item->setText(blocking ? tr("⚠ %1 (%2 must)").arg(page->section().title).arg(blocking)
                      : outstanding ? tr("• %1 (%2 to ask)").arg(page->section().title).arg(outstanding)
                                    : tr("✓ %1").arg(page->section().title));
    }

    if (Facts::isUrgent(current)) {
        const Contact *emergency = m_profile.contact(QStringLiteral("emergency"));
        m_banner->setText(tr("⚠ URGENT — a child may be in danger now. Call %1 for police or ambulance (A&E for "
                             "injuries), follow %2's emergency route, and record what was done.")
                              .arg(emergency ? emergency->number : QStringLiteral("999"), m_profile.shortName));
        m_banner->show();
    } else {
        m_banner->hide();
    }
}

// NOR-A2/LIN-A5: an identity choice the procedure forbids for this caller is greyed out with the rule's own
// reason — found by asking the rules what each choice would break, so the screen cannot drift from the core.
void ReferralEditor::offerOnlyAllowedIdentityChoices(const Referral &current)
{
    const QString path = Field::identityDecision.toString();
    QuestionWidget *widget = questionWidget(path);
    const OptionList *options = widget ? m_profile.optionList(widget->question().options) : nullptr;
    if (!options)
        return;
    QMap<QString, QString> unavailable;
    for (const ChoiceOption &option : options->options) {
        Referral trial = current;
        trial.setAnswer(path, Answer::given(option.value));
        for (const Finding &finding : evaluate(trial, m_profile, m_clock.now()))
            if (finding.severity == Severity::Blocking && finding.path == path)
                unavailable.insert(option.value, QStringLiteral("%1 (%2)").arg(finding.message, finding.ruleId));
    }
    widget->setUnavailableOptions(unavailable);
}

void ReferralEditor::tell(const QString &html, QLatin1StringView kind)
{
    Theme::setKind(m_submitBar, kind);
    m_submitBar->setText(html);
    m_submitBar->show();
}

// Ctrl+PgDown / Ctrl+PgUp: the next or previous section that applies to this call, its first question focused.
void ReferralEditor::stepSection(int step)
{
    for (int row = m_sections->currentRow() + step; row >= 0 && row < m_sections->count(); row += step) {
        if (m_sections->item(row)->isHidden())
            continue;
        m_sections->setCurrentRow(row);
        m_sectionPages.at(row)->focusFirstQuestion(Qt::ShortcutFocusReason); // the person asked for it
        return;
    }
}

void ReferralEditor::showSection(int row)
{
    if (row >= 0 && row < m_pages->count())
        m_pages->setCurrentIndex(row);
}

QuestionWidget *ReferralEditor::questionWidget(const QString &path) const
{
    for (SectionPage *page : m_sectionPages)
        if (QuestionWidget *widget = page->questionFor(path))
            return widget;
    return nullptr;
}

bool ReferralEditor::jumpTo(const QString &path)
{
    for (int row = 0; row < m_sectionPages.size(); ++row) {
        if (QuestionWidget *widget = m_sectionPages.at(row)->questionFor(path)) {
            m_sections->setCurrentRow(row);
            widget->focusEditor(Qt::ShortcutFocusReason); // the person asked for it (Still to ask, a must)
            // The question itself in view, not only its section (issue 18): now, and once the page is laid out.
            if (auto *scroll = qobject_cast<QScrollArea *>(m_pages->widget(row))) {
                scroll->ensureWidgetVisible(widget);
                QTimer::singleShot(0, scroll, [scroll, widget = QPointer<QWidget>(widget)] {
                    if (widget)
                        scroll->ensureWidgetVisible(widget);
                });
            }
            return true;
        }
    }
    return false;
}

} // namespace FrontDoor
