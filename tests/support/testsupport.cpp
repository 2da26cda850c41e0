#include "support/testsupport.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QStandardPaths>
#include <QProcess>
#include <QProcessEnvironment>

namespace FrontDoorTest {

QString sourceDir()
{
#ifdef FRONTDOOR_TEST_DATA_DIR
    return QStringLiteral(FRONTDOOR_TEST_DATA_DIR);
#else
    return {};
#endif
}

QString executable()
{
#ifdef FRONTDOOR_EXECUTABLE
    return QStringLiteral(FRONTDOOR_EXECUTABLE);
#else
    return {};
#endif
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString readPdfWith(const char *tool, const QString &pdf)
{
    const QString program = QStandardPaths::findExecutable(QString::fromLatin1(tool));
    REQUIRE_FALSE(program.isEmpty());
    QProcess process;
    const bool text = QLatin1String(tool) == QLatin1String("pdftotext"); // to standard output: "-"
    process.start(program, text ? QStringList{pdf, QStringLiteral("-")} : QStringList{pdf});
    REQUIRE(process.waitForFinished(30000));
    return QString::fromUtf8(process.readAllStandardOutput());
}

Run runFrontDoor(const QStringList &arguments, const QByteArray &standardInput, const QMap<QString, QString> &environment)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), it.value());
    env.remove(QStringLiteral("DISPLAY")); // the command line must not need a display
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(executable(), arguments);
    if (!standardInput.isEmpty())
        process.write(standardInput);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return Run{process.exitCode(), process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace FrontDoorTest
