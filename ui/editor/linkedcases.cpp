#include "linkedcases.h"

#include "referral/fields.h"

#include <QCoreApplication>

namespace FrontDoor::LinkedCases {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FrontDoor::LinkedCases", text);
}

const Prompt *openCasePrompt(const Profile &profile)
{
    for (const Section &section : profile.sections)
        for (const Prompt &prompt : section.prompts)
            if (prompt.when.fields().contains(Field::openCase.toString()))
                return &prompt;
    return nullptr;
}

} // namespace

QString matchLine(const PossibleMatch &match)
{
    return tr("%1 — %2%3 (%4)")
        .arg(match.reference, match.name,
             match.birthDate.isValid() ? tr(", born %1").arg(match.birthDate.toString(QStringLiteral("d MMM yyyy")))
                                       : QString(),
             match.reasons.join(QStringLiteral(", ")));
}

QString routingFor(const Referral &earlier, const Profile &profile)
{
    const Answer worker = earlier.answer(Field::allocatedWorker);
    if (earlier.status == ReferralStatus::Closed || !worker.hasValue())
        return {};
    const Answer contact = earlier.answer(Field::allocatedWorkerContact);
    const Prompt *route = openCasePrompt(profile);
    return tr("Open case %1 — allocated worker: %2%3. %4")
        .arg(earlier.reference, worker.value(), contact.hasValue() ? QStringLiteral(" (%1)").arg(contact.value()) : QString(),
             route ? route->text : tr("Contact the allocated worker or their team directly."));
}

bool takeOpenCase(Referral &next, const Referral &earlier)
{
    if (!earlier.answer(Field::allocatedWorker).hasValue() || earlier.status == ReferralStatus::Closed)
        return false;
    bool changed = false;
    const auto take = [&](Field::Key key, const Answer &answer) {
        if (next.answer(key).isAddressed() || answer.state() == AnswerState::Unanswered)
            return;
        next.setAnswer(key, answer);
        changed = true;
    };
    take(Field::openCase, Answer::given(Option::yes.toString()));
    take(Field::allocatedWorker, earlier.answer(Field::allocatedWorker));
    take(Field::allocatedWorkerContact, earlier.answer(Field::allocatedWorkerContact));
    return changed;
}

void linkOtherChild(Referral &draft, const QString &fromReference)
{
    draft.setAnswer(Field::harmByChild, Answer::given(Option::yes.toString()));
    draft.setAnswer(Field::otherChildReferral, Answer::given(fromReference));
}

} // namespace FrontDoor::LinkedCases
