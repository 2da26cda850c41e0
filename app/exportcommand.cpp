#include "exportcommand.h"

#include "actingperson.h"
#include "storecommands.h"

#include "access/accounts.h"
#include "access/permissions.h"
#include "documents/familynotice.h"
#include "documents/queuecsv.h"
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

// The queue for reporting: every referral the person may see, the chosen columns (by default no names and no
// free text), an audit event with the row count and the columns.
int queueCsv(Store &store, const Actor &actor, const Options &options)
{
    const QStringList columns = options.columns.isEmpty() ? QueueCsv::defaultColumns()
                                                          : options.columns.split(u',', Qt::SkipEmptyParts);
    QList<ReferralSummary> rows;
    for (ReferralFilter page; ; page.offset += page.limit) {
        page.limit = 5'000;
        Result<QList<ReferralSummary>> read = store.queries().list(page, actor);
        if (!read)
            return fail(2, read.errorMessage());
        rows += *read;
        if (read->size() < page.limit)
            break;
    }
    Result<QByteArray> csv = QueueCsv::write(rows, columns);
    if (!csv)
        return fail(2, csv.errorMessage());
    const QString out = options.out.isEmpty() ? QStringLiteral("queue.csv") : options.out;
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(*csv) < 0 || !file.flush())
        return fail(2, QStringLiteral("%1 cannot be written: %2").arg(out, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (Result<qint64> audited = AuditTrail::record(store.database(), {}, actor.userId, store.clock().now(),
                                                    AuditKind::Exported,
                                                    {{QStringLiteral("what"), QStringLiteral("queue")},
                                                     {QStringLiteral("format"), QStringLiteral("csv")},
                                                     {QStringLiteral("rows"), int(rows.size())},
                                                     {QStringLiteral("columns"), columns.join(u',')},
                                                     {QStringLiteral("file"), QFileInfo(out).fileName()}});
        !audited) {
        file.remove();
        return fail(2, QStringLiteral("the export could not be recorded in the audit trail, so it was not kept: %1")
                           .arg(audited.errorMessage()));
    }
    QTextStream(stdout) << "Exported the queue (" << rows.size() << " referrals) to " << out << '\n';
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

    if (format == QLatin1String("csv"))
        return queueCsv(**store, actor, options);

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
