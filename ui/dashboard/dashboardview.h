#pragma once

#include "profile/profile.h"
#include "store/dashboardfigures.h"

#include <QWidget>

#include <functional>

class QChartView;
class QLabel;

namespace FrontDoor {

// What a front-door manager opens on Monday morning (issue 7): contacts per day over the last four weeks, the mix
// of outcomes, the overdue follow-up actions and the median time to a signed decision — drawn with Qt Charts, and
// said in one sentence beneath for a screen reader (a chart alone is not accessible).
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    using Reader = std::function<Result<DashboardFigures>()>;
    DashboardView(Reader reader, const Profile &profile, QWidget *parent = nullptr);
    void reload();
    QString summary() const;

private:
    // Each chart from the figures; returns its total (contacts, children with an outcome, overdue actions).
    int showContacts(const DashboardFigures &figures);
    int showOutcomes(const DashboardFigures &figures);
    int showOverdue(const DashboardFigures &figures);
    void show(const DashboardFigures &figures);

    Reader m_read;
    const Profile &m_profile; // not owned
    QChartView *m_contacts = nullptr;
    QChartView *m_outcomes = nullptr;
    QChartView *m_overdue = nullptr;
    QLabel *m_median = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace FrontDoor
