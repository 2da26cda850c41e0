// The wrapped keys of an encrypted database (issue 20): what opens it, what does not, and what the file beside it
// shows to someone who has not signed in.
#include "storefixture.h"

#include "store/keyring.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

#include <sodium.h>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

bool sameKey(const SealingKey &a, const SealingKey &b)
{
    return sodium_memcmp(a.key(), b.key(), SealingKey::keyBytes) == 0 && a.fileId() == b.fileId();
}

} // namespace

TEST_CASE("A key ring opens with each account's own password or the recovery key, and with nothing else")
{
    const QString password = QStringLiteral("correct horse battery staple");
    Result<KeyRing::Created> created = KeyRing::create(QStringLiteral("sam.supervisor"), password, cheapHashing);
    REQUIRE(created);
    KeyRing &ring = created->ring;
    CHECK(ring.wraps() == 2);
    CHECK(created->recoveryKey.size() >= 60); // 256 bits in groups of four, typed back by IG if ever needed

    Result<std::shared_ptr<SealingKey>> opened = ring.unwrap(QStringLiteral("sam.supervisor"), password);
    REQUIRE(opened);
    CHECK(sameKey(**opened, *created->key));
    CHECK_FALSE(ring.unwrap(QStringLiteral("sam.supervisor"), password + QLatin1Char('!')));
    CHECK_FALSE(ring.unwrap(QStringLiteral("someone.else"), password));
    CHECK(ring.unwrap(QStringLiteral("sam.supervisor"), QStringLiteral("wrong"))
              .errorMessage()
              .contains(QLatin1String("does not open")));

    // The recovery key as IG might type it back: lower case, spaces instead of dashes.
    QString typed = created->recoveryKey.toLower();
    typed.replace(u'-', u' ');
    Result<std::shared_ptr<SealingKey>> recovered = ring.unwrapWithRecoveryKey(typed);
    REQUIRE(recovered);
    CHECK(sameKey(**recovered, *created->key));
    QString mistyped = created->recoveryKey;
    mistyped[3] = mistyped.at(3) == u'A' ? u'B' : u'A';
    CHECK_FALSE(ring.unwrapWithRecoveryKey(mistyped));

    // Another account added, a password reset, an account disabled.
    REQUIRE(
        ring.wrapFor(QStringLiteral("carl.handler"), QStringLiteral("another long password"), **opened, cheapHashing));
    CHECK(ring.unwrap(QStringLiteral("carl.handler"), QStringLiteral("another long password")));
    REQUIRE(
        ring.wrapFor(QStringLiteral("carl.handler"), QStringLiteral("a reset password here"), **opened, cheapHashing));
    CHECK_FALSE(ring.unwrap(QStringLiteral("carl.handler"), QStringLiteral("another long password")));
    CHECK(ring.unwrap(QStringLiteral("carl.handler"), QStringLiteral("a reset password here")));
    ring.remove(QStringLiteral("carl.handler"));
    CHECK_FALSE(ring.holds(QStringLiteral("carl.handler")));
    CHECK_FALSE(ring.unwrap(QStringLiteral("carl.handler"), QStringLiteral("a reset password here")));
    CHECK(ring.unwrap(QStringLiteral("sam.supervisor"), password));

    // A copy's ring opens to the same key for the copy's own file id.
    const QByteArray copyId = SealingKey::newFileId();
    Result<std::shared_ptr<SealingKey>> forCopy
        = ring.forCopy(copyId).unwrap(QStringLiteral("sam.supervisor"), password);
    REQUIRE(forCopy);
    CHECK((*forCopy)->fileId() == copyId);
    CHECK(sodium_memcmp((*forCopy)->key(), created->key->key(), SealingKey::keyBytes) == 0);
}

