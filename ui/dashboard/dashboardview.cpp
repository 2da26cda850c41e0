#include "dashboardview.h"

#include "theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QPieSeries>
#include <QValueAxis>

namespace FrontDoor {

namespace {

QChartView *chartView(const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessibleName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

QChart *titled(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

QString labelFor(const Profile &profile, const QString &listId, const QString &value)
{
    const OptionList *list = profile.optionList(listId);
    const ChoiceOption *option = list ? list->find(value) : nullptr;
    return option ? option->brief() : value;
}

} // namespace

DashboardView::DashboardView(Reader reader, const Profile &profile, QWidget *parent)
    : QWidget(parent), m_read(std::move(reader)), m_profile(profile)
{
    setObjectName(QStringLiteral("dashboardView"));
    m_contacts = chartView(QStringLiteral("contactsChart"), tr("Contacts per day"), this);
    m_outcomes = chartView(QStringLiteral("outcomesChart"), tr("Outcomes"), this);
    m_overdue = chartView(QStringLiteral("overdueChart"), tr("Overdue follow-up actions"), this);
    m_median = new QLabel(this);
    m_median->setObjectName(QStringLiteral("medianToDecision"));
    m_median->setAlignment(Qt::AlignCenter);
    m_median->setTextFormat(Qt::RichText);
    Theme::setKind(m_median, Theme::Kind::prompt);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setWordWrap(true);

    auto *grid = new QGridLayout(this);
    grid->addWidget(new QLabel(tr("<h2>%1 — the last four weeks</h2>").arg(profile.name.toHtmlEscaped()), this), 0, 0, 1, 2);
    grid->addWidget(m_contacts, 1, 0, 1, 2);
    grid->addWidget(m_outcomes, 2, 0);
    grid->addWidget(m_overdue, 2, 1);
    grid->addWidget(m_median, 3, 0, 1, 2);
    grid->addWidget(m_summary, 4, 0, 1, 2);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    reload();
}

void DashboardView::reload()
{
    Result<DashboardFigures> figures = m_read();
    if (!figures) {
        m_summary->setText(tr("The figures could not be read: %1").arg(figures.errorMessage()));
        return;
    }
    show(*figures);
}

void DashboardView::show(const DashboardFigures &figures)
{
    const int contacts = showContacts(figures);
    const int children = showOutcomes(figures);
    const int late = showOverdue(figures);
    m_median->setText(figures.decisions
                          ? tr("<b>Median time from a call to its signed decision: %1 hours</b> (%2 decisions)")
                                .arg(figures.medianHoursToDecision, 0, 'f', 1)
                                .arg(figures.decisions)
                          : tr("<b>No decision was signed in these four weeks.</b>"));
    m_summary->setText(tr("In the last four weeks: %1 contacts; %2 children with an outcome; %3 follow-up actions "
                          "overdue now; %4.")
                           .arg(contacts)
                           .arg(children)
                           .arg(late)
                           .arg(figures.decisions ? tr("the median time to a signed decision was %1 hours")
                                                        .arg(figures.medianHoursToDecision, 0, 'f', 1)
                                                  : tr("no decision was signed")));
    m_summary->setAccessibleName(m_summary->text());
}

// Contacts per day: one bar a day, weekends as they fell.
int DashboardView::showContacts(const DashboardFigures &figures)
{
    auto *perDay = new QBarSet(tr("Contacts"));
    perDay->setColor(Theme::Palette::chart());
    QStringList days;
    int contacts = 0;
    for (const auto &[day, count] : figures.contactsPerDay) {
        *perDay << count;
        contacts += count;
        // The day of the month (a month's name would be cut under a bar); the months are in the title.
        days << QString::number(day.day());
    }
    auto *daySeries = new QBarSeries;
    daySeries->append(perDay);
    const QString from = figures.contactsPerDay.isEmpty()
                             ? QString()
                             : figures.contactsPerDay.constFirst().first.toString(QStringLiteral("d MMMM"));
    const QString to = figures.contactsPerDay.isEmpty()
                           ? QString()
                           : figures.contactsPerDay.constLast().first.toString(QStringLiteral("d MMMM yyyy"));
    QChart *contactsChart
        = titled(from.isEmpty() ? tr("Contacts per day") : tr("Contacts per day, %1 to %2").arg(from, to));
    contactsChart->addSeries(daySeries);
    auto *dayAxis = new QBarCategoryAxis;
    dayAxis->append(days);
    contactsChart->addAxis(dayAxis, Qt::AlignBottom);
    daySeries->attachAxis(dayAxis);
    int busiest = 1;
    for (const auto &[day, count] : figures.contactsPerDay)
        busiest = std::max(busiest, count);
    auto *countAxis = new QValueAxis;
    countAxis->setLabelFormat(QStringLiteral("%d"));
    countAxis->setRange(0, busiest);
    countAxis->setTickType(QValueAxis::TicksDynamic); // whole contacts only
    countAxis->setTickAnchor(0);
    countAxis->setTickInterval(std::max(1, (busiest + 5) / 6));
    contactsChart->addAxis(countAxis, Qt::AlignLeft);
    daySeries->attachAxis(countAxis);
    m_contacts->setChart(contactsChart); // the view owns the chart, and deletes the one before
    return contacts;
}

// Outcomes: a pie, each slice labelled in words and numbers, never colour alone.
int DashboardView::showOutcomes(const DashboardFigures &figures)
{
    auto *pie = new QPieSeries;
    int children = 0;
    for (const auto &[outcome, count] : figures.outcomes) {
        QPieSlice *slice = pie->append(QStringLiteral("%1 (%2)").arg(labelFor(m_profile, m_profile.outcomeList, outcome)).arg(count),
                                       count);
        slice->setLabelVisible(true);
        children += count;
    }
    QChart *outcomesChart = titled(children ? tr("Outcomes (%1 children)").arg(children) : tr("Outcomes: none decided yet"));
    outcomesChart->addSeries(pie);
    m_outcomes->setChart(outcomesChart);
    return children;
}

// Overdue follow-up actions by kind: red, and labelled.
int DashboardView::showOverdue(const DashboardFigures &figures)
{
    auto *overdue = new QBarSet(tr("Overdue"));
    overdue->setColor(Theme::Palette::urgent());
    QStringList kinds;
    int late = 0;
    for (const auto &[kind, count] : figures.overdue) {
        const Timescale *timescale = m_profile.timescale(kind);
        kinds << (timescale ? timescale->brief() : kind);
        *overdue << count;
        late += count;
    }
    auto *overdueSeries = new QHorizontalBarSeries;
    overdueSeries->append(overdue);
    overdueSeries->setLabelsVisible(true);
    QChart *overdueChart = titled(late ? tr("Overdue follow-up actions: %1").arg(late) : tr("No follow-up action is overdue"));
    overdueChart->addSeries(overdueSeries);
    auto *kindAxis = new QBarCategoryAxis;
    kindAxis->append(kinds);
    overdueChart->addAxis(kindAxis, Qt::AlignLeft);
    overdueSeries->attachAxis(kindAxis);
    m_overdue->setChart(overdueChart);
    return late;
}

QString DashboardView::summary() const
{
    return m_summary->text();
}

} // namespace FrontDoor
