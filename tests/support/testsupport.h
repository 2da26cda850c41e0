#pragma once

#include <QByteArray>
#include <QMap>
#include <QStringList>

namespace FrontDoorTest {

// The folder tests/ in the source tree (fixtures live under it).
QString sourceDir();
// The built frontdoor executable, for tests that drive the command line.
QString executable();
// Reads a whole file as UTF-8; empty when it cannot be read.
QString readText(const QString &path);

// A PDF read back with poppler as anyone receiving it could: `tool` is "pdftotext" (the text) or "pdfinfo" (the
// metadata). Fails the test when poppler-utils is missing (scripts/frontdoor.sh installs it).
QString readPdfWith(const char *tool, const QString &pdf);

// One run of the built `frontdoor`, as CI runs it: no display, no standard input.
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    QString outText() const { return QString::fromUtf8(out); }
};
// `environment` adds to (or replaces in) this process's environment, e.g. XDG_CONFIG_DIRS for deployed settings.
Run runFrontDoor(const QStringList &arguments, const QByteArray &standardInput = {},
                 const QMap<QString, QString> &environment = {});

} // namespace FrontDoorTest