TEST_CASE("The key file names nobody and holds no key in the clear, is owner-only, and a damaged one opens nothing")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("frontdoor.sqlite.keys"));
    const QString password = QStringLiteral("correct horse battery staple");
    Result<KeyRing::Created> created = KeyRing::create(QStringLiteral("sam.supervisor"), password, cheapHashing);
    REQUIRE(created);
    REQUIRE(created->ring.save(path));
    QFile file(path);
    CHECK(file.permissions()
          == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    CHECK_FALSE(bytes.contains("sam"));
    CHECK_FALSE(bytes.contains(QByteArray(reinterpret_cast<const char *>(created->key->key()), SealingKey::keyBytes)));
    CHECK_FALSE(bytes.contains(
        QByteArray(reinterpret_cast<const char *>(created->key->key()), SealingKey::keyBytes).toBase64()));
    CHECK_FALSE(bytes.contains(created->recoveryKey.toLatin1()));

    Result<KeyRing> loaded = KeyRing::load(path);
    REQUIRE(loaded);
    CHECK(loaded->fileId() == created->ring.fileId());
    REQUIRE(loaded->unwrap(QStringLiteral("sam.supervisor"), password));

    SECTION("a flipped character in a sealed key")
    {
        QByteArray damaged = bytes;
        for (qsizetype at = damaged.indexOf("\"sealed\": \""); at >= 0;
             at = damaged.indexOf("\"sealed\": \"", at + 1)) // every wrap's
            damaged[at + 12] = damaged.at(at + 12) == 'A' ? 'B' : 'A';
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(damaged);
        file.close();
        Result<KeyRing> ring = KeyRing::load(path);
        const bool refused = !ring || !ring->unwrap(QStringLiteral("sam.supervisor"), password);
        CHECK(refused);
    }
    SECTION("not a key file, an absurd size, or missing")
    {
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"format\": \"something else\"}");
        file.close();
        CHECK(KeyRing::load(path).errorMessage().contains(QLatin1String("damaged")));
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(2 * 1024 * 1024, ' '));
        file.close();
        CHECK_FALSE(KeyRing::load(path));
        QFile::remove(path);
        CHECK(KeyRing::load(path).errorMessage().contains(QLatin1String("recovery key")));
    }
}

TEST_CASE("On an encrypted database the key ring follows the accounts: added, reset and disabled")
{
    qputenv("FRONTDOOR_TEST_KEY_PASSWORD", "an invented test password");
    StoreFixture f;
    qunsetenv("FRONTDOOR_TEST_KEY_PASSWORD");
    REQUIRE(f->database().isSealed());
    Store::Options cheap;
    cheap.passwordCost = cheapHashing;
    f.reopen(cheap);
    const QString ringPath = KeyRing::pathFor(f.path);
    const auto opens = [&](const QString &account, const QString &password) {
        Result<KeyRing> ring = KeyRing::load(ringPath);
        REQUIRE(ring);
        Result<std::shared_ptr<SealingKey>> key = ring->unwrap(account, password);
        return key && sodium_memcmp((*key)->key(), f.sealing->key(), SealingKey::keyBytes) == 0;
    };
    const QString rootPassword = QStringLiteral("an invented long password");
    firstSupervisor(f->accounts(), QStringLiteral("sam.supervisor"), rootPassword);
    CHECK(opens(QStringLiteral("root"), rootPassword));
    CHECK(opens(QStringLiteral("sam.supervisor"), rootPassword));
    const Actor admin{QStringLiteral("root"), Role::Administrator};
    REQUIRE(f->accounts().create(admin,
                                 QStringLiteral("carl.handler"),
                                 QStringLiteral("Carl Invented"),
                                 Role::CallHandler,
                                 QStringLiteral("first invented password")));
    CHECK(opens(QStringLiteral("carl.handler"), QStringLiteral("first invented password")));

    REQUIRE(
        f->accounts().resetPassword(admin, QStringLiteral("carl.handler"), QStringLiteral("reset invented password")));
    CHECK_FALSE(opens(QStringLiteral("carl.handler"), QStringLiteral("first invented password")));
    CHECK(opens(QStringLiteral("carl.handler"), QStringLiteral("reset invented password")));

    REQUIRE(f->accounts().disable(admin, QStringLiteral("carl.handler")));
    CHECK_FALSE(opens(QStringLiteral("carl.handler"), QStringLiteral("reset invented password")));
    CHECK(opens(QStringLiteral("root"), rootPassword)); // everyone else's wraps stay
}
