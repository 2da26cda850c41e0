#include "recordforms.h"

#include "theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace FrontDoor {

namespace {

QComboBox *choices(const Profile &profile, const QString &list, const QString &name, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->addItem(RecordForms::tr("— choose —"), QString());
    if (const OptionList *options = profile.optionList(list))
        for (const ChoiceOption &option : options->options)
            combo->addItem(option.label, option.value);
    return combo;
}

QPlainTextEdit *text(const QString &name, int lines, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    return edit;
}

QString newId(const QString &prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

} // namespace

RecordForms::RecordForms(const Profile &profile, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("recordForms"));
    auto *layout = new QVBoxLayout(this);

    addDiscussionForm(layout, profile);
    layout->addSpacing(12);
    addFeedbackForm(layout, profile);
    layout->addSpacing(12);
    addSharingForm(layout);
    layout->addStretch(1);
}

// A discussion with the caller, police, health, managers or another agency (NOR-L1, NOR-D1).
void RecordForms::addDiscussionForm(QVBoxLayout *layout, const Profile &profile)
{
    auto *discussionHeading = new QLabel(tr("<b>A discussion</b> — with the caller, police, health, managers or "
                                            "another agency (NOR-L1, NOR-D1)"),
                                         this);
    discussionHeading->setWordWrap(true);
    layout->addWidget(discussionHeading);
    auto *discussion = new QFormLayout;
    discussion->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_with = choices(profile, QStringLiteral("conversationParties"), QStringLiteral("discussionWith"), this);
    m_setting = new QLineEdit(this);
    m_setting->setObjectName(QStringLiteral("discussionSetting"));
    m_setting->setPlaceholderText(tr("e.g. telephone, CADS office, strategy meeting"));
    m_present = new QLineEdit(this);
    m_present->setObjectName(QStringLiteral("discussionPresent"));
    m_said = text(QStringLiteral("discussionSaid"), 3, this);
    m_done = text(QStringLiteral("discussionActions"), 2, this);
    discussion->addRow(tr("&With:"), m_with);
    discussion->addRow(tr("&Setting:"), m_setting);
    discussion->addRow(tr("Who was &present:"), m_present);
    discussion->addRow(tr("What was s&aid:"), m_said);
    discussion->addRow(tr("Actions &taken:"), m_done);
    layout->addLayout(discussion);
    auto *addDiscussion = new QPushButton(tr("Record the dis&cussion"), this);
    addDiscussion->setObjectName(QStringLiteral("recordDiscussion"));
    connect(addDiscussion, &QPushButton::clicked, this, &RecordForms::discussionReady);
    layout->addWidget(addDiscussion, 0, Qt::AlignLeft);
}

// Feedback to the referrer (LIN-T5, ALL-T6), with the note for a member of the public.
void RecordForms::addFeedbackForm(QVBoxLayout *layout, const Profile &profile)
{
    auto *feedbackHeading = new QLabel(tr("<b>Feedback to the referrer</b> — including when no further action is "
                                          "taken (LIN-T5, ALL-T6)"),
                                       this);
    feedbackHeading->setWordWrap(true);
    layout->addWidget(feedbackHeading);
    m_publicNote = new QLabel(tr("The caller is a member of the public: tell them the referral has been dealt "
                                 "with, without anything that breaches the child's confidentiality (LIN-T5)."),
                              this);
    m_publicNote->setWordWrap(true);
    Theme::setKind(m_publicNote, Theme::Kind::guidance);
    m_publicNote->hide();
    layout->addWidget(m_publicNote);
    auto *feedback = new QFormLayout;
    feedback->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_method = choices(profile, QStringLiteral("feedbackMethods"), QStringLiteral("feedbackMethod"), this);
    m_feedback = text(QStringLiteral("feedbackSummary"), 3, this);
    feedback->addRow(tr("H&ow:"), m_method);
    feedback->addRow(tr("What they were tol&d:"), m_feedback);
    layout->addLayout(feedback);
    auto *addFeedback = new QPushButton(tr("Record the feedbac&k"), this);
    addFeedback->setObjectName(QStringLiteral("recordFeedback"));
    connect(addFeedback, &QPushButton::clicked, this, &RecordForms::feedbackReady);
    layout->addWidget(addFeedback, 0, Qt::AlignLeft);
}

