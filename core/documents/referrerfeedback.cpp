#include "referrerfeedback.h"

#include "referral/fields.h"
#include "referral/referralfacts.h"

namespace FrontDoor {

Document referrerFeedback(const Referral &referral, const Profile &profile)
{
    Document letter;
    letter.title = QStringLiteral("Your referral %1 to %2").arg(referral.reference, profile.serviceName);
    letter.fileNameStem = QStringLiteral("feedback-to-referrer-%1").arg(referral.reference);
    letter.metadata = {{QStringLiteral("title"), letter.title}, {QStringLiteral("author"), profile.authority}};
    const Contact *frontDoor = profile.contact(QStringLiteral("frontDoor"));
    const Contact *emergency = profile.contact(QStringLiteral("emergency"));
    const QString again = QStringLiteral("If you are worried about a child again, call %1%2; if a child is in danger "
                                         "now, call %3.")
                              .arg(profile.serviceName, frontDoor ? QStringLiteral(" on ") + frontDoor->number : QString(),
                                   emergency ? emergency->number : QStringLiteral("999"));

    if (Facts::callerType(referral) != CallerType::Professional) {
        letter.paragraphs << QStringLiteral("Thank you for contacting us. Your referral has been looked at and the "
                                            "appropriate action is being taken.")
                          << QStringLiteral("To protect the privacy of the child and family, we cannot tell you what "
                                            "that action is.")
                          << again;
        return letter;
    }
    letter.paragraphs << QStringLiteral("Thank you for your referral. The decision for each child is below.");
    const OptionList *outcomes = profile.optionList(profile.outcomeList);
    const OptionList *alternatives = profile.optionList(QStringLiteral("nfaAlternatives"));
    for (const Person &child : referral.children) {
        const ChildOutcome *outcome = referral.outcomeFor(child.id);
        const Answer name = child.answer(Field::personName);
        const QString who = name.hasValue() ? name.value() : QStringLiteral("Child %1").arg(child.id.mid(1));
        if (!outcome) {
            letter.paragraphs << QStringLiteral("%1: no decision has been recorded yet.").arg(who);
            continue;
        }
        const ChoiceOption *option = outcomes ? outcomes->find(outcome->outcome) : nullptr;
        QString text = QStringLiteral("%1: %2. %3").arg(who, option ? option->label : outcome->outcome, outcome->rationale);
        if (!outcome->alternatives.isEmpty()) {
            QStringList offered;
            for (const QString &value : outcome->alternatives) {
                const ChoiceOption *alternative = alternatives ? alternatives->find(value) : nullptr;
                offered << (alternative ? alternative->label : value);
            }
            text += QStringLiteral(" Offered instead: %1.").arg(offered.join(QStringLiteral("; ")));
        }
        letter.paragraphs << text;
    }
    letter.paragraphs << QStringLiteral("If you disagree with the decision, please discuss it with the social worker's "
                                        "line manager first; if it is not resolved, the professional disagreement "
                                        "procedure applies.")
                      << again;
    return letter;
}

} // namespace FrontDoor
