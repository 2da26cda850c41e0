#include "store/offlinespool.h"

#include "referral/referraljson.h"
#include "store/database.h"
#include "store/referralrepository.h"
#include "store/referralstate.h"
#include "store/sealedvfs.h"
#include "store/spoolseal.h"
#include "store/storedtime.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QSqlQuery>
#include <QStandardPaths>

#include <sodium.h>

#include <map>

using namespace Qt::Literals::StringLiterals;

namespace FrontDoor {

namespace {

constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions ownerOnlyFolder
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
const auto editSuffix = ".edit"_L1;
const auto baseSuffix = ".base"_L1;
const auto format = "frontdoor-spool-1"_L1;

// A reference or a person's id becomes part of a file name: only what Front Door itself makes of them.
bool isSafeName(const QString &name)
{
    static const QRegularExpression safe(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"_s);
    return safe.match(name).hasMatch() && !name.contains(".."_L1);
}

Error spoolError(const QString &folder, const QString &what)
{
    return makeError(
        ErrorCode::IoError,
        QStringLiteral("The offline spool on this computer (%1) %2.").arg(QDir::toNativeSeparators(folder), what));
}

// Twelve digits: the name order is the typing order.
QString editFileName(qint64 sequence)
{
    return QStringLiteral("%1").arg(sequence, 12, 10, QLatin1Char('0')) + editSuffix;
}

bool sameReferral(const Referral &a, const Referral &b)
{
    return ReferralState::changedPaths(ReferralState::flatten(a), ReferralState::flatten(b)).isEmpty();
}

} // namespace

QString OfflineSpool::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/spool"_L1;
}

OfflineSpool::OfflineSpool(QString folder,
                           std::shared_ptr<const SealingKey> key,
                           Database &database,
                           const WorkingCalendar &calendar)
    : m_folder(std::move(folder))
    , m_key(std::move(key))
    , m_database(database)
    , m_calendar(calendar)
{}

OfflineSpool::~OfflineSpool() = default;

// The person's spool key, from the server (made there at the first ask): a key id of the server and the person, so a
// file sealed in one spool opens in no other.
Result<std::shared_ptr<const SealingKey>> OfflineSpool::fetchKey(Database &database, const QString &server)
{
    Result<QSqlQuery *> asked = database.exec(u"server.spoolKey"_s);
    if (!asked)
        return makeError(asked.error().code,
                         QStringLiteral("The key of your offline spool could not be fetched from the server: %1")
                             .arg(asked.errorMessage()));
    QByteArray bytes = (*asked)->next() ? QByteArray::fromHex((*asked)->value(0).toString().toLatin1()) : QByteArray();
    (*asked)->finish();
    const QByteArray keyId
        = QCryptographicHash::hash(("frontdoor-spool:"_L1 + server + u'/' + database.serverUser()).toUtf8(),
                                   QCryptographicHash::Sha256)
              .left(SealingKey::fileIdBytes);
    std::shared_ptr<const SealingKey> key
        = bytes.size() == SealingKey::keyBytes
              ? SealingKey::fromBytes(reinterpret_cast<const unsigned char *>(bytes.constData()), keyId)
              : nullptr;
    sodium_memzero(bytes.data(), size_t(bytes.size()));
    if (!key)
        return makeError(ErrorCode::DatabaseCorrupt,
                         QStringLiteral("The server gave no usable key for your offline spool. Please tell your IT "
                                        "service desk."));
    return key;
}

Result<std::unique_ptr<OfflineSpool>>
OfflineSpool::open(const QString &root, Database &database, const WorkingCalendar &calendar)
{
    const QString user = database.serverUser();
    if (!database.isServer() || !isSafeName(user))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("An offline spool is for a person signed in to a server."));
    // One spool per server and person: the connection string names the server (never a password: it may hold none).
    const QString server = QString::fromLatin1(
        QCryptographicHash::hash(database.serverConnection().simplified().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16));
    const QString folder = QDir(root).filePath(server + u'/' + user);
    for (const QString &path : {root, QDir(root).filePath(server), folder}) {
        if (!QDir().mkpath(path))
            return spoolError(folder, QStringLiteral("cannot be made"));
        QFile::setPermissions(path, ownerOnlyFolder);
    }
    if (QFileInfo(folder).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther))
        return spoolError(folder, QStringLiteral("can be read by others, and its permissions cannot be set"));
    Result<std::shared_ptr<const SealingKey>> key = fetchKey(database, server);
    if (!key)
        return key.error();
    return std::unique_ptr<OfflineSpool>(new OfflineSpool(folder, std::move(*key), database, calendar));
}

