// Dates as said on the phone, phone numbers, postcodes and name folding.
#include "support/referralbuilder.h"

#include "referral/phonenumber.h"
#include "referral/postcode.h"
#include "referral/spokendate.h"
#include "referral/textfold.h"

#include <QTimeZone>

using namespace FrontDoor;

namespace {
const QDate today(2026, 11, 24);
}

TEST_CASE("Dates are read the way people say them")
{
    const auto parse = [](const char *text) {
        return SpokenDate::parse(QString::fromUtf8(text), today, SpokenDate::Kind::BirthDate);
    };
    for (const char *text : {"12/3/15", "12/03/2015", "12.03.2015", "12-3-2015", "12 Mar 2015", "12 March 2015",
                             "12th March 2015", "March 12, 2015", "2015-03-12", "12032015", " 12 / 3 / 15 "}) {
        INFO(text);
        const Result<QDate> date = parse(text);
        REQUIRE(date.ok());
        CHECK(*date == QDate(2015, 3, 12));
    }
    CHECK(*parse("1/2/87") == QDate(1987, 2, 1)); // two-digit years of a birth are never in the future
    CHECK(SpokenDate::display(QDate(2015, 3, 12)) == QStringLiteral("12 Mar 2015"));
}

TEST_CASE("Impossible dates are refused with a message a call-handler understands")
{
    const Result<QDate> feb30 = SpokenDate::parse(QStringLiteral("30/02/2015"), today);
    REQUIRE_FALSE(feb30.ok());
    CHECK(feb30.errorMessage() == QStringLiteral("There is no 30 February 2015: February 2015 has 28 days."));

    const Result<QDate> month13 = SpokenDate::parse(QStringLiteral("12/13/2015"), today);
    REQUIRE_FALSE(month13.ok());
    CHECK(month13.errorMessage().startsWith(QStringLiteral("13 is not a month")));

    const Result<QDate> future = SpokenDate::parse(QStringLiteral("1 Jan 2027"), today, SpokenDate::Kind::BirthDate);
    REQUIRE_FALSE(future.ok());
    CHECK(future.errorMessage().contains(QStringLiteral("in the future")));

    CHECK_FALSE(SpokenDate::parse(QStringLiteral("sometime last spring"), today).ok());
    CHECK_FALSE(SpokenDate::parse(QString(500, QLatin1Char('1')), today).ok());
    CHECK(SpokenDate::parse(QStringLiteral("29/2/2024"), today).ok());
    CHECK_FALSE(SpokenDate::parse(QStringLiteral("29/2/2025"), today).ok());
}

TEST_CASE("Expected dates of delivery look forward")
{
    const Result<QDate> edd = SpokenDate::parse(QStringLiteral("3/2/27"), today, SpokenDate::Kind::DeliveryDate);
    REQUIRE(edd.ok());
    CHECK(*edd == QDate(2027, 2, 3));
    CHECK_FALSE(SpokenDate::parse(QStringLiteral("3/2/28"), today, SpokenDate::Kind::DeliveryDate).ok());
    CHECK_FALSE(SpokenDate::parse(QStringLiteral("3/2/26"), today, SpokenDate::Kind::DeliveryDate).ok());
}

TEST_CASE("Estimated ages: 'about 7', '18 months'")
{
    const Result<DateOrAge> about7 = DateOrAge::parse(QStringLiteral("about 7"), today);
    REQUIRE(about7.ok());
    CHECK(about7->value == QStringLiteral("age:7y"));
    CHECK(about7->display == QStringLiteral("about 7 years old"));

    const Result<DateOrAge> months = DateOrAge::parse(QStringLiteral("18 months"), today);
    REQUIRE(months.ok());
    CHECK(months->value == QStringLiteral("age:18m"));

    const Result<DateOrAge> date = DateOrAge::parse(QStringLiteral("12 Mar 2015"), today);
    REQUIRE(date.ok());
    CHECK(date->value == QStringLiteral("2015-03-12"));

    const Result<DateOrAge> feb30 = DateOrAge::parse(QStringLiteral("30/02/2015"), today);
    REQUIRE_FALSE(feb30.ok());
    CHECK(feb30.errorMessage().contains(QStringLiteral("There is no 30 February")));

    CHECK_FALSE(DateOrAge::parse(QStringLiteral("about 70"), today).ok());
    CHECK_FALSE(DateOrAge::parse(QStringLiteral("a teenager"), today).ok());
    CHECK(DateOrAge::isCanonical(QStringLiteral("age:7y")));
    CHECK(DateOrAge::isCanonical(QStringLiteral("2015-03-12")));
    CHECK_FALSE(DateOrAge::isCanonical(QStringLiteral("about 7")));
}

