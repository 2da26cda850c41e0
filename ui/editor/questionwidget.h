#pragma once

#include "profile/profile.h"
#include "referral/answer.h"

#include <QElapsedTimer>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QHBoxLayout;
class QPushButton;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace FrontDoor {

// One question of the profile on screen: its label and help, an editor for its type, the parsed value or the
// problem beside the field (never a pop-up), and one-key "Not known" (F7) and "Declined" (F8) — plus "Not asked"
// with its reason — so that nothing delays the referral (NOR-G0).
class QuestionWidget : public QWidget
{
    Q_OBJECT

public:
    QuestionWidget(const Question &question, const Profile &profile, const QDate &today, QWidget *parent = nullptr);

    const Question &question() const { return m_question; }
    Answer answer() const { return m_answer; }
    void setAnswer(const Answer &answer); // shows it; emits nothing
    // `reason`: Qt::ShortcutFocusReason when the person asked to go here (a jump, the next section), so Y and N
    // answer at once; the default — the program chose, as a page opens — waits settleMsecs.
    void focusEditor(Qt::FocusReason reason = Qt::OtherFocusReason);
    // A frozen record (the review's left side): no "Not known / Declined / Not asked" buttons taking the width.
    void showAsRecord();
    // Choice options the procedure does not allow now, each with the reason shown beside it (NOR-A2: a
    // professional cannot be anonymous). An empty map makes every option available again.
    void setUnavailableOptions(const QMap<QString, QString> &reasons);
    // A button of the editor's beside this question (NOR-R4: start the other child's referral), reached by Tab.
    QPushButton *addActionButton(const QString &text, const QString &name);

signals:
    void answerChanged(const Answer &answer);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override; // Y and N on a yes/no question

public:
    // Y and N answer only a question the person reached on purpose (issue 18): by Tab, a click or a shortcut — or,
    // when the program put the cursor there (a new call, a page opening), once it has stood this long, so that keys
    // typed for something else as the page changed never answer a safety question.
    static constexpr int settleMsecs = 600;

private:
    void buildEditor(const Profile &profile);
    void typed();
    void chooseState(AnswerState state);
    void showCheck(const QString &text, bool problem);
    QString typedText() const;

    Question m_question;
    QDate m_today;
    Answer m_answer;
    bool m_showing = false;
    bool m_reachedOnPurpose = false;
    QElapsedTimer m_focusArrived; // when the program last put the cursor on this question's buttons
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_long = nullptr;
    QComboBox *m_combo = nullptr;
    QButtonGroup *m_choices = nullptr; // yes/no radio buttons, or the checkboxes of a multiple choice
    QLabel *m_check = nullptr;
    QLabel *m_state = nullptr;
    QLineEdit *m_reason = nullptr;
    QHBoxLayout *m_editorRow = nullptr; // a one-line editor, then the answer-state buttons
    QHBoxLayout *m_actionRow = nullptr;
    QList<QPushButton *> m_stateButtons;
};

} // namespace FrontDoor