Status OfflineSpool::writeFile(const QString &name, const QByteArray &bytes)
{
    QSaveFile file(QDir(m_folder).filePath(name));
    file.setDirectWriteFallback(false);
    // Written beside, synced and renamed into place (QSaveFile): a kill mid-write leaves the last whole file.
    const QByteArray sealed = SpoolSeal::seal(*m_key, name, bytes);
    if (!file.open(QIODevice::WriteOnly) || file.write(sealed) != sealed.size() || !file.commit())
        return spoolError(m_folder, QStringLiteral("cannot be written (%1)").arg(file.errorString()));
    QFile::setPermissions(file.fileName(), ownerOnlyFile);
    return {};
}

Result<QByteArray> OfflineSpool::readFile(const QString &name) const
{
    QFile file(QDir(m_folder).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return spoolError(m_folder, QStringLiteral("cannot be read (%1: %2)").arg(name, file.errorString()));
    std::optional<QByteArray> plain = SpoolSeal::open(*m_key, name, file.readAll());
    if (!plain)
        return spoolError(m_folder,
                          QStringLiteral("holds %1, which is not a file Front Door kept here for you; nothing was "
                                         "sent after it. Please tell your IT service desk")
                              .arg(name));
    return *plain;
}

Status OfflineSpool::keep(
    const Referral &referral, qint64 baseRevision, const Actor &actor, const QString &instance, const QDateTime &at)
{
    if (!isSafeName(referral.reference) || !isSafeName(actor.userId))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("This referral cannot be kept on this computer."));
    if (!QFile::exists(QDir(m_folder).filePath(referral.reference + baseSuffix)))
        if (Status s = setBaseRevision(referral.reference, baseRevision); !s)
            return s;
    qint64 sequence = 1;
    if (const QStringList files = editFiles(); !files.isEmpty())
        sequence = files.constLast().chopped(editSuffix.size()).toLongLong() + 1;
    const QJsonObject edit{{u"format"_s, format},
                           {u"sequence"_s, sequence},
                           {u"reference"_s, referral.reference},
                           {u"user"_s, actor.userId},
                           {u"role"_s, roleName(actor.role)},
                           {u"instance"_s, instance},
                           {u"at"_s, StoredTime::text(at)},
                           {u"referral"_s, QString::fromUtf8(ReferralJson::serialize(referral))}};
    return writeFile(editFileName(sequence), QJsonDocument(edit).toJson(QJsonDocument::Compact));
}

QStringList OfflineSpool::editFiles() const
{
    QStringList files = QDir(m_folder).entryList({u"*"_s + editSuffix}, QDir::Files, QDir::Name);
    static const QRegularExpression numbered(u"^[0-9]{12}\\.edit$"_s);
    files.erase(std::remove_if(
                    files.begin(), files.end(), [](const QString &name) { return !numbered.match(name).hasMatch(); }),
                files.end());
    return files; // twelve digits: the name order is the typing order
}

Result<QList<SpooledEdit>> OfflineSpool::waiting(const QString &reference) const
{
    QList<SpooledEdit> edits;
    for (const QString &name : editFiles()) {
        Result<QByteArray> bytes = readFile(name);
        if (!bytes)
            return bytes.error();
        QJsonParseError parseError;
        const QJsonObject edit = QJsonDocument::fromJson(*bytes, &parseError).object();
        const std::optional<Role> role = roleFromName(edit.value(u"role"_s).toString());
        const QDateTime at = StoredTime::parse(edit.value(u"at"_s).toString());
        const QString ref = edit.value(u"reference"_s).toString();
        if (parseError.error != QJsonParseError::NoError || edit.value(u"format"_s).toString() != format || !role
            || !at.isValid() || !isSafeName(ref))
            return spoolError(m_folder,
                              QStringLiteral("holds %1, which is not an edit Front Door kept; nothing was "
                                             "sent after it. Please tell your IT service desk")
                                  .arg(name));
        if (!reference.isEmpty() && ref != reference)
            continue;
        Result<Referral> referral = ReferralJson::readStored(edit.value(u"referral"_s).toString().toUtf8(), name);
        if (!referral)
            return spoolError(
                m_folder,
                QStringLiteral("holds %1, which cannot be read back (%2)").arg(name, referral.errorMessage()));
        edits.append(SpooledEdit{edit.value(u"sequence"_s).toInteger(),
                                 ref,
                                 Actor{edit.value(u"user"_s).toString(), *role},
                                 edit.value(u"instance"_s).toString(),
                                 at,
                                 std::move(*referral)});
    }
    return edits;
}

