#include "stilltoaskpanel.h"

#include "theme.h"

#include <QLabel>
#include <QListWidget>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace FrontDoor {

namespace {

// The panel is titled "Still to ask": the core's own "Still to ask: " before each item would say it twice.
QString shownMessage(const Finding &finding)
{
    static const QString prefix = QStringLiteral("Still to ask: ");
    return finding.message.startsWith(prefix) ? finding.message.mid(prefix.size()) : finding.message;
}

// "Child c2: " for an item on a person's card, so two children's "Full name" are told apart.
QString whoseItem(const QString &path)
{
    static const QRegularExpression person(QStringLiteral("^(children|adults)\\[([^\\]]+)\\]"));
    const QRegularExpressionMatch match = person.match(path);
    if (!match.hasMatch())
        return {};
    return (match.captured(1) == QLatin1String("children") ? StillToAskPanel::tr("Child %1: ")
                                                           : StillToAskPanel::tr("Adult %1: "))
        .arg(match.captured(2).mid(1)); // ids are "c1", "a3": the card says "Child 1"
}

} // namespace

StillToAskPanel::StillToAskPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("stillToAsk"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h3>Still to ask</h3>"), this));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("stillToAskSummary"));
    m_summary->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("stillToAskList"));
    m_list->setAccessibleName(tr("Still to ask"));
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    const auto jump = [this](QListWidgetItem *item) { emit jumpTo(item->data(Qt::UserRole).toString()); };
    connect(m_list, &QListWidget::itemActivated, this, jump);
    connect(m_list, &QListWidget::itemClicked, this, jump);
}

void StillToAskPanel::takeFocus()
{
    m_list->setFocus();
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void StillToAskPanel::show(const Findings &findings)
{
    m_list->clear();
    m_blocking = 0;
    m_outstanding = 0;
    for (Severity severity : {Severity::Blocking, Severity::Outstanding}) {
        for (const Finding &finding : findings) {
            if (finding.severity != severity)
                continue;
            const bool blocking = severity == Severity::Blocking;
            (blocking ? m_blocking : m_outstanding) += 1;
            auto *item = new QListWidgetItem(
                QStringLiteral("%1 %2%3 — %4")
                    .arg(blocking ? tr("⚠ MUST:") : tr("•"), whoseItem(finding.path), shownMessage(finding), finding.ruleId),
                m_list);
            item->setData(Qt::UserRole, finding.path);
            item->setData(Qt::UserRole + 1, finding.ruleId);
            if (blocking)
                item->setForeground(Theme::Palette::urgent());
        }
    }
    m_summary->setText(tr("%1 must be done before submitting · %2 still to ask (these never delay the referral)")
                           .arg(m_blocking).arg(m_outstanding));
}

} // namespace FrontDoor
