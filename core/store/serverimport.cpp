#include "store/serverimport.h"

#include "profile/profileloader.h"
#include "store/auditverifier.h"
#include "store/database.h"
#include "store/referralrepository.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QUuid>

#include <map>

namespace FrontDoor::ServerImport {

namespace {

Result<QStringList> referencesIn(Database &source)
{
    Result<QStringList> references = source.column(QStringLiteral("referrals.allReferences"));
    if (references)
        references->sort(); // in their own numbering's order
    return references;
}

Status noneAlreadyThere(Database &server, const QStringList &references)
{
    QStringList there;
    for (const QString &reference : references) {
        Result<QSqlQuery *> found = server.exec(QStringLiteral("referrals.exists"), {{"reference", reference}});
        if (!found)
            return found.error();
        if ((*found)->next())
            there.append(reference);
        (*found)->finish();
    }
    if (there.isEmpty())
        return {};
    return makeError(ErrorCode::Conflict,
                     QStringLiteral("The server already holds %1 referral%2 with the same reference as in this file "
                                    "(%3%4): nothing was imported, and nothing is ever merged. Decide which record is "
                                    "which before importing.")
                         .arg(there.size())
                         .arg(there.size() == 1 ? QString() : QStringLiteral("s"),
                              there.mid(0, 5).join(QStringLiteral(", ")),
                              there.size() > 5 ? QStringLiteral(" …") : QString()));
}

// The file's whole trail, byte for byte, under the head that was verified.
Result<qint64> copyHistory(Database &source, Database &server, const QString &sourceHead)
{
    Result<QSqlQuery *> rows = source.exec(QStringLiteral("audit.since"), {{"seq", 0}});
    if (!rows)
        return rows.error();
    qint64 copied = 0;
    while ((*rows)->next()) {
        const QSqlQuery &row = **rows;
        if (Result<QSqlQuery *> added = server.exec(QStringLiteral("importedHistory.add"),
                                                    {{"sourceHead", sourceHead},
                                                     {"seq", row.value(0)},
                                                     {"reference", row.value(1)},
                                                     {"user", row.value(2)},
                                                     {"at", row.value(3)},
                                                     {"kind", row.value(4)},
                                                     {"payload", row.value(5)},
                                                     {"previous", row.value(6)},
                                                     {"hash", row.value(7)}});
            !added)
            return added.error();
        ++copied;
    }
    (*rows)->finish();
    return copied;
}

} // namespace

Result<Imported>
importDatabase(Database &server, const QString &file, const Clock &clock, const WorkingCalendar &calendar)
{
    if (!server.isServer())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("A database is imported into the team's server."));
    Database::Options readOnly;
    readOnly.readOnly = true;
    Result<std::unique_ptr<Database>> source = Database::open(file, readOnly);
    if (!source)
        return source.error();

    // Its trail first: what the server takes must be what that workstation recorded.
    Result<AuditVerifier::Report> verified = AuditVerifier::verify(**source);
    if (!verified)
        return verified.error();
    if (!verified->intact())
        return makeError(
            ErrorCode::DatabaseCorrupt,
            QStringLiteral("%1 does not verify, so nothing was imported: %2").arg(file, verified->summary()));
    Imported imported;
    imported.sourceHead = verified->chain.headHash;

    Result<QStringList> references = referencesIn(**source);
    if (!references)
        return references.error();
    WriteTransaction transaction(server); // all or nothing: each referral's own transaction joins this one
    if (Status s = transaction.begin(); !s)
        return s.error();
    if (Status s = noneAlreadyThere(server, *references); !s)
        return s.error();

    ReferralRepository from(**source, clock, calendar, QStringLiteral("import-source"));
    ReferralRepository into(server, clock, calendar, QUuid::createUuid().toString(QUuid::WithoutBraces));
    const Actor administrator{server.serverUser(), Role::Supervisor};
    const QString provenance = QStringLiteral("the database file %1 (its trail verified: %2 events, head %3)")
                                   .arg(QFileInfo(file).fileName())
                                   .arg(verified->chain.events)
                                   .arg(imported.sourceHead);
    std::map<QString, Profile> profiles;
    for (const QString &reference : std::as_const(*references)) {
        Result<StoredReferral> stored = from.load(reference);
        if (!stored)
            return stored.error();
        const QString profileId = stored->referral.profileId;
        if (profiles.find(profileId) == profiles.end()) {
            Result<Profile> profile = ProfileLoader::byId(profileId);
            if (!profile)
                return makeError(profile.error().code,
                                 QStringLiteral("%1: %2 Nothing was imported.").arg(reference, profile.errorMessage()));
            profiles.emplace(profileId, *profile);
        }
        Result<SaveReceipt> receipt = into.importReferral(stored->referral,
                                                          profiles.at(profileId),
                                                          administrator,
                                                          provenance,
                                                          ReferralRepository::ImportedPeople::Keep);
        if (!receipt)
            return receipt.errorMessage().contains(QLatin1String("Nothing was imported"))
                       ? receipt.error()
                       : makeError(receipt.error().code,
                                   QStringLiteral("%1 Nothing was imported.").arg(receipt.errorMessage()));
        ++imported.referrals;
    }
    Result<qint64> history = copyHistory(**source, server, imported.sourceHead);
    if (!history)
        return history.error();
    imported.historyEvents = *history;
    if (Status s = transaction.commit(); !s)
        return s.error();
    return imported;
}

} // namespace FrontDoor::ServerImport