TEST_CASE("NOR-C4: a moment is read as said — date and time, today, yesterday — in UK time, stored in UTC")
{
    const QDateTime now(today, QTime(10, 30), Qt::UTC);
    const auto value = [&now](const char *text) {
        const Result<SpokenDateTime> parsed = SpokenDateTime::parse(QString::fromUtf8(text), now);
        return parsed ? parsed->value : QStringLiteral("refused: ") + parsed.errorMessage();
    };
    CHECK(value("24/11/2026 10:05") == QStringLiteral("2026-11-24T10:05:00.000Z"));
    CHECK(value("24 Nov 2026 at 10.05") == QStringLiteral("2026-11-24T10:05:00.000Z"));
    CHECK(value("today 9:40") == QStringLiteral("2026-11-24T09:40:00.000Z"));
    CHECK(value("10:05") == QStringLiteral("2026-11-24T10:05:00.000Z"));
    CHECK(value("yesterday 16:30") == QStringLiteral("2026-11-23T16:30:00.000Z"));
    CHECK(value("1/7/2026 10:05") == QStringLiteral("2026-07-01T09:05:00.000Z")); // British Summer Time
    CHECK(value("2026-11-24T10:05:00.000Z") == QStringLiteral("2026-11-24T10:05:00.000Z")); // a stored value
    CHECK(SpokenDateTime::parse(QStringLiteral("24/11/2026 10:05"), now)->display == QStringLiteral("Tue 24 Nov 2026, 10:05"));
    CHECK(value("24/11/2026 25:00").startsWith(QStringLiteral("refused: 25:00 is not a time")));
    CHECK(value("sometime this morning").startsWith(QStringLiteral("refused: Give the date and the time")));
    CHECK(value("31/2/2026 10:00").startsWith(QStringLiteral("refused: ")));
}

TEST_CASE("Phone numbers are checked and normalised by libphonenumber")
{
    const Result<PhoneNumber> cads = PhoneNumber::parse(QStringLiteral("0344 800 8021"));
    REQUIRE(cads.ok());
    CHECK(cads->e164 == QStringLiteral("+443448008021"));
    CHECK(cads->national == QStringLiteral("0344 800 8021"));

    const Result<PhoneNumber> mobile = PhoneNumber::parse(QStringLiteral("+44 (0)7911 123456"));
    REQUIRE(mobile.ok());
    CHECK(mobile->e164 == QStringLiteral("+447911123456"));

    CHECK_FALSE(PhoneNumber::parse(QStringLiteral("12345")).ok());
    // Ofcom's drama range is not a number in use: libphonenumber says so.
    CHECK_FALSE(PhoneNumber::parse(QStringLiteral("07700 900123")).ok());
    CHECK_FALSE(PhoneNumber::parse(QStringLiteral("call me")).ok());
    CHECK_FALSE(PhoneNumber::parse(QString()).ok());
}

TEST_CASE("UK postcodes are put in the official format")
{
    CHECK(*Postcode::normalise(QStringLiteral("nr12dh")) == QStringLiteral("NR1 2DH"));
    CHECK(*Postcode::normalise(QStringLiteral(" ln1  1yl ")) == QStringLiteral("LN1 1YL"));
    CHECK(*Postcode::normalise(QStringLiteral("ec1a1bb")) == QStringLiteral("EC1A 1BB"));
    CHECK(*Postcode::normalise(QStringLiteral("W1A 0AX")) == QStringLiteral("W1A 0AX"));
    CHECK(*Postcode::normalise(QStringLiteral("gir0aa")) == QStringLiteral("GIR 0AA"));
    CHECK_FALSE(Postcode::normalise(QStringLiteral("NR1")).ok());
    CHECK_FALSE(Postcode::normalise(QStringLiteral("QR1 2DH")).ok());
    CHECK_FALSE(Postcode::normalise(QStringLiteral("12345")).ok());
}

TEST_CASE("Names fold for search: case and accents, any script kept")
{
    CHECK(foldForSearch(QStringLiteral("Zoë")) == foldForSearch(QStringLiteral("ZOE")));
    CHECK(foldForSearch(QStringLiteral("Zoë")) == QStringLiteral("zoe"));
    CHECK(foldForSearch(QStringLiteral("Łukasz Ørsted")) == QStringLiteral("lukasz orsted"));
    CHECK(foldForSearch(QStringLiteral("O’Brien")) == QStringLiteral("o'brien"));
    CHECK(foldForSearch(QStringLiteral("  José   María ")) == QStringLiteral("jose maria"));
    CHECK(foldForSearch(QStringLiteral("Мария")) == QStringLiteral("мария"));
    CHECK(foldForSearch(QStringLiteral("محمد")) == QStringLiteral("محمد"));
}
