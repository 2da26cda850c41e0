// Passwords (issue 5: accounts): Argon2id through libsodium, at least 12 characters, not a common one.

#include <catch2/catch.hpp>

#include "access/passwordhasher.h"

using namespace FrontDoor;

namespace {
// Tests use a cheap cost; the real one is measured by bench_password.
const PasswordHasher::Cost cheap{1, 8 * 1024 * 1024};
} // namespace

TEST_CASE("A password is stored as an Argon2id string that verifies it and nothing else")
{
    const QString password = QStringLiteral("correct horse battery staple");
    Result<QString> stored = PasswordHasher::hash(password, cheap);
    REQUIRE(stored);
    CHECK(stored->startsWith(QStringLiteral("$argon2id$v=19$m=8192,t=1")));
    CHECK_FALSE(stored->contains(password));
    CHECK(PasswordHasher::verify(*stored, password));
    CHECK_FALSE(PasswordHasher::verify(*stored, QStringLiteral("correct horse battery stapl")));
    CHECK_FALSE(PasswordHasher::verify(*stored, QString()));
    CHECK_FALSE(PasswordHasher::verify(QStringLiteral("not a hash"), password));
    // The same password twice gives two different strings (a fresh salt each time).
    CHECK(*PasswordHasher::hash(password, cheap) != *stored);
}

TEST_CASE("Any Unicode password works, and a hash made with a cheaper cost asks to be redone")
{
    const QString password = QStringLiteral("Zoë’s café – 子供 🔒 long enough");
    Result<QString> stored = PasswordHasher::hash(password, cheap);
    REQUIRE(stored);
    CHECK(PasswordHasher::verify(*stored, password));
    CHECK(PasswordHasher::needsRehash(*stored, PasswordHasher::Cost{}));
    CHECK_FALSE(PasswordHasher::needsRehash(*stored, cheap));
}

TEST_CASE("The default cost is at least OWASP's Argon2id floor (19 MiB, 2 passes)")
{
    const PasswordHasher::Cost cost;
    CHECK(cost.memoryBytes >= size_t(19) * 1024 * 1024);
    CHECK(cost.passes >= 2);
}

TEST_CASE("A new password needs 12 characters, must not be a common one, nor hold the user's name")
{
    CHECK_FALSE(PasswordPolicy::check(QStringLiteral("short"), QStringLiteral("ada")));
    CHECK_FALSE(PasswordPolicy::check(QStringLiteral("elevenchars"), QStringLiteral("ada")));
    CHECK_FALSE(PasswordPolicy::check(QStringLiteral("Password1234"), QStringLiteral("ada")));
    CHECK_FALSE(PasswordPolicy::check(QStringLiteral("Safeguarding"), QStringLiteral("ada")));
    const Status named = PasswordPolicy::check(QStringLiteral("my name is priyanka"), QStringLiteral("Priyanka"));
    REQUIRE_FALSE(named);
    CHECK(named.errorMessage().contains(QStringLiteral("name")));
    CHECK(PasswordPolicy::check(QStringLiteral("twelve chars"), QStringLiteral("ada")));
    CHECK(PasswordPolicy::check(QStringLiteral("kettle on the windowsill at dawn"), QStringLiteral("ada")));
}