// A decision to share information, or not to, with its reasons (LIN-I1).
void RecordForms::addSharingForm(QVBoxLayout *layout)
{
    auto *sharingHeading = new QLabel(tr("<b>A decision to share information, or not to</b> — with the reasons "
                                         "(LIN-I1)"),
                                      this);
    sharingHeading->setWordWrap(true);
    layout->addWidget(sharingHeading);
    auto *sharing = new QFormLayout;
    sharing->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_share = new QComboBox(this);
    m_share->setObjectName(QStringLiteral("sharingShare"));
    m_share->addItem(tr("Share"), true);
    m_share->addItem(tr("Do not share"), false);
    m_what = new QLineEdit(this);
    m_what->setObjectName(QStringLiteral("sharingWhat"));
    m_recipient = new QLineEdit(this);
    m_recipient->setObjectName(QStringLiteral("sharingRecipient"));
    m_reasons = text(QStringLiteral("sharingReasons"), 2, this);
    m_decidedBy = new QLineEdit(this);
    m_decidedBy->setObjectName(QStringLiteral("sharingDecidedBy"));
    m_decidedBy->setPlaceholderText(tr("name and role"));
    m_advisedBy = new QLineEdit(this);
    m_advisedBy->setObjectName(QStringLiteral("sharingAdvisedBy"));
    m_advisedBy->setPlaceholderText(tr("named or designated professional, if any"));
    sharing->addRow(tr("D&ecision:"), m_share);
    sharing->addRow(tr("What &information:"), m_what);
    sharing->addRow(tr("With who&m:"), m_recipient);
    sharing->addRow(tr("Reaso&ns:"), m_reasons);
    sharing->addRow(tr("Decided &by:"), m_decidedBy);
    sharing->addRow(tr("Advised b&y:"), m_advisedBy);
    layout->addLayout(sharing);
    auto *addSharing = new QPushButton(tr("Record the sharin&g decision"), this);
    addSharing->setObjectName(QStringLiteral("recordSharing"));
    connect(addSharing, &QPushButton::clicked, this, &RecordForms::sharingReady);
    layout->addWidget(addSharing, 0, Qt::AlignLeft);
}

void RecordForms::setMemberOfPublic(bool memberOfPublic)
{
    m_publicNote->setVisible(memberOfPublic);
}

Referral RecordForms::withDiscussion(const Referral &base, const QString &who, const QDateTime &when) const
{
    Referral next = base;
    next.conversations.append(Conversation{newId(QStringLiteral("d-")), when, m_with->currentData().toString(),
                                           m_setting->text().trimmed(), m_present->text().trimmed(),
                                           m_said->toPlainText().trimmed(), m_done->toPlainText().trimmed(), who});
    return next;
}

Referral RecordForms::withFeedback(const Referral &base, const QString &who, const QDateTime &when) const
{
    Referral next = base;
    next.feedback.append(FeedbackRecord{newId(QStringLiteral("f-")), when, m_method->currentData().toString(),
                                        m_feedback->toPlainText().trimmed(), who});
    return next;
}

Referral RecordForms::withSharing(const Referral &base, const QDateTime &when) const
{
    Referral next = base;
    next.sharingDecisions.append(SharingDecision{newId(QStringLiteral("s-")), when, m_share->currentData().toBool(),
                                                 m_what->text().trimmed(), m_recipient->text().trimmed(),
                                                 m_reasons->toPlainText().trimmed(), m_decidedBy->text().trimmed(),
                                                 m_advisedBy->text().trimmed()});
    return next;
}

QStringList RecordForms::unrecorded() const
{
    const auto typed = [](std::initializer_list<QLineEdit *> lines, std::initializer_list<QPlainTextEdit *> texts) {
        return std::any_of(lines.begin(), lines.end(), [](QLineEdit *l) { return !l->text().trimmed().isEmpty(); })
               || std::any_of(texts.begin(), texts.end(),
                              [](QPlainTextEdit *t) { return !t->toPlainText().trimmed().isEmpty(); });
    };
    QStringList forms;
    if (m_with->currentIndex() > 0 || typed({m_setting, m_present}, {m_said, m_done}))
        forms.append(tr("a discussion"));
    if (m_method->currentIndex() > 0 || typed({}, {m_feedback}))
        forms.append(tr("the feedback to the referrer"));
    if (typed({m_what, m_recipient, m_decidedBy, m_advisedBy}, {m_reasons}))
        forms.append(tr("an information-sharing decision"));
    return forms;
}

void RecordForms::clearSharing()
{
    m_share->setCurrentIndex(0);
    for (QLineEdit *field : {m_what, m_recipient, m_decidedBy, m_advisedBy})
        field->clear();
    m_reasons->clear();
}

void RecordForms::clearDiscussion()
{
    m_with->setCurrentIndex(0);
    m_setting->clear();
    m_present->clear();
    m_said->clear();
    m_done->clear();
}

void RecordForms::clearFeedback()
{
    m_method->setCurrentIndex(0);
    m_feedback->clear();
}

} // namespace FrontDoor
