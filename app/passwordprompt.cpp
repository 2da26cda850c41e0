#include "passwordprompt.h"

#include <cstdio>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace FrontDoor::PasswordPrompt {

QString read(const QString &prompt, bool *ok)
{
    const bool terminal = ::isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "%s: ", prompt.toLocal8Bit().constData());
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    std::string line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(char(c));
    *ok = !(c == EOF && line.empty());
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputc('\n', stderr);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    const QString password = QString::fromUtf8(line.data(), qsizetype(line.size()));
    std::fill(line.begin(), line.end(), '\0');
    return password;
}

Result<QString> readNew()
{
    bool ok = false;
    const QString first = read(QStringLiteral("New password"), &ok);
    if (!ok)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no password was given."));
    const QString second = read(QStringLiteral("The same password again"), &ok);
    if (!ok || first != second)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the two passwords are not the same; nothing was changed."));
    return first;
}

} // namespace FrontDoor::PasswordPrompt
