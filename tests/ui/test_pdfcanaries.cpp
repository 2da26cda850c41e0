// Issue 8: the redaction property test on the PDFs themselves. 10,000 invented referrals with random caller types and
// identity decisions and a canary in every referrer field: each family notice is laid out as the PDF a family would
// receive, and where the decision forbids naming the referrer no canary is in it — not in its bytes (title and
// metadata included, every compressed stream inflated, in each encoding a PDF writes text in) and not in the text
// poppler's pdftotext reads from the pages. Where the referrer may be named, the same reading finds them: the check
// can fail. Label "slow": it takes about a minute.
#include <catch2/catch.hpp>

#include "support/referralbuilder.h"
#include "support/testsupport.h"

#include "documents/familynotice.h"
#include "documents/redactedreferral.h"
#include "documents/writtenrecord.h"
#include "referral/fields.h"
#include "render/pdfrenderer.h"
#include "training/syntheticreferrals.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

// The file itself and every stream in it inflated (Qt compresses page content and fonts with Flate).
QList<QByteArray> layersOf(const QByteArray &pdf)
{
    QList<QByteArray> layers{pdf};
    for (qsizetype at = pdf.indexOf("stream"); at >= 0; at = pdf.indexOf("stream", at + 1)) {
        if (at >= 3 && pdf.mid(at - 3, 3) == "end")
            continue;
        qsizetype start = at + 6;
        if (pdf.mid(start, 2) == "\r\n")
            start += 2;
        else if (pdf.mid(start, 1) == "\n")
            start += 1;
        else
            continue;
        const qsizetype end = pdf.indexOf("endstream", start);
        if (end < 0)
            break;
        QByteArray sized(4, '\0'); // qUncompress wants the inflated size first; a guess is enough, it grows
        qToBigEndian<quint32>(quint32(qMin<qsizetype>((end - start) * 8, 64 << 20)), sized.data());
        if (const QByteArray inflated = qUncompress(sized + pdf.mid(start, end - start)); !inflated.isEmpty())
            layers.append(inflated);
        at = end;
    }
    return layers;
}

// A string in each form a PDF writer may store it: as written, UTF-16BE (with or without a byte-order mark, as a
// PDF text string), and either as hexadecimal digits.
QList<QByteArray> encodingsOf(const QString &text)
{
    QByteArray utf16;
    for (const QChar c : text) {
        utf16.append(char(c.unicode() >> 8));
        utf16.append(char(c.unicode() & 0xff));
    }
    return {text.toUtf8(), utf16, text.toUtf8().toHex(), utf16.toHex(), utf16.toHex().toUpper()};
}

bool holds(const QList<QByteArray> &layers, const QString &canary)
{
    for (const QByteArray &encoded : encodingsOf(canary))
        for (const QByteArray &layer : layers)
            if (layer.contains(encoded))
                return true;
    return false;
}

// pdftotext over many files, two at a time (the machine's cores): file → text.
QHash<QString, QString> textOf(const QStringList &files)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    REQUIRE_FALSE(program.isEmpty());
    QHash<QString, QString> texts;
    for (qsizetype i = 0; i < files.size(); i += 2) {
        QList<QProcess *> running;
        for (qsizetype k = i; k < qMin(i + 2, files.size()); ++k) {
            auto *process = new QProcess;
            process->start(program, {files.at(k), QStringLiteral("-")});
            running.append(process);
        }
        for (qsizetype k = 0; k < running.size(); ++k) {
            REQUIRE(running.at(k)->waitForFinished(30000));
            texts.insert(files.at(i + k), QString::fromUtf8(running.at(k)->readAllStandardOutput()));
            delete running.at(k);
        }
    }
    return texts;
}

} // namespace

TEST_CASE("The PDF byte search finds what is there, in the title, the metadata and the compressed pages")
{
    Document document;
    document.title = QStringLiteral("Notice CanaryTitle7Zq");
    document.paragraphs = {QStringLiteral("A paragraph")};
    document.fileNameStem = QStringLiteral("notice");
    const QList<QByteArray> layers = layersOf(PdfRenderer::pdfBytes(document));
    CHECK(layers.size() > 1); // streams were found and inflated
    CHECK(holds(layers, QStringLiteral("CanaryTitle7Zq")));
    CHECK_FALSE(holds(layers, QStringLiteral("CanaryElsewhere8Zq")));
}

TEST_CASE("NOR-A1 LIN-A5: across 10,000 invented referrals, no family notice's PDF holds a referrer it may not name")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SyntheticReferrals synthetic(188);
    QRandomGenerator random(199);
    QHash<QString, QStringList> forbidden; // file → canaries that must not be in it
    QHash<QString, QString> allowed;       // file → the organisation, which must be in it
    for (int i = 0; i < 10'000; ++i) {
        const auto [r, profilePointer, canaries] = canaryReferral(synthetic, random, i);
        const Profile &profile = *profilePointer;
        const Document notice = familyNotice(RedactedReferral(r, Audience::Family), profile);
        const QByteArray pdf = PdfRenderer::pdfBytes(notice);
        const QString file = dir.filePath(QStringLiteral("%1.pdf").arg(i));
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        REQUIRE(out.write(pdf) == pdf.size());
        out.close();
        if (mayNameReferrer(r, Audience::Family)) {
            allowed.insert(file, canaries.at(4));
            continue;
        }
        forbidden.insert(file, canaries);
        const QList<QByteArray> layers = layersOf(pdf);
        for (const QString &canary : canaries)
            if (holds(layers, canary)) {
                INFO("referral " << i);
                FAIL("the family notice's PDF bytes hold " << canary.toStdString());
            }
    }
    REQUIRE(forbidden.size() > 5'000);
    REQUIRE(allowed.size() > 500);

    const QHash<QString, QString> texts = textOf(QDir(dir.path()).entryList({QStringLiteral("*.pdf")}, QDir::Files)
                                                     .replaceInStrings(QRegularExpression(QStringLiteral("^")),
                                                                       dir.path() + u'/'));
    int read = 0;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        const QString flat = QString(it.value()).replace(u'\n', u' '); // pdftotext breaks lines where the page does
        if (const auto canaries = forbidden.constFind(it.key()); canaries != forbidden.cend()) {
            for (const QString &canary : *canaries)
                if (flat.contains(canary)) {
                    INFO(it.key().toStdString());
                    FAIL("the family notice reads " << canary.toStdString());
                }
            read += flat.contains(QStringLiteral("referral")) ? 1 : 0; // the text was really read
        } else {
            CHECK(flat.contains(allowed.value(it.key()))); // where naming is allowed, the reading finds them
        }
    }
    CHECK(read == forbidden.size());
}
