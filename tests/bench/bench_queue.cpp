// The supervisor's queue at scale (issue 7): N invented referrals (default 100,000, with due times), then the real
// QueueView offscreen — open to its first rows, a filter change, a search — each the median of many.
// Targets: 200 ms, 100 ms, 30 ms. Prints figures; asserts nothing about time. Usage: bench_queue [N]

#include "benchseed.h"
#include "profile/profileloader.h"
#include "queue/queueview.h"
#include "store/store.h"
#include "theme.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace FrontDoor;

namespace {

double median(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return ms.empty() ? 0 : ms[ms.size() / 2];
}

double sinceMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Theme::apply(app);
    QTextStream out(stdout);
    const int total = argc > 1 ? std::max(100, QString::fromLocal8Bit(argv[1]).toInt()) : 100'000;
    const int runs = total >= 10'000 ? 31 : 5;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    const Profile profile = ProfileLoader::byId(QStringLiteral("norfolk-cads")).value();
    const Actor supervisor{QStringLiteral("u-bench"), Role::Supervisor};

    out << "bench_queue: " << total << " referrals\n";
    std::unique_ptr<Store> store = std::move(Store::open(path).value());
    Result<FrontDoorBench::Seeded> seeded = FrontDoorBench::seed(*store, profile, supervisor, total, true, out);
    if (!seeded) {
        out << "seeding failed: " << seeded.errorMessage() << '\n';
        return 2;
    }
    store.reset();
    store = std::move(Store::open(path).value()); // the store's own settings again (WAL, synchronous=FULL)
    const auto reader = [&store, &supervisor](const ReferralFilter &filter) {
        return store->queries().list(filter, supervisor);
    };
    const auto searcher = [&store, &supervisor](const QString &text) { return store->queries().search(text, supervisor); };

    std::vector<double> opened;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        QueueView view(reader, searcher, supervisor.userId, store->clock());
        view.choose(QueueView::Show::All);
        view.resize(1366, 700);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return 2;
        opened.push_back(sinceMs(timer));
    }

    QueueView view(reader, searcher, supervisor.userId, store->clock());
    view.resize(1366, 700);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return 2;
    auto *show = view.findChild<QComboBox *>(QStringLiteral("queueShow"));
    std::vector<double> filtered;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        show->setCurrentIndex((show->currentIndex() + 1) % show->count());
        QApplication::processEvents();
        filtered.push_back(sinceMs(timer));
    }

    std::vector<double> searched;
    const QStringList &names = seeded->names;
    for (int i = 0; i < std::max(runs, 100); ++i) {
        const QString name = names.at(i % names.size());
        const QString text = i % 2 ? name : name.section(u' ', 0, 0).left(3);
        QElapsedTimer timer;
        timer.start();
        view.model().search(text);
        searched.push_back(sinceMs(timer));
    }

    out << "queue open to its first rows on screen: median " << median(opened) << " ms (target 200 ms)\n";
    out << "filter change (urgent, overdue, awaiting decision, ... all): median " << median(filtered)
        << " ms (target 100 ms)\n";
    out << "search into the queue (a name, a first-name prefix): median " << median(searched) << " ms (target 30 ms)\n";
    return 0;
}