bool OfflineSpool::holds(const QString &reference) const
{
    return isSafeName(reference) && QFile::exists(QDir(m_folder).filePath(reference + baseSuffix));
}

int OfflineSpool::count() const
{
    return int(editFiles().size());
}

Result<qint64> OfflineSpool::baseRevision(const QString &reference) const
{
    if (!QFile::exists(QDir(m_folder).filePath(reference + baseSuffix)))
        return spoolError(m_folder, QStringLiteral("has lost what %1's edits apply to").arg(reference));
    Result<QByteArray> bytes = readFile(reference + baseSuffix);
    if (!bytes)
        return bytes.error();
    bool ok = false;
    const qint64 revision = bytes->trimmed().toLongLong(&ok);
    if (!ok)
        return spoolError(m_folder, QStringLiteral("has a damaged %1%2").arg(reference, baseSuffix));
    return revision;
}

Status OfflineSpool::setBaseRevision(const QString &reference, qint64 revision)
{
    return writeFile(reference + baseSuffix, QByteArray::number(revision));
}

SpoolDelivery OfflineSpool::deliver(const QString &reference)
{
    SpoolDelivery delivery;
    Result<QList<SpooledEdit>> edits = waiting(reference);
    if (!edits) {
        delivery.held.append(edits.errorMessage());
        return delivery;
    }
    // Each edit is saved by a repository of its own program's instance, at the time it was typed.
    FixedClock typedAt(QDateTime::currentDateTimeUtc());
    std::map<QString, std::unique_ptr<ReferralRepository>> repositories;
    QSet<QString> held;
    QSet<QString> touched;
    for (const SpooledEdit &edit : std::as_const(*edits)) {
        if (held.contains(edit.reference))
            continue; // its later edits wait behind the one the server would not take
        touched.insert(edit.reference);
        const auto hold = [&](const QString &why) {
            held.insert(edit.reference);
            delivery.held.append(QStringLiteral("%1: %2").arg(edit.reference, why));
        };
        std::unique_ptr<ReferralRepository> &repository = repositories[edit.instance];
        if (!repository)
            repository = std::make_unique<ReferralRepository>(m_database, typedAt, m_calendar, edit.instance);
        Result<qint64> base = baseRevision(edit.reference);
        if (!base) {
            hold(base.errorMessage());
            continue;
        }
        Result<StoredReferral> stored = repository->load(edit.reference);
        if (!stored && stored.error().code == ErrorCode::Unreachable) {
            delivery.unreachable = stored.error();
            return delivery;
        }
        if (!stored) {
            hold(stored.errorMessage());
            continue;
        }
        qint64 revision = 0;
        if (stored->revision != *base) {
            if (!sameReferral(stored->referral, edit.referral)) {
                hold(QStringLiteral("changed on the server by %1 since this was typed; what was typed is kept on "
                                    "this computer and was not merged.")
                         .arg(stored->updatedBy));
                continue;
            }
            revision = stored->revision; // the server took it, and its answer was lost on the way
            ++delivery.alreadyThere;
        } else {
            typedAt.set(std::max(edit.at, stored->updatedAt));
            Result<SaveReceipt> saved = repository->save(edit.referral, *base, edit.actor);
            if (!saved && saved.error().code == ErrorCode::Unreachable) {
                delivery.unreachable = saved.error();
                return delivery;
            }
            if (!saved) {
                hold(saved.errorMessage());
                continue;
            }
            revision = saved->revision;
            ++delivery.sent;
        }
        delivery.revisions.insert(edit.reference, revision);
        m_delivered.insert(edit.reference, revision);
        if (Status s = setBaseRevision(edit.reference, revision); !s) {
            hold(s.errorMessage());
            continue;
        }
        if (!QFile::remove(QDir(m_folder).filePath(editFileName(edit.sequence))))
            hold(spoolError(m_folder, QStringLiteral("cannot forget an edit the server now holds")).message);
    }
    // A reference with nothing left to send needs no base any more.
    Result<QList<SpooledEdit>> left = waiting();
    if (left) {
        QSet<QString> waitingFor;
        for (const SpooledEdit &edit : std::as_const(*left))
            waitingFor.insert(edit.reference);
        for (const QString &ref : std::as_const(touched))
            if (!waitingFor.contains(ref))
                QFile::remove(QDir(m_folder).filePath(ref + baseSuffix));
    }
    return delivery;
}

} // namespace FrontDoor
