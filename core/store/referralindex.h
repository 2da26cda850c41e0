#pragma once

#include "referral/referral.h"

#include <QDate>
#include <QList>

namespace FrontDoor {

// What the store derives from a referral for finding it again: the search text, the known-child keys of each
// person, the queue's summary columns. Pure functions; the repository writes their results in the same
// transaction as the referral.
namespace ReferralIndex {

// Names and aliases of everyone, the referrer's name, addresses, postcode, school, reference, and each date of
// birth as tokens "dob20150312 dob201503 dob2015" (so "12/3/2015", "3/2015" and "2015" can be searched).
QString searchText(const Referral &referral);
QString birthTokens(const QDate &date);
// The search text as words — folded (accents, case) and split at everything that is not a letter or a digit, as
// SQLite's unicode61 tokenizer splits it — for the server's tsvector, so both dialects index the same words.
QString searchWords(const QString &text);
// What the search index's body column holds for `searchText`: on SQLite the words (issue 21: FTS5's own folding
// leaves ø, ł, ß, æ as they are, so "oyra" missed Øyra), on the server the text (its tsvector holds the words).
QString indexedBody(const QString &searchText, bool server);

struct PersonKey
{
    QString personId;
    QString kind; // child, adult
    QString name;
    QString folded;
    QString givenKey;
    QString familyKey;
    QDate birthDate;
    int birthYear = 0; // from the date, or from an estimated age at the call's date; 0 when unknown
};
QList<PersonKey> personKeys(const Referral &referral);
// The given and family name keys of a full name ("Zoë Ann O'Brien" → keys of "zoe" and "obrien").
std::pair<QString, QString> nameKeys(const QString &name);

// The name's words folded for comparison ("Zoë O'Brien" → "zoe obrien").
QString foldedName(const QString &name);

// "Ada Testchild, unborn baby" — the children column of the queue.
QString childrenSummary(const Referral &referral);
// The earliest due time among open follow-up actions; invalid when none.
QDateTime nextDue(const Referral &referral);

} // namespace ReferralIndex
} // namespace FrontDoor
