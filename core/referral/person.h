#pragma once

#include "referral/answer.h"

#include <QAnyStringView>
#include <QMap>

namespace FrontDoor {

using AnswerMap = QMap<QString, Answer>;

// A child (born or unborn) or an adult named in a referral. What is known about them is held as answers keyed by
// the profile's per-person fields (see fields.h); an adult's roles — household member, holder of Parental
// Responsibility, significant other, alleged perpetrator — are the multiple-choice answer "roles".
struct Person
{
    QString id; // stable within the referral, e.g. "c1", "a3"
    AnswerMap answers;

    Answer answer(QAnyStringView field) const { return answers.value(field.toString()); }
    bool answerIs(QAnyStringView field, QAnyStringView option) const { return answer(field).is(option.toString()); }
    friend bool operator==(const Person &, const Person &) = default;
};

} // namespace FrontDoor
