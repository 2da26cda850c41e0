// How long the rules take on a large call: 10 children and 20 adults, every question answered or addressed.
// The editor re-evaluates after every edit, so this must stay far below a keystroke (target: under 1 ms).
// Prints figures; asserts nothing about time (shared machines are noisy).

#include "profile/profileloader.h"
#include "referral/referraljson.h"
#include "rules/evaluator.h"
#include "training/syntheticreferrals.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace FrontDoor;

namespace {

struct Figures
{
    double medianMs = 0;
    double p99Ms = 0;
    qsizetype findings = 0;
};

Figures measure(const Referral &referral, const Profile &profile, const QDateTime &now, int runs)
{
    std::vector<qint64> nanoseconds;
    nanoseconds.reserve(size_t(runs));
    qsizetype findings = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Findings result = evaluate(referral, profile, now);
        nanoseconds.push_back(timer.nsecsElapsed());
        findings = result.size();
    }
    std::sort(nanoseconds.begin(), nanoseconds.end());
    const auto at = [&](double share) { return double(nanoseconds[size_t(share * double(runs - 1))]) / 1e6; };
    return Figures{at(0.5), at(0.99), findings};
}

// The largest referral the reader allows (issue 16): 100 children and 500 adults with their answers, 1,000 records
// in each list. Read (ReferralJson::parse, what check and import both use) and checked, as `frontdoor check` does.
void measureLargestAllowed(const Profile &profile, const QDateTime &now, QTextStream &out)
{
    SyntheticReferrals synthetic(16);
    SyntheticReferrals::Shape largest;
    largest.minChildren = largest.maxChildren = ReferralJson::mostChildren;
    largest.minAdults = largest.maxAdults = ReferralJson::mostAdults;
    largest.answeredShare = 0.9;
    Referral referral = synthetic.next(profile, now.addSecs(-1800), largest);
    for (int i = 0; i < ReferralJson::mostRecords; ++i) {
        const QString id = QStringLiteral("r%1").arg(i);
        referral.conversations.append(Conversation{id, now, QStringLiteral("police"), QStringLiteral("telephone"), {},
                                                   QStringLiteral("Invented summary of a discussion."), {}, {}});
        referral.feedback.append(FeedbackRecord{id, now, QStringLiteral("phone"), QStringLiteral("Invented."), {}});
        referral.actions.append(FollowUpAction{id, QStringLiteral("decision"), QStringLiteral("NOR-T4"), {}, now,
                                               ActionStatus::Open, {}, {}, {}});
    }
    const QByteArray bytes = ReferralJson::serialize(referral);
    std::vector<double> ms;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Result<Referral> read = ReferralJson::parse(bytes, QStringLiteral("largest.json"));
        const Findings findings = read ? evaluate(*read, profile, now) : Findings{};
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!read) {
            out << "the largest allowed referral was refused: " << read.errorMessage() << '\n';
            return;
        }
    }
    std::sort(ms.begin(), ms.end());
    out << QStringLiteral("largest allowed referral (%1 children, %2 adults, %3 records a list, %4 MiB): read and "
                          "checked in median %5 ms (target < 1000 ms)\n")
               .arg(ReferralJson::mostChildren)
               .arg(ReferralJson::mostAdults)
               .arg(ReferralJson::mostRecords)
               .arg(double(bytes.size()) / (1024 * 1024), 0, 'f', 1)
               .arg(ms[ms.size() / 2], 0, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(100, QString::fromLocal8Bit(argv[1]).toInt()) : 2000;
    QTextStream out(stdout);
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-24T10:30:00Z"), Qt::ISODate);

    for (const QString &id : ProfileLoader::builtInIds()) {
        const Result<Profile> profile = ProfileLoader::byId(id);
        if (!profile) {
            out << "cannot load " << id << ": " << profile.errorMessage() << '\n';
            return 2;
        }
        SyntheticReferrals synthetic(20261124);
        SyntheticReferrals::Shape large;
        large.minChildren = 10;
        large.maxChildren = 10;
        large.minAdults = 20;
        large.maxAdults = 20;
        large.answeredShare = 0.9;
        const Referral referral = synthetic.next(*profile, now.addSecs(-1800), large);

        SyntheticReferrals::Shape early = large; // the same large call, a third of the way through
        early.answeredShare = 0.3;
        const Referral begun = synthetic.next(*profile, now.addSecs(-600), early);

        SyntheticReferrals::Shape small;
        const Referral typical = synthetic.next(*profile, now.addSecs(-600), small);

        const Figures big = measure(referral, *profile, now, runs);
        const Figures usual = measure(typical, *profile, now, runs);
        const Figures partway = measure(begun, *profile, now, runs);
        out << Qt::left << qSetFieldWidth(18) << id << qSetFieldWidth(0)
            << QStringLiteral("10 children, %1 adults: median %2 ms, p99 %3 ms, %4 findings (target < 1 ms)\n")
                   .arg(referral.adults.size())
                   .arg(big.medianMs, 0, 'f', 3)
                   .arg(big.p99Ms, 0, 'f', 3)
                   .arg(big.findings)
            << qSetFieldWidth(18) << "" << qSetFieldWidth(0)
            << QStringLiteral("%1 child(ren), %2 adults:  median %3 ms, p99 %4 ms\n")
                   .arg(typical.children.size())
                   .arg(typical.adults.size())
                   .arg(usual.medianMs, 0, 'f', 3)
                   .arg(usual.p99Ms, 0, 'f', 3)
            << qSetFieldWidth(18) << "" << qSetFieldWidth(0)
            << QStringLiteral("10 children, 20 adults, 30% answered: median %1 ms, p99 %2 ms, %3 findings\n")
                   .arg(partway.medianMs, 0, 'f', 3)
                   .arg(partway.p99Ms, 0, 'f', 3)
                   .arg(partway.findings);
    }
    measureLargestAllowed(ProfileLoader::byId(QStringLiteral("norfolk-cads")).value(), now, out);
    out << "runs per figure: " << runs << '\n';
    return 0;
}
