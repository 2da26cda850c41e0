#pragma once

#include "profile/profile.h"
#include "referral/referral.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QVBoxLayout;

namespace FrontDoor {

// The decision (NOR-O1, LIN-O3, ALL-T6, NOR-O2): for each child an outcome from the profile's list with its
// reasons — and, for no further action, the alternatives offered — plus the priority (red / amber / green) with its
// rationale. "Record decision" hands the referral with them written in.
class OutcomesPanel : public QWidget
{
    Q_OBJECT

public:
    OutcomesPanel(const Profile &profile, QWidget *parent = nullptr);
    void show(const Referral &referral); // rebuilds the children's rows when the children change
    // The profile's decision-stage questions go here: after the outcomes and priority, before "Record the
    // decision" (issue 18: the questions a decision records come before the button that records them).
    void addQuestions(QWidget *questions);
    // `base` with the outcomes and the priority on screen written in, decided by `who` at `when`.
    Referral withDecision(const Referral &base, const QString &who, const QDateTime &when) const;

signals:
    void recordRequested();

private:
    struct ChildRow
    {
        QString childId;
        QComboBox *outcome = nullptr;
        QPlainTextEdit *rationale = nullptr;
        QWidget *alternatives = nullptr; // the NFA alternatives' checkboxes
    };
    const Profile &m_profile; // not owned
    QVBoxLayout *m_rows = nullptr;
    QVBoxLayout *m_questions = nullptr;
    QList<ChildRow> m_children;
    QCheckBox *m_consentApproved = nullptr;
    QLineEdit *m_consentNote = nullptr;
    QComboBox *m_priority = nullptr;
    QLineEdit *m_priorityWhy = nullptr;
};

} // namespace FrontDoor
