#pragma once

#include "profile/profile.h"
#include "referral/referral.h"

#include <QRandomGenerator>

namespace FrontDoor {

// Invented referrals for tests, benchmarks and training mode. Every name is made up from syllables; nothing is
// drawn from real records. Deterministic for a seed.
class SyntheticReferrals
{
public:
    struct Shape
    {
        int minChildren = 1;
        int maxChildren = 3;
        int minAdults = 0;
        int maxAdults = 4;
        double answeredShare = 0.7; // share of questions given a value
        bool chaos = false;         // also put nonsense in: wrong types, unknown options, odd Unicode, huge text
    };

    explicit SyntheticReferrals(quint32 seed)
        : m_random(seed)
    {}

    Referral next(const Profile &profile, const QDateTime &callStart, const Shape &shape);
    Referral next(const Profile &profile, const QDateTime &callStart) { return next(profile, callStart, Shape{}); }

    QString inventedName();

private:
    Answer answerFor(const Question &question, const Profile &profile, const QDateTime &callStart, const Shape &shape);
    QString nonsense();
    int between(int low, int high) { return int(m_random.bounded(low, high + 1)); }
    bool chance(double p) { return m_random.generateDouble() < p; }

    QRandomGenerator m_random;
    int m_counter = 0;
};

} // namespace FrontDoor
