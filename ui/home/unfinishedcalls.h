#pragma once

#include <QDateTime>
#include <QList>
#include <QWidget>

#include <functional>

class QListWidget;

namespace FrontDoor {

// A draft the signed-in call-handler has not submitted, with what is left to do.
struct UnfinishedCall
{
    QString reference;
    QString children;
    QDateTime callStartedAt;
    bool urgent = false;
    int blocking = 0;
    int outstanding = 0;
};

// "Unfinished calls", first on the home screen: after a restart the handler sees at once what to finish. Enter (or
// a double-click) opens one.
class UnfinishedCallsView : public QWidget
{
    Q_OBJECT

public:
    using Source = std::function<QList<UnfinishedCall>()>;
    explicit UnfinishedCallsView(Source source, QWidget *parent = nullptr);
    void reload();
    int count() const;

signals:
    void openRequested(const QString &reference);

private:
    Source m_source;
    QListWidget *m_list = nullptr;
};

} // namespace FrontDoor
