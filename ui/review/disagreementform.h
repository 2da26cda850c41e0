#pragma once

#include "referral/referral.h"

#include <QWidget>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace FrontDoor {

// NOR-R6: the referring agency disagrees with the decision. Its own record — who, about what, discussed with whom,
// escalated where (Resolving Professional Disagreements), the outcome — listed above the form with the earlier ones.
class DisagreementForm : public QWidget
{
    Q_OBJECT

public:
    explicit DisagreementForm(QWidget *parent = nullptr);
    void show(const Referral &referral);
    Referral withDisagreement(const Referral &base, const QString &who, const QDateTime &when) const;
    void clear();
    bool hasTyped() const; // something entered and not yet recorded

signals:
    void ready();

private:
    QListWidget *m_earlier = nullptr;
    QLineEdit *m_agency = nullptr;
    QPlainTextEdit *m_about = nullptr;
    QLineEdit *m_discussedWith = nullptr;
    QLineEdit *m_escalatedTo = nullptr;
    QPlainTextEdit *m_outcome = nullptr;
};

} // namespace FrontDoor
