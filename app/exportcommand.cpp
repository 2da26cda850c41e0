#include "exportcommand.h"

#include "actingperson.h"
#include "storecommands.h"

#include "access/accounts.h"
#include "access/permissions.h"
#include "documents/familynotice.h"
#include "documents/referrerfeedback.h"
#include "documents/writtenrecord.h"
#include "profile/profileloader.h"
#include "referral/referraljson.h"
#include "render/pdfrenderer.h"
#include "rules/evaluator.h"
#include "store/audittrail.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace FrontDoor::ExportCommand {

namespace {

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "frontdoor export: " << message << '\n';
    return code;
}

Document documentFor(const QString &which, const Referral &referral, const Profile &profile, Database &database)
{
    if (which == QLatin1String("notice"))
        return familyNotice(RedactedReferral(referral, Audience::Family), profile);
    if (which == QLatin1String("feedback"))
        return referrerFeedback(referral, profile);
    QList<AuditEvent> signatures;
    if (Result<QList<AuditEvent>> events = AuditTrail::forReferral(database, referral.reference))
        for (const AuditEvent &event : *events)
            if (event.kind == auditKindName(AuditKind::Signed))
                signatures.append(event);
    return writtenRecord(referral, profile,
                         withSeverity(evaluate(referral, profile, QDateTime::currentDateTimeUtc()), Severity::Outstanding),
                         signatures);
}

} // namespace

int run(const Options &options)
{
    const QString format = options.format.isEmpty() ? QStringLiteral("json") : options.format;
    const QString which = options.document.isEmpty() ? QStringLiteral("record") : options.document;
    if (options.reference.isEmpty())
        return fail(2, QStringLiteral("say which referral: --reference R."));
    if (format != QLatin1String("json") && format != QLatin1String("pdf"))
        return fail(2, QStringLiteral("--format is json or pdf, not \"%1\".").arg(format));
    if (!QStringList{QStringLiteral("record"), QStringLiteral("notice"), QStringLiteral("feedback")}.contains(which))
        return fail(2, QStringLiteral("--document is record, notice or feedback, not \"%1\".").arg(which));
    if (options.training)
        return fail(1, QStringLiteral("training cases are invented and are never exported."));

    const QString path = StoreCommands::databasePath(options);
    Result<std::unique_ptr<Store>> store = Store::open(path, Clock::system(), StoreCommands::storeOptions(options));
    if (!store)
        return fail(2, withBackupAdvice(store.error(), path, {}));
    Accounts accounts((*store)->database(), (*store)->clock());
    Result<Actor> acting = actingPerson(accounts, options, Operation::ExportOrPrint,
                                        QStringLiteral("only a supervisor exports or prints a referral."));
    if (!acting)
        return fail(1, acting.errorMessage());
    const Actor actor = *acting;

    Result<StoredReferral> opened = (*store)->referrals().open(options.reference, actor); // checked and audited
    if (!opened)
        return fail(1, opened.errorMessage());
    const Referral &referral = opened->referral;
    Result<Profile> profile = ProfileLoader::byId(referral.profileId);
    if (!profile)
        return fail(2, profile.errorMessage());

    QString out = options.out;
    if (format == QLatin1String("json")) {
        if (out.isEmpty())
            out = QStringLiteral("referral-%1.json").arg(referral.reference);
        QFile file(out);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(2, QStringLiteral("%1 cannot be written: %2").arg(out, file.errorString()));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (file.write(ReferralJson::serialize(referral)) < 0 || !file.flush())
            return fail(2, QStringLiteral("%1 cannot be written: %2").arg(out, file.errorString()));
    } else {
        const Document document = documentFor(which, referral, *profile, (*store)->database());
        if (out.isEmpty())
            out = document.fileNameStem + QStringLiteral(".pdf");
        if (Status written = PdfRenderer::writePdf(document, out); !written)
            return fail(2, written.errorMessage());
        QFile::setPermissions(out, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    // The file's name, never its content, goes into the trail.
    if (Status audited = (*store)->referrals().recordAccess(
            referral.reference, actor, AuditKind::Exported,
            {{QStringLiteral("format"), format}, {QStringLiteral("document"), format == QLatin1String("json") ? QStringLiteral("referral") : which},
             {QStringLiteral("file"), QFileInfo(out).fileName()}});
        !audited) {
        QFile::remove(out);
        return fail(2, QStringLiteral("the export could not be recorded in the audit trail, so it was not kept: %1")
                           .arg(audited.errorMessage()));
    }
    QTextStream(stdout) << "Exported " << referral.reference << " to " << out << '\n';
    return 0;
}

} // namespace FrontDoor::ExportCommand
