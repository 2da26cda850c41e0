#pragma once

#include "profile/profile.h"
#include "referral/referral.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QVBoxLayout;
class QLineEdit;
class QPlainTextEdit;

namespace FrontDoor {

// Small forms beside the record: a discussion (NOR-L1, NOR-D1: when, with whom, the setting, who was present, what
// was said, the actions), the feedback given to the referrer (LIN-T5, ALL-T6: how and what), and a decision to
// share information or not, with its reasons (LIN-I1). Each "Record" hands the referral with the new entry added;
// the form then empties.
class RecordForms : public QWidget
{
    Q_OBJECT

public:
    RecordForms(const Profile &profile, QWidget *parent = nullptr);
    void setMemberOfPublic(bool memberOfPublic); // feedback must not breach the child's confidentiality (LIN-T5)
    Referral withDiscussion(const Referral &base, const QString &who, const QDateTime &when) const;
    Referral withFeedback(const Referral &base, const QString &who, const QDateTime &when) const;
    Referral withSharing(const Referral &base, const QDateTime &when) const;
    // The forms holding something typed but not yet recorded, in words ("a discussion", …), for leaving the review.
    QStringList unrecorded() const;
    void clearSharing();
    void clearDiscussion();
    void clearFeedback();

signals:
    void discussionReady();
    void feedbackReady();
    void sharingReady();

private:
    void addDiscussionForm(QVBoxLayout *layout, const Profile &profile);
    void addFeedbackForm(QVBoxLayout *layout, const Profile &profile);
    void addSharingForm(QVBoxLayout *layout);

    QComboBox *m_with = nullptr;
    QLineEdit *m_setting = nullptr;
    QLineEdit *m_present = nullptr;
    QPlainTextEdit *m_said = nullptr;
    QPlainTextEdit *m_done = nullptr;
    QComboBox *m_method = nullptr;
    QPlainTextEdit *m_feedback = nullptr;
    QLabel *m_publicNote = nullptr;
    QComboBox *m_share = nullptr;
    QLineEdit *m_what = nullptr;
    QLineEdit *m_recipient = nullptr;
    QPlainTextEdit *m_reasons = nullptr;
    QLineEdit *m_decidedBy = nullptr;
    QLineEdit *m_advisedBy = nullptr;
};

} // namespace FrontDoor
