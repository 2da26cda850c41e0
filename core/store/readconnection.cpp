#include "store/readconnection.h"

#include "store/interruption.h"
#include "store/sealedvfs.h"

#include <sqlite3.h>

namespace FrontDoor {

ReadConnection::~ReadConnection()
{
    if (m_interruption)
        m_interruption->withdraw();
    sqlite3_close(m_db);
}

int ReadConnection::open(const QString &path, const std::shared_ptr<const SealingKey> &key, Interruption *interruption)
{
    QByteArray name = path.toUtf8();
    int flags = SQLITE_OPEN_READONLY;
    if (key) {
        if (!SealedVfs::ensureRegistered())
            return SQLITE_AUTH;
        m_sealing = std::make_unique<SealedVfs::Attachment>(key);
        name = SealedVfs::uri(path, m_sealing->token()).toUtf8();
        flags |= SQLITE_OPEN_URI;
    }
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK)
        return rc;
    m_interruption = interruption;
    if (m_interruption)
        m_interruption->publish(m_db);
    sqlite3_exec(m_db, "PRAGMA temp_store = MEMORY", nullptr, nullptr, nullptr);
    return SQLITE_OK;
}

QString ReadConnection::errorMessage() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("the encrypted file cannot be read here");
}

} // namespace FrontDoor
