#include "unfinishedcalls.h"

#include "theme.h"

#include "common/uktime.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace FrontDoor {

UnfinishedCallsView::UnfinishedCallsView(Source source, QWidget *parent) : QWidget(parent), m_source(std::move(source))
{
    setObjectName(QStringLiteral("unfinishedCallsView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<h2>Unfinished calls</h2>"), this));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("unfinishedCalls"));
    m_list->setAccessibleName(tr("Unfinished calls"));
    setFocusProxy(m_list);
    layout->addWidget(m_list);
    const auto open = [this](QListWidgetItem *item) {
        const QString reference = item->data(Qt::UserRole).toString();
        if (!reference.isEmpty())
            emit openRequested(reference);
    };
    connect(m_list, &QListWidget::itemActivated, this, open);
    reload();
}

void UnfinishedCallsView::reload()
{
    m_list->clear();
    const QList<UnfinishedCall> calls = m_source();
    for (const UnfinishedCall &call : calls) {
        auto *item = new QListWidgetItem(tr("%1%2 — %3 — started %4 — %5 must, %6 to ask")
                                             .arg(call.urgent ? tr("⚠ URGENT ") : QString(),
                                                  call.reference,
                                                  call.children.isEmpty() ? tr("no child named yet") : call.children,
                                                  UkTime::text(call.callStartedAt, QStringLiteral("ddd d MMM HH:mm")))
                                             .arg(call.blocking)
                                             .arg(call.outstanding),
                                         m_list);
        item->setData(Qt::UserRole, call.reference);
        if (call.urgent || call.blocking > 0)
            item->setForeground(Theme::Palette::urgent());
    }
    if (calls.isEmpty()) {
        auto *none = new QListWidgetItem(tr("None — every call you took has been submitted."), m_list);
        none->setFlags(Qt::NoItemFlags);
    }
}

int UnfinishedCallsView::count() const
{
    int n = 0;
    for (int i = 0; i < m_list->count(); ++i)
        n += m_list->item(i)->data(Qt::UserRole).toString().isEmpty() ? 0 : 1;
    return n;
}

} // namespace FrontDoor
