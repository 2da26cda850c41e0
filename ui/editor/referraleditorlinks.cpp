// The editor's links to other cases: the known-child check as a child's name and date of birth are typed (LIN-T3,
// NOR-R2), an earlier referral linked as this child's, and the other child's referral started from this one (NOR-R4).
#include "referraleditor.h"

#include "editor/autosaver.h"
#include "editor/linkedcases.h"
#include "editor/questionwidget.h"
#include "editor/sectionpage.h"
#include "referral/fields.h"
#include "theme.h"

#include <QPushButton>

namespace FrontDoor {

void ReferralEditor::checkKnownChild(const QString &childId)
{
    const Person *child = referral().child(childId);
    if (!m_findMatches || !child)
        return;
    const QString name = child->answer(Field::personName).value();
    QString heading;
    QList<QPair<QString, QString>> lines;
    if (name.trimmed().size() >= 2) {
        const Result<QList<PossibleMatch>> matches
            = m_findMatches(name, child->answer(Field::personDateOfBirth).value());
        if (!matches) {
            // Never "nothing found" when nothing could be looked at (LIN-T3, NOR-R2): say so, and when it runs again.
            showKnownChild(childId,
                           tr("<b>Known-child check could not run</b> (%1) — it runs again when the name or date of "
                              "birth changes.")
                               .arg(matches.errorMessage().toHtmlEscaped()),
                           {});
            return;
        }
        for (const PossibleMatch &match : matches->mid(0, 3))
            lines.append({match.reference, LinkedCases::matchLine(match)});
        heading = matches->isEmpty() ? tr("Known-child check: no earlier referral found for this name.")
                                     : tr("<b>Known-child check — possible earlier referrals</b> (Tab to the list; "
                                          "Enter links the one that is this child):");
    }
    showKnownChild(childId, heading, lines);
}

void ReferralEditor::showKnownChild(const QString &childId,
                                    const QString &heading,
                                    const QList<QPair<QString, QString>> &matches)
{
    const Person *child = referral().child(childId);
    const Answer linked = child ? child->answer(Field::childEarlierReferral) : Answer();
    const QString shown
        = linked.hasValue() ? tr("<b>Linked to earlier referral %1.</b> ").arg(linked.value()) + heading : heading;
    for (SectionPage *page : std::as_const(m_sectionPages))
        page->showMatches(childId, shown, matches, m_routing.value(childId));
}

bool ReferralEditor::linkEarlierReferral(const QString &childId, const QString &reference)
{
    if (m_submitted || m_readOnly || !referral().child(childId) || reference.isEmpty())
        return false;
    Referral next = referral();
    AnswerTarget{Field::childEarlierReferral.toString(), Repeat::PerChild, childId}.write(next,
                                                                                          Answer::given(reference));
    if (m_readCase) {
        if (Result<StoredReferral> earlier = m_readCase(reference)) {
            LinkedCases::takeOpenCase(next, earlier->referral);
            m_routing.insert(childId, LinkedCases::routingFor(earlier->referral, m_profile));
        }
    }
    m_saver->edit(next);
    refresh();
    showKnownChild(childId, {}, {});
    return true;
}

void ReferralEditor::setDraftStarter(DraftStarter starter)
{
    m_startDraft = std::move(starter);
    for (SectionPage *page : std::as_const(m_sectionPages))
        if (QuestionWidget *widget = page->questionFor(Field::otherChildReferral.toString())) {
            QPushButton *start = widget->addActionButton(tr("Start the other child's referral"),
                                                         QStringLiteral("startOtherChildReferral"));
            start->setToolTip(tr("NOR-R4: both children need a referral. The new draft is linked to this one and "
                                 "waits under Unfinished calls."));
            connect(start, &QPushButton::clicked, this, [this] { static_cast<void>(startOtherChildReferral()); });
        }
}

Result<QString> ReferralEditor::startOtherChildReferral()
{
    if (!m_startDraft || m_submitted || m_readOnly)
        return makeError(ErrorCode::InvalidInput, tr("This referral cannot start another one now."));
    Result<StoredReferral> draft = m_startDraft();
    if (!draft) {
        tell(tr("<b>The other child's referral was not started:</b> %1").arg(draft.errorMessage().toHtmlEscaped()),
             Theme::Kind::blocked);
        return draft.error();
    }
    Referral other = draft->referral;
    LinkedCases::linkOtherChild(other, referral().reference);
    if (Result<SaveReceipt> saved = m_referrals.save(other, draft->revision, m_actor); !saved) {
        tell(tr("<b>The other child's referral was started as %1 but not linked:</b> %2")
                 .arg(other.reference, saved.errorMessage().toHtmlEscaped()),
             Theme::Kind::blocked);
        return saved.error();
    }
    answered(AnswerTarget{Field::otherChildReferral.toString(), Repeat::None, {}}, Answer::given(other.reference));
    tell(tr("<b>%1 started for the other child</b> (NOR-R4), linked to this referral. It waits under Unfinished "
            "calls: finish this call first.")
             .arg(other.reference));
    return other.reference;
}

} // namespace FrontDoor
