#pragma once

#include "common/result.h"
#include "referral/referral.h"

#include <QByteArray>
#include <QJsonObject>

namespace FrontDoor::ReferralJson {

// Limits far above any real referral (resources/schema/referral-json.md says the same numbers): past them a file is
// refused by name before anything is stored, so a hostile file cannot exhaust memory or time.
inline constexpr qint64 largestFileBytes = 16 * 1024 * 1024;
inline constexpr int mostChildren = 100;
inline constexpr int mostAdults = 500;
inline constexpr int mostRecords = 1'000; // conversations, sharing decisions, outcomes, feedback, disagreements, actions

// The referral's JSON form, documented in docs of resources/schema/referral-json.md. Versioned by
// "schemaVersion"; writing then reading gives back an equal Referral, and reading then writing gives back the
// same bytes for a file this code wrote.
QJsonObject toJson(const Referral &referral);
QByteArray serialize(const Referral &referral); // indented, for files a person may read
// The same without a space (issue 21: the database keeps a million of them; indented, nearly half was spaces).
QByteArray serializeCompact(const Referral &referral);

// Strict: unknown keys, wrong types, unknown states, an id twice in one list and a schemaVersion this build does not
// know are errors that name the key path. `source` names the input in messages (a file name, or "referral").
// With `limited`, the counts above are enforced too (files from outside).
Result<Referral> fromJson(const QJsonObject &object, const QString &source, bool limited = true);
// The one strict reader of a referral file's bytes, for `check`, `import` and anything else that reads one: the size
// cap, valid JSON, no key twice in an object (escaped spellings included), no text past its length in decoded
// characters, then fromJson with the limits above.
Result<Referral> parse(const QByteArray &bytes, const QString &source);
// A document this program stored itself (the referrals table, the audit verifier): read by fromJson without the
// file limits, so a record saved before a limit existed, or longer than a file may be, always opens.
Result<Referral> readStored(const QByteArray &bytes, const QString &source);

QJsonObject answerToJson(const Answer &answer);

} // namespace FrontDoor::ReferralJson
