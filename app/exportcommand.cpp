#include "exportcommand.h"

#include "actingperson.h"
#include "storecommands.h"

#include "access/permissions.h"
#include "documents/queuecsv.h"
#include "documents/queueexport.h"
#include "documents/referraldocuments.h"
#include "profile/profileloader.h"
#include "render/referraloutput.h"
#include "store/accounts.h"

#include <QTextStream>

namespace FrontDoor::ExportCommand {

namespace {

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "frontdoor export: " << message << '\n';
    return code;
}

// The queue for reporting (QueueExport: by default no names and no free text, audited).
int queueCsv(Store &store, const Actor &actor, const Options &options)
{
    const QStringList columns = options.columns.isEmpty() ? QueueCsv::defaultColumns()
                                                          : options.columns.split(u',', Qt::SkipEmptyParts);
    const QString out = options.out.isEmpty() ? QStringLiteral("queue.csv") : options.out;
    Result<int> written = QueueExport::write(store.queries(), store.database(), actor, store.clock().now(), columns, out);
    if (!written)
        return fail(written.error().code == ErrorCode::PermissionDenied ? 1 : 2, written.errorMessage());
    if (Result<Anchor> anchored = store.anchors().append(QStringLiteral("export")); !anchored)
        QTextStream(stderr) << "frontdoor export: warning: " << anchored.errorMessage() << '\n';
    QTextStream(stdout) << "Exported the queue (" << *written << " referrals) to " << out << '\n';
    return 0;
}

} // namespace

int run(const Options &options)
{
    const QString format = options.format.isEmpty() ? QStringLiteral("json") : options.format;
    const QString which = options.document.isEmpty() ? QStringLiteral("record") : options.document;
    if (format != QLatin1String("json") && format != QLatin1String("pdf") && format != QLatin1String("csv"))
        return fail(2, QStringLiteral("--format is json, pdf or csv, not \"%1\".").arg(format));
    if (options.reference.isEmpty() && format != QLatin1String("csv"))
        return fail(2, QStringLiteral("say which referral: --reference R."));
    if (!documentKindFromName(which))
        return fail(2, QStringLiteral("--document is record, notice or feedback, not \"%1\".").arg(which));
    if (options.training)
        return fail(1, QStringLiteral("training cases are invented and are never exported."));

    const QString path = StoreCommands::databasePath(options);
    Result<std::unique_ptr<Store>> store = StoreCommands::openStore(options, path);
    if (!store)
        return fail(2, withBackupAdvice(store.error(), path, options.settings.backupFolder));
    Accounts &accounts = (*store)->accounts();
    Result<Actor> acting = actingPerson(accounts, options, Operation::ExportOrPrint,
                                        QStringLiteral("only a supervisor exports or prints a referral."));
    if (!acting)
        return fail(1, acting.errorMessage());
    const Actor actor = *acting;

    if (format == QLatin1String("csv"))
        return queueCsv(**store, actor, options);

    Result<StoredReferral> opened = (*store)->referrals().open(options.reference, actor); // checked and audited
    if (!opened)
        return fail(1, opened.errorMessage());
    const Referral &referral = opened->referral;
    Result<Profile> profile = ProfileLoader::byId(referral.profileId);
    if (!profile)
        return fail(2, profile.errorMessage());

    ReferralOutput output((*store)->referrals(), (*store)->database(), *profile, actor, (*store)->clock(),
                          (*store)->anchors());
    QString out = options.out;
    Status saved;
    if (format == QLatin1String("json")) {
        if (out.isEmpty())
            out = ReferralOutput::suggestedJsonName(referral);
        saved = output.saveJson(referral, out);
    } else {
        const DocumentKind kind = *documentKindFromName(which);
        if (out.isEmpty()) {
            Result<Document> document = output.document(kind, referral);
            if (!document)
                return fail(1, document.errorMessage());
            out = ReferralOutput::suggestedFileName(*document);
        }
        saved = output.savePdf(referral, kind, out);
    }
    if (!saved)
        return fail(saved.error().code == ErrorCode::PermissionDenied ? 1 : 2, saved.errorMessage());
    QTextStream(stdout) << "Exported " << referral.reference << " to " << out << '\n';
    return 0;
}

} // namespace FrontDoor::ExportCommand
