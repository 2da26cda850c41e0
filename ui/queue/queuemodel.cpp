#include "queuemodel.h"

#include "theme.h"

#include "common/uktime.h"

#include <QBrush>
#include <QColor>
#include <QTimeZone>

namespace FrontDoor {

QString QueueModel::statusWords(ReferralStatus status)
{
    switch (status) {
    case ReferralStatus::Draft: return tr("Draft — call in progress");
    case ReferralStatus::Submitted: return tr("Awaiting decision");
    case ReferralStatus::Decided: return tr("Decided");
    case ReferralStatus::Closed: return tr("Closed");
    case ReferralStatus::Discarded: return tr("Discarded — started by mistake");
    }
    return {};
}

QueueModel::QueueModel(PageReader reader, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent), m_read(std::move(reader)), m_clock(clock)
{
    m_filter.limit = pageSize;
    reload();
}

void QueueModel::setFilter(const ReferralFilter &filter)
{
    m_filter = filter;
    m_filter.offset = 0;
    m_filter.limit = pageSize;
    reload();
}

void QueueModel::search(const QString &text)
{
    if (text.trimmed().isEmpty() || !m_search) {
        setFilter(m_filter);
        return;
    }
    beginResetModel();
    m_more = false;
    Result<QList<ReferralSummary>> found = m_search(text);
    m_rows = found ? *found : QList<ReferralSummary>();
    m_error = found ? QString() : found.errorMessage();
    endResetModel();
    if (!found)
        emit readFailed(m_error);
}

// One reset with the first page inside it: a view (or Qt's model tester) that fetches during the reset's
// notification then finds a settled model.
void QueueModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_error.clear();
    Result<QList<ReferralSummary>> first = readPage(0);
    if (first)
        m_rows = *first;
    m_more = first && first->size() == pageSize;
    m_inReset = true; // listeners of modelReset (Qt's model tester among them) may ask for more inside it
    endResetModel();
    m_inReset = false;
    if (!first)
        failed(first.errorMessage());
}

Result<QList<ReferralSummary>> QueueModel::readPage(int offset) const
{
    ReferralFilter page = m_filter;
    page.offset = offset;
    page.limit = pageSize;
    return m_read(page);
}

void QueueModel::failed(const QString &message)
{
    m_more = false;
    m_error = message;
    emit readFailed(m_error);
}

bool QueueModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_inReset;
}

void QueueModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_more || m_inReset)
        return;
    Result<QList<ReferralSummary>> rows = readPage(int(m_rows.size()));
    if (!rows) {
        failed(rows.errorMessage());
        return;
    }
    m_more = rows->size() == pageSize;
    if (rows->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows->size() - 1));
    m_rows.append(*rows);
    endInsertRows();
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QueueModel::DueState QueueModel::dueState(const ReferralSummary &row) const
{
    if (!row.nextDue.isValid())
        return DueState::None;
    const QDateTime now = m_clock.now();
    if (row.nextDue < now)
        return DueState::Overdue;
    return UkTime::of(row.nextDue).date() == UkTime::of(now).date() ? DueState::DueToday : DueState::DueLater;
}

QString QueueModel::dueText(const ReferralSummary &row) const
{
    const QDateTime due = UkTime::of(row.nextDue);
    switch (dueState(row)) {
    case DueState::None: return tr("—");
    case DueState::Overdue: return tr("OVERDUE — was due %1").arg(due.toString(QStringLiteral("ddd d MMM HH:mm")));
    case DueState::DueToday: return tr("Due today %1").arg(due.toString(QStringLiteral("HH:mm")));
    case DueState::DueLater: return tr("Due %1").arg(due.toString(QStringLiteral("ddd d MMM HH:mm")));
    }
    return {};
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const ReferralSummary &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (Column(index.column())) {
        case Reference: return row.reference;
        case Children: return row.children.isEmpty() ? tr("no child named yet") : row.children;
        case Received:
            return UkTime::of(row.callStartedAt).toString(QStringLiteral("ddd d MMM yyyy HH:mm"));
        case Status: return statusWords(row.status);
        case Urgency: return row.urgent ? tr("URGENT") : QString();
        case NextDue: return dueText(row);
        case Handler: return row.handler;
        case ColumnCount: break;
        }
    }
    if (role == Qt::ForegroundRole) {
        if (index.column() == Urgency && row.urgent)
            return QBrush(Theme::Palette::urgent());
        if (index.column() == NextDue && dueState(row) == DueState::Overdue)
            return QBrush(Theme::Palette::urgent());
        if (index.column() == NextDue && dueState(row) == DueState::DueToday)
            return QBrush(Theme::Palette::dueSoon());
    }
    if (role == Qt::UserRole)
        return row.reference;
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Reference: return tr("Reference");
    case Children: return tr("Children");
    case Received: return tr("Received");
    case Status: return tr("Status");
    case Urgency: return tr("Urgency");
    case NextDue: return tr("Next due");
    case Handler: return tr("Handler");
    case ColumnCount: break;
    }
    return {};
}

} // namespace FrontDoor
