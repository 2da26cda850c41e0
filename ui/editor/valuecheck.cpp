#include "valuecheck.h"

#include "referral/fields.h"
#include "referral/phonenumber.h"
#include "referral/postcode.h"
#include "referral/spokendate.h"

#include <QRegularExpression>

namespace FrontDoor {

ValueCheck ValueCheck::of(const Question &question, const QString &typed, const QDate &today)
{
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return ValueCheck{{}, {}, true};
    const auto problem = [&typed](const QString &message) { return ValueCheck{typed, message, false}; };
    switch (question.type) {
    case QuestionType::Date: {
        const SpokenDate::Kind kind = question.field.endsWith(Field::personDateOfBirth) ? SpokenDate::Kind::BirthDate
                                      : question.field.endsWith(QLatin1String("expectedDelivery"))
                                          ? SpokenDate::Kind::DeliveryDate
                                          : SpokenDate::Kind::Any;
        const Result<QDate> date = SpokenDate::parse(text, today, kind);
        if (!date)
            return problem(date.errorMessage());
        return ValueCheck{date->toString(Qt::ISODate), SpokenDate::display(*date), true};
    }
    case QuestionType::DateOrAge: {
        const Result<DateOrAge> parsed = DateOrAge::parse(text, today);
        if (!parsed)
            return problem(parsed.errorMessage());
        return ValueCheck{parsed->value, parsed->display, true};
    }
    case QuestionType::DateTime: {
        const Result<SpokenDateTime> moment = SpokenDateTime::parse(text, QDateTime(today, QTime::currentTime()));
        if (!moment)
            return problem(moment.errorMessage());
        return ValueCheck{moment->value, moment->display, true};
    }
    case QuestionType::Phone: {
        const Result<PhoneNumber> phone = PhoneNumber::parse(text);
        if (!phone)
            return problem(phone.errorMessage());
        return ValueCheck{phone->e164, phone->national, true};
    }
    case QuestionType::Postcode: {
        const Result<QString> postcode = Postcode::normalise(text);
        if (!postcode)
            return problem(postcode.errorMessage());
        return ValueCheck{*postcode, *postcode, true};
    }
    case QuestionType::Email: {
        static const QRegularExpression email(QStringLiteral(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)"));
        if (!email.match(text).hasMatch())
            return problem(QStringLiteral("This does not look like an email address (name@example.org)."));
        return ValueCheck{text, {}, true};
    }
    default:
        return ValueCheck{typed, {}, true};
    }
}

} // namespace FrontDoor
