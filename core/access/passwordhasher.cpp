#include "access/passwordhasher.h"

#include <QStringList>

#include <sodium.h>

namespace FrontDoor {

namespace {

bool sodiumReady()
{
    static const bool ready = ::sodium_init() >= 0;
    return ready;
}

// Wipes the UTF-8 copy of a password when it goes out of scope.
struct SecretBytes
{
    explicit SecretBytes(const QString &text) : bytes(text.toUtf8()) {}
    ~SecretBytes() { ::sodium_memzero(bytes.data(), size_t(bytes.size())); }
    QByteArray bytes;
};

} // namespace

Result<QString> PasswordHasher::hash(const QString &password, const Cost &cost)
{
    if (!sodiumReady())
        return makeError(ErrorCode::Unsupported, QStringLiteral("The password library could not start."));
    const SecretBytes secret(password);
    char out[crypto_pwhash_STRBYTES];
    if (::crypto_pwhash_str_alg(out, secret.bytes.constData(), static_cast<unsigned long long>(secret.bytes.size()),
                                cost.passes, cost.memoryBytes, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError(ErrorCode::IoError,
                         QStringLiteral("There was not enough memory to protect the password; close other programs "
                                        "and try again."));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &storedHash, const QString &password)
{
    if (!sodiumReady())
        return false;
    const QByteArray stored = storedHash.toLatin1();
    const SecretBytes secret(password);
    return ::crypto_pwhash_str_verify(stored.constData(), secret.bytes.constData(),
                                      static_cast<unsigned long long>(secret.bytes.size()))
           == 0;
}

bool PasswordHasher::needsRehash(const QString &storedHash, const Cost &cost)
{
    if (!sodiumReady())
        return true;
    const QByteArray stored = storedHash.toLatin1();
    return ::crypto_pwhash_str_needs_rehash(stored.constData(), cost.passes, cost.memoryBytes) != 0;
}

namespace PasswordPolicy {

Status check(const QString &password, const QString &userName)
{
    if (password.size() < minimumLength)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("A password needs at least %1 characters; a short sentence is easy to "
                                        "remember.").arg(minimumLength));
    // The commonest choices that pass the length rule (from published breach lists), and this service's own words.
    static const QStringList common{
        QStringLiteral("password1234"), QStringLiteral("passwordpassword"), QStringLiteral("123456789012"),
        QStringLiteral("qwertyuiopas"), QStringLiteral("qwerty123456"), QStringLiteral("iloveyou1234"),
        QStringLiteral("welcome12345"), QStringLiteral("letmein12345"), QStringLiteral("administrator"),
        QStringLiteral("changeme1234"), QStringLiteral("password12345"), QStringLiteral("password123!"),
        QStringLiteral("abcdefghijkl"), QStringLiteral("111111111111"), QStringLiteral("000000000000"),
        QStringLiteral("frontdoor123"), QStringLiteral("frontdoor1234"), QStringLiteral("safeguarding"),
        QStringLiteral("safeguarding1"), QStringLiteral("norfolkcads1"), QStringLiteral("lincolnshire"),
        QStringLiteral("lincolnshire1"), QStringLiteral("childrenservices"), QStringLiteral("socialworker")};
    const QString folded = password.toCaseFolded();
    if (common.contains(folded))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("That password is one of the first that attackers try; choose another."));
    if (!userName.trimmed().isEmpty() && folded.contains(userName.trimmed().toCaseFolded()))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("A password must not contain the user's name."));
    return {};
}

} // namespace PasswordPolicy

} // namespace FrontDoor
