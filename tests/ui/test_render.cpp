// Issue 8: documents laid out as PDF — what a family is sent holds only what the redacted content holds, in its
// text and its metadata, read back with poppler's pdftotext and pdfinfo as anyone receiving the file could.
#include <catch2/catch.hpp>

#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "documents/familynotice.h"
#include "documents/writtenrecord.h"
#include "referral/fields.h"
#include "render/pdfrenderer.h"

#include <QFile>
#include <QTemporaryDir>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

Referral anonymousNeighbourAbout(const QString &child)
{
    Referral r = draft(QStringLiteral("norfolk-cads"), child);
    give(r, Field::referrerType.toString(), QStringLiteral("memberOfPublic"));
    give(r, Field::identityDecision.toString(), QStringLiteral("notToFamily"));
    give(r, Field::referrerName.toString(), QStringLiteral("Zebedee Canaryneighbour"));
    give(r, Field::referrerAddress.toString(), QStringLiteral("7 Canary Row"));
    return r;
}

} // namespace

TEST_CASE("NOR-A1 LIN-A5: the family notice's PDF names the children and never the neighbour, metadata included")
{
    QTemporaryDir dir;
    const Referral r = anonymousNeighbourAbout(QStringLiteral("Ada Testchild"));
    const Document notice = familyNotice(RedactedReferral(r, Audience::Family), norfolk());
    const QString path = dir.filePath(notice.fileNameStem + QStringLiteral(".pdf"));
    REQUIRE(PdfRenderer::writePdf(notice, path));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == QByteArrayLiteral("%PDF-"));

    const QString text = readPdfWith("pdftotext", path);
    CHECK(text.contains(QStringLiteral("Ada Testchild"))); // the reading back works …
    CHECK(text.contains(r.reference));
    CHECK_FALSE(text.contains(QStringLiteral("Canary"))); // … and the neighbour is not there
    const QString info = readPdfWith("pdfinfo", path);
    CHECK(info.contains(QStringLiteral("A referral has been made")));
    CHECK_FALSE(info.contains(QStringLiteral("Canary")));
    CHECK_FALSE(path.contains(QStringLiteral("Canary")));
}

TEST_CASE("The written record's PDF, internal, holds the referrer and what was not known")
{
    QTemporaryDir dir;
    Referral r = anonymousNeighbourAbout(QStringLiteral("Ada Testchild"));
    r.setAnswer(Field::referrerPhone, Answer::notKnown());
    const Document record = writtenRecord(r, norfolk(), {}, {});
    const QString path = dir.filePath(record.fileNameStem + QStringLiteral(".pdf"));
    REQUIRE(PdfRenderer::writePdf(record, path));
    const QString text = readPdfWith("pdftotext", path);
    CHECK(text.contains(QStringLiteral("Zebedee Canaryneighbour")));
    CHECK(text.contains(QStringLiteral("Not known")));
    CHECK(text.contains(QStringLiteral("INTERNAL")));
}
