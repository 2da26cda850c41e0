#include "documents/queueexport.h"

#include "access/permissions.h"
#include "documents/queuecsv.h"
#include "store/audittrail.h"
#include "store/database.h"
#include "store/exportedfile.h"
#include "store/referralqueries.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

namespace FrontDoor::QueueExport {

Result<int> write(ReferralQueries &queries,
                  Database &database,
                  const Actor &actor,
                  const QDateTime &now,
                  const QStringList &columns,
                  const QString &path,
                  const ReferralFilter &filter,
                  const QString &scope)
{
    if (database.isTraining())
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("Training cases are invented and are never exported."));
    if (!isAllowed(actor.role, Operation::ExportOrPrint))
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("Only a supervisor exports the queue."));

    QList<ReferralSummary> rows;
    ReferralFilter page = filter;
    for (page.offset = 0;; page.offset += page.limit) {
        page.limit = 5'000;
        Result<QList<ReferralSummary>> read = queries.list(page, actor);
        if (!read)
            return read.error();
        rows += *read;
        if (read->size() < page.limit)
            break;
    }
    Result<QByteArray> csv = QueueCsv::write(rows, columns);
    if (!csv)
        return csv.error();

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*csv) < 0 || !file.commit())
        return makeError(
            ErrorCode::IoError,
            QStringLiteral("%1 cannot be written: %2. Nothing was exported.").arg(path, file.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Result<qint64> audited = AuditTrail::record(database,
                                                {},
                                                actor.userId,
                                                now,
                                                AuditKind::Exported,
                                                {{QStringLiteral("what"), QStringLiteral("queue")},
                                                 {QStringLiteral("format"), QStringLiteral("csv")},
                                                 {QStringLiteral("rows"), int(rows.size())},
                                                 {QStringLiteral("columns"), columns.join(u',')},
                                                 {QStringLiteral("scope"), scope},
                                                 {QStringLiteral("file"), QFileInfo(path).fileName()}});
    if (Status kept = ExportedFile::keepOnlyIfAudited(audited ? Status{} : Status(audited.error()), path); !kept)
        return kept.error();
    return int(rows.size());
}

} // namespace FrontDoor::QueueExport
