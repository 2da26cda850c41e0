#pragma once

#include <QString>

namespace FrontDoor {

// What went wrong, for a person (message) and for code (code). Messages name the thing (a file, a field, a key
// path) and say what to do; they never contain the content of a referral.
enum class ErrorCode {
    InvalidInput, // the user's or a file's input is not acceptable
    NotFound,
    ParseError,  // malformed JSON or similar
    SchemaError, // well-formed but not what the schema allows
    IoError,     // the disk said no
    DatabaseError,
    DatabaseCorrupt,
    DatabaseBusy,
    DatabaseTooNew,
    PermissionDenied, // the acting user's role does not allow it
    Conflict,         // someone else holds it, or it already exists
    Unsupported,
    Unreachable, // team mode: the server cannot be reached now (a cable, a VPN, a restart)
};

struct Error
{
    ErrorCode code = ErrorCode::InvalidInput;
    QString message;
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace FrontDoor
