#pragma once

#include <QDateTime>
#include <QString>

namespace FrontDoor {

class Accounts;

// "Timed, dated and signed" (NOR-D2): proof that a person re-entered their password just now. Only Accounts can
// make one (Accounts::sign), so a caller cannot sign on someone's behalf; the store accepts it for a short while.
class Signature
{
public:
    static constexpr qint64 validMsecs = 2 * 60 * 1000;

    const QString &userId() const { return m_userId; }
    const QDateTime &at() const { return m_at; }
    bool isValidFor(const QString &userId, const QDateTime &now) const
    {
        return userId == m_userId && m_at.isValid() && m_at <= now && m_at.msecsTo(now) <= validMsecs;
    }

private:
    friend class Accounts;
    Signature(QString userId, QDateTime at) : m_userId(std::move(userId)), m_at(std::move(at)) {}

    QString m_userId;
    QDateTime m_at;
};

} // namespace FrontDoor
