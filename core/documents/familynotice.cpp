#include "familynotice.h"

#include "common/uktime.h"

#include "referral/fields.h"

#include <QTimeZone>

namespace FrontDoor {

Document familyNotice(const RedactedReferral &forFamily, const Profile &profile)
{
    Q_ASSERT(forFamily.audience() == Audience::Family);
    const Referral &referral = forFamily.referral();
    QStringList children;
    for (const Person &child : referral.children) {
        const Answer name = child.answer(Field::personName);
        children << (child.answerIs(Field::childUnborn, Option::yes) ? QStringLiteral("your unborn baby")
                     : name.hasValue()                                ? name.value()
                                                                      : QStringLiteral("a child in your care"));
    }
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
    notice.paragraphs << QStringLiteral("A worker will look at the information and decide what happens next. If you "
                                        "would like to talk to us, please call %1%2 and give the reference above.")
                             .arg(profile.serviceName,
                                  frontDoor ? QStringLiteral(" on %1").arg(frontDoor->number) : QString());
    return notice;
}

} // namespace FrontDoor
