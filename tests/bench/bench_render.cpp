// Issue 8: the written record of a large referral (10 children, 20 adults, every question answered or addressed)
// rendered to PDF — target ≤ 300 ms. Prints medians; asserts nothing about time. Usage: bench_render [RUNS]
// With --keep DIR, leaves the written record and a family notice as PDFs there, to look at.

#include "documents/familynotice.h"
#include "documents/writtenrecord.h"
#include "profile/profileloader.h"
#include "render/pdfrenderer.h"
#include "rules/evaluator.h"
#include "training/syntheticreferrals.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace FrontDoor;

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int runs = args.size() > 1 && !args.at(1).startsWith(u'-') ? std::max(1, args.at(1).toInt()) : 21;
    const qsizetype keepAt = args.indexOf(QStringLiteral("--keep"));
    QTemporaryDir temporary;
    const QString folder = keepAt > 0 && keepAt + 1 < args.size() ? args.at(keepAt + 1) : temporary.path();
    QDir().mkpath(folder);

    const Profile profile = ProfileLoader::byId(QStringLiteral("norfolk-cads")).value();
    SyntheticReferrals synthetic(12);
    SyntheticReferrals::Shape large;
    large.minChildren = large.maxChildren = 10;
    large.minAdults = large.maxAdults = 20;
    large.answeredShare = 1.0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Referral referral = synthetic.next(profile, now, large);
    referral.reference = QStringLiteral("NOR-2026-000123");
    const Findings outstanding = withSeverity(evaluate(referral, profile, now), Severity::Outstanding);

    std::vector<double> ms;
    int pages = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Document record = writtenRecord(referral, profile, outstanding, {});
        if (!PdfRenderer::writePdf(record, QDir(folder).filePath(record.fileNameStem + QStringLiteral(".pdf"))))
            return 2;
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        pages = int(record.paragraphs.size());
    }
    const Document notice = familyNotice(RedactedReferral(referral, Audience::Family), profile);
    if (!PdfRenderer::writePdf(notice, QDir(folder).filePath(notice.fileNameStem + QStringLiteral(".pdf"))))
        return 2;
    std::sort(ms.begin(), ms.end());
    QTextStream(stdout) << "written record of a large referral (10 children, 20 adults, " << pages
                        << " lines) to PDF: median " << ms[ms.size() / 2] << " ms, worst " << ms.back()
                        << " ms (target 300 ms; " << runs << " runs)\n";
    return 0;
}
