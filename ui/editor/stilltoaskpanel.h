#pragma once

#include "rules/finding.h"

#include <QWidget>

class QListWidget;
class QLabel;

namespace FrontDoor {

// "Still to ask": the findings of the rules, live — blocking first (a procedure's must is broken), then
// outstanding items. Enter or a click on one asks the editor to jump to its field. Severity is a word and a
// symbol as well as a colour.
class StillToAskPanel : public QWidget
{
    Q_OBJECT

public:
    explicit StillToAskPanel(QWidget *parent = nullptr);
    void show(const Findings &findings);
    int blockingCount() const { return m_blocking; }
    int outstandingCount() const { return m_outstanding; }
    void takeFocus(); // F6: the list, on its first item

signals:
    void jumpTo(const QString &path);

private:
    QLabel *m_summary = nullptr;
    QListWidget *m_list = nullptr;
    int m_blocking = 0;
    int m_outstanding = 0;
};

} // namespace FrontDoor
