#pragma once

#include "common/result.h"
#include "referral/referral.h"

#include <QByteArray>
#include <QJsonObject>

namespace FrontDoor::ReferralJson {

// The referral's JSON form, documented in docs of resources/schema/referral-json.md. Versioned by
// "schemaVersion"; writing then reading gives back an equal Referral, and reading then writing gives back the
// same bytes for a file this code wrote.
QJsonObject toJson(const Referral &referral);
QByteArray serialize(const Referral &referral);

// Strict: unknown keys, wrong types, unknown states and a schemaVersion this build does not know are errors that
// name the key path. `source` names the input in messages (a file name, or "referral").
Result<Referral> fromJson(const QJsonObject &object, const QString &source);
Result<Referral> parse(const QByteArray &bytes, const QString &source);

QJsonObject answerToJson(const Answer &answer);

} // namespace FrontDoor::ReferralJson
