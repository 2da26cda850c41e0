#pragma once

#include "common/result.h"
#include "savefilechooser.h"
#include "store/referralqueries.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QLabel;
class QListWidget;

namespace FrontDoor {

// The queue as CSV for reporting, from the window (Ctrl+E on the queue, issue 8): the columns as a checklist — the
// default ones ticked, which hold no names and no free text; the children's names only when ticked, marked as
// identifying children — then a file. Writing and auditing are QueueExport's; this only asks.
class QueueExportDialog : public QDialog
{
    Q_OBJECT

public:
    // Writes the chosen columns of the referrals `filter` lets through to `path` (`scope`: the filter in words, for
    // the trail); the number of referrals written, or why nothing was.
    using Exporter = std::function<Result<int>(const QStringList &columns, const QString &path,
                                               const ReferralFilter &filter, const QString &scope)>;

    // `shown`/`shownWords`: what the queue shows now, offered (and ticked) as the export's scope.
    QueueExportDialog(Exporter exporter, ReferralFilter shown, QString shownWords, QWidget *parent = nullptr);

    void setFileChooser(SaveFileChooser chooser) { m_chooseFile = std::move(chooser); }
    QStringList chosenColumns() const;

signals:
    void exported(const QString &what);

private:
    void save();

    Exporter m_export;
    ReferralFilter m_shown;
    QString m_shownWords;
    QCheckBox *m_onlyShown = nullptr;
    SaveFileChooser m_chooseFile;
    QListWidget *m_columns = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace FrontDoor
