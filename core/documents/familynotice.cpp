#include "familynotice.h"

#include "common/uktime.h"

#include "referral/fields.h"

#include <QTimeZone>

namespace FrontDoor {

namespace {

QString nameForFamily(const Person &child)
{
    const Answer name = child.answer(Field::personName);
    return child.answerIs(Field::childUnborn, Option::yes) ? QStringLiteral("your unborn baby")
           : name.hasValue()                               ? name.value()
                                                           : QStringLiteral("a child in your care");
}

// After a decision (issue 18): what happens next, for each child, in the words the profile gives each outcome for a
// family — never the reasons, which may name the referrer or others. Children with the same outcome share a
// paragraph; before any decision, the family is told a worker will decide.
QStringList whatHappensNext(const Referral &referral, const Profile &profile)
{
    const bool decided = referral.status == ReferralStatus::Decided || referral.status == ReferralStatus::Closed;
    const OptionList *outcomes = profile.optionList(profile.outcomeList);
    QList<std::pair<const ChoiceOption *, QStringList>> byOutcome; // in the order the children are listed
    for (const Person &child : referral.children) {
        const ChildOutcome *outcome = decided ? referral.outcomeFor(child.id) : nullptr;
        const ChoiceOption *option = outcome && outcomes ? outcomes->find(outcome->outcome) : nullptr;
        if (!option || option->forFamily.isEmpty())
            return {};
        auto same
            = std::find_if(byOutcome.begin(), byOutcome.end(), [option](const auto &o) { return o.first == option; });
        if (same == byOutcome.end())
            byOutcome.append({option, {nameForFamily(child)}});
        else
            same->second.append(nameForFamily(child));
    }
    QStringList paragraphs;
    for (const auto &[option, names] : std::as_const(byOutcome)) {
        const QString who = names.size() == 1 ? names.constFirst()
                                              : names.mid(0, names.size() - 1).join(QStringLiteral(", "))
                                                    + QStringLiteral(" and ") + names.constLast();
        const QString words = QString(option->forFamily).replace(QStringLiteral("{child}"), who);
        paragraphs << (byOutcome.size() == 1 ? words : QStringLiteral("For %1: %2").arg(who, words));
    }
    return paragraphs;
}

} // namespace

Document familyNotice(const RedactedReferral &forFamily, const Profile &profile)
{
    Q_ASSERT(forFamily.audience() == Audience::Family);
    const Referral &referral = forFamily.referral();
    QStringList children;
    for (const Person &child : referral.children)
        children << nameForFamily(child);
    const QString day = UkTime::text(referral.callStartedAt, QStringLiteral("d MMMM yyyy"));
    const Contact *frontDoor = profile.contact(QStringLiteral("frontDoor"));

    Document notice;
    notice.title = QStringLiteral("A referral has been made to %1").arg(profile.serviceName);
    notice.fileNameStem = QStringLiteral("notice-to-family-%1").arg(referral.reference);
    notice.metadata = {{QStringLiteral("title"), notice.title},
                       {QStringLiteral("author"), profile.authority},
                       {QStringLiteral("subject"), QStringLiteral("Referral %1").arg(referral.reference)}};
    notice.paragraphs << QStringLiteral("We are writing to let you know that on %1 a referral was made to the %2 (%3) "
                                        "about %4. Our reference is %5.")
                             .arg(day, profile.serviceName, profile.authority, children.join(QStringLiteral(", ")),
                                  referral.reference);
    if (forFamily.namesReferrer()) {
        const Answer organisation = referral.answer(Field::referrerOrganisation);
        const Answer name = referral.answer(Field::referrerName);
        notice.paragraphs << QStringLiteral("The referral was made by %1.")
                                 .arg(organisation.hasValue() ? organisation.value()
                                      : name.hasValue()       ? name.value()
                                                              : QStringLiteral("a professional"));
    } else {
        notice.paragraphs << QStringLiteral("We are not able to tell you who made the referral.");
    }
    const QStringList next = whatHappensNext(referral, profile);
    if (next.isEmpty())
        notice.paragraphs << QStringLiteral("A worker will look at the information and decide what happens next.");
    else
        notice.paragraphs << QStringLiteral("We have looked at the information and decided what happens next.") << next;
    notice.paragraphs << QStringLiteral("If you would like to talk to us, please call %1%2 and give the reference "
                                        "above.")
                             .arg(profile.serviceName,
                                  frontDoor ? QStringLiteral(" on %1").arg(frontDoor->number) : QString());
    return notice;
}

} // namespace FrontDoor
