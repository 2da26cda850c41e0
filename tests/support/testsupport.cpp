#include "support/testsupport.h"

#include <QFile>

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

} // namespace FrontDoorTest
