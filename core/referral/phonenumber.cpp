#include "referral/phonenumber.h"

#include <phonenumbers/phonenumberutil.h>

namespace FrontDoor {

Result<PhoneNumber> PhoneNumber::parse(const QString &text)
{
    using i18n::phonenumbers::PhoneNumberUtil;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 40)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("Enter a phone number, e.g. 01603 223456."));

    PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    const auto status = util->Parse(trimmed.toStdString(), "GB", &number);
    if (status != PhoneNumberUtil::NO_PARSING_ERROR)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("That does not look like a phone number. Use digits, e.g. 01603 223456 "
                                        "or +44 1603 223456."));
    if (!util->IsValidNumber(number)) {
        const auto reason = util->IsPossibleNumberWithReason(number);
        QString why = QStringLiteral("is not a number in use in the UK numbering plan");
        if (reason == PhoneNumberUtil::TOO_SHORT)
            why = QStringLiteral("has too few digits");
        else if (reason == PhoneNumberUtil::TOO_LONG)
            why = QStringLiteral("has too many digits");
        return makeError(ErrorCode::InvalidInput, QStringLiteral("That phone number %1. Check it with the caller.")
                                                      .arg(why));
    }
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    std::string shown;
    const bool uk = number.country_code() == 44;
    util->Format(number, uk ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL, &shown);
    return PhoneNumber{QString::fromStdString(e164), QString::fromStdString(shown)};
}

} // namespace FrontDoor
