#pragma once

#include "common/clock.h"
#include "store/referralqueries.h"

#include <QAbstractTableModel>

#include <functional>

namespace FrontDoor {

// The supervisor's queue (issue 7): a table over the store's queue query, urgent first, then by next due time.
// Rows come a page at a time (canFetchMore/fetchMore), so 100,000 referrals open as fast as a hundred. The due
// state is said in words as well as colour — "OVERDUE", "due today", "due later" — never in colour alone.
class QueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Reference, Children, Received, Status, Urgency, NextDue, Handler, ColumnCount };
    enum class DueState { None, Overdue, DueToday, DueLater };
    static constexpr int pageSize = 200;

    // Reads a page of the queue for the signed-in person (the store applies the role's scope).
    using PageReader = std::function<Result<QList<ReferralSummary>>(const ReferralFilter &filter)>;
    QueueModel(PageReader reader, const Clock &clock, QObject *parent = nullptr);

    // A new filter: the model starts again from its first page.
    void setFilter(const ReferralFilter &filter);
    const ReferralFilter &filter() const { return m_filter; }
    // Rows from a search instead of the filter (empty text: back to the filter).
    using Searcher = std::function<Result<QList<ReferralSummary>>(const QString &text)>;
    void setSearcher(Searcher searcher) { m_search = std::move(searcher); }
    void search(const QString &text);
    // The last read's error, or empty: shown above the table, never a pop-up.
    QString lastError() const { return m_error; }

    const ReferralSummary &summary(int row) const { return m_rows.at(row); }
    DueState dueState(const ReferralSummary &row) const;
    // A status as a supervisor or handler reads it ("Awaiting decision"), here and on the home screen.
    static QString statusWords(ReferralStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void readFailed(const QString &message);

private:
    void reload();
    Result<QList<ReferralSummary>> readPage(int offset) const;
    void failed(const QString &message);
    QString dueText(const ReferralSummary &row) const;

    PageReader m_read;
    Searcher m_search;
    const Clock &m_clock; // not owned
    ReferralFilter m_filter;
    QList<ReferralSummary> m_rows;
    bool m_more = false;
    bool m_inReset = false;
    QString m_error;
};

} // namespace FrontDoor
