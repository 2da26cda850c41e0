#include "store/anchorlog.h"

#include "common/uktime.h"
#include "store/database.h"
#include "store/databaselocation.h"
#include "store/storedtime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <unistd.h>

namespace FrontDoor {

namespace {

QByteArray lineOf(const Anchor &anchor)
{
    const QJsonObject line{{QStringLiteral("seq"), anchor.sequence},
                           {QStringLiteral("hash"), anchor.hash},
                           {QStringLiteral("at"), StoredTime::text(anchor.at)},
                           {QStringLiteral("workstation"), anchor.workstation},
                           {QStringLiteral("database"), anchor.database},
                           {QStringLiteral("occasion"), anchor.occasion}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

AnchorLog::AnchorLog(Database &database, const Clock &clock, QString file, QString workstation)
    : m_database(database)
    , m_clock(clock)
    , m_file(std::move(file))
    , m_workstation(std::move(workstation))
{}

QString AnchorLog::defaultFolder()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || !QDir::isAbsolutePath(state))
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/FrontDoor/anchors");
}

QString AnchorLog::fileIn(const QString &folder, const QString &databasePath, const QString &workstation)
{
    QString host = workstation;
    host.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QDir(folder).filePath(QStringLiteral("%1-%2.anchors").arg(host, QFileInfo(databasePath).fileName()));
}

Result<Anchor> AnchorLog::append(const QString &occasion)
{
    Result<QSqlQuery *> head = m_database.exec(QStringLiteral("audit.head"));
    if (!head)
        return head.error();
    if (!(*head)->next())
        return makeError(ErrorCode::DatabaseCorrupt, QStringLiteral("%1: the audit trail's head row is missing.")
                                                         .arg(m_database.path()));
    const qint64 sequence = (*head)->value(0).toLongLong();
    const QString hash = (*head)->value(1).toString();
    (*head)->finish();
    return appendHead(sequence, hash, occasion);
}

Result<Anchor> AnchorLog::appendHead(qint64 sequence, const QString &hash, const QString &occasion)
{
    Anchor anchor{
        sequence, hash, m_clock.now(), m_workstation, QFileInfo(m_database.path()).absoluteFilePath(), occasion};

    const auto failed = [this](const QString &why) {
        return makeError(ErrorCode::IoError, QStringLiteral("The audit anchor could not be written to %1: %2. Tell "
                                                            "IT: until it can, history deleted from this database "
                                                            "could go unnoticed.").arg(m_file, why));
    };
    const QString folder = QFileInfo(m_file).absolutePath();
    if (!QFileInfo::exists(folder) && !DatabaseLocation::makeOwnerOnlyFolder(folder))
        return failed(QStringLiteral("its folder cannot be made"));
    QFile file(m_file);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return failed(file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray line = lineOf(anchor);
    // One write of one short line to a file opened for appending: whole, after any other writer's line.
    if (file.write(line) != line.size() || !file.flush() || ::fsync(file.handle()) != 0)
        return failed(file.errorString());
    return anchor;
}

QString AnchorLog::footer(const Anchor &anchor)
{
    return QStringLiteral("Audit anchor: event %1, %2…%3, %4")
        .arg(anchor.sequence)
        .arg(anchor.hash.left(8), anchor.hash.right(4), UkTime::text(anchor.at, QStringLiteral("d MMM yyyy HH:mm")));
}

Result<QList<Anchor>> AnchorLog::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::IoError, QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
    QList<Anchor> anchors;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(64 * 1024).trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        Anchor anchor{object.value(QStringLiteral("seq")).toInteger(-1), object.value(QStringLiteral("hash")).toString(),
                      StoredTime::parse(object.value(QStringLiteral("at")).toString()),
                      object.value(QStringLiteral("workstation")).toString(),
                      object.value(QStringLiteral("database")).toString(),
                      object.value(QStringLiteral("occasion")).toString()};
        if (anchor.sequence < 0 || anchor.hash.size() != 64 || !anchor.at.isValid())
            return makeError(ErrorCode::SchemaError,
                             QStringLiteral("%1, line %2: is not an audit anchor (a damaged or foreign file).")
                                 .arg(path).arg(lineNumber));
        anchors.append(anchor);
    }
    return anchors;
}

QList<Anchor> AnchorLog::current(const QList<Anchor> &anchors, const AnchorSelection &which, int *superseded)
{
    QList<Anchor> ofDatabase;
    for (const Anchor &anchor : anchors)
        if (which.database.isEmpty() || anchor.database == which.database)
            ofDatabase.append(anchor);
    qsizetype from = 0;
    for (qsizetype i = 0; i < ofDatabase.size(); ++i)
        if (ofDatabase.at(i).occasion == QLatin1String("restore"))
            from = i;
    if (superseded)
        *superseded = int(from);
    QList<Anchor> selected;
    for (qsizetype i = from; i < ofDatabase.size(); ++i)
        if (ofDatabase.at(i).sequence <= which.upTo)
            selected.append(ofDatabase.at(i));
    return selected;
}

AnchorSelection AnchorLog::selectionFor(const QString &path, qint64 upTo)
{
    return {QFileInfo(path).absoluteFilePath(), upTo};
}

Result<AnchorLog::Check> AnchorLog::check(Database &database, const QString &file, const AnchorSelection &which)
{
    Result<QList<Anchor>> anchors = read(file);
    if (!anchors)
        return anchors.error();
    Check result;
    for (const Anchor &anchor : current(*anchors, which, &result.superseded)) {
        ++result.checked;
        if (anchor.sequence == 0)
            continue; // an empty trail: nothing to hold
        Result<QSqlQuery *> held = database.exec(QStringLiteral("audit.hashAt"), {{"seq", anchor.sequence}});
        if (!held)
            return held.error();
        const QString hash = (*held)->next() ? (*held)->value(0).toString() : QString();
        (*held)->finish();
        if (hash == anchor.hash)
            continue;
        result.brokenAt = anchor.sequence;
        result.problem = QStringLiteral("the head anchored at %1 on %2 (%3) — event %4, %5 — %6: history before it "
                                        "was deleted or rewritten and the chain recomputed")
                             .arg(UkTime::text(anchor.at, QStringLiteral("d MMM yyyy HH:mm:ss")), anchor.workstation,
                                  anchor.occasion)
                             .arg(anchor.sequence)
                             .arg(anchor.hash,
                                  hash.isEmpty() ? QStringLiteral("is no longer in the trail")
                                                 : QStringLiteral("now hashes to %1").arg(hash));
        break;
    }
    return result;
}

} // namespace FrontDoor
