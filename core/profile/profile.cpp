#include "profile/profile.h"

#include <array>
#include <utility>

namespace FrontDoor {

namespace {
constexpr std::array<std::pair<QuestionType, const char *>, 12> typeNames{{
    {QuestionType::Text, "text"},
    {QuestionType::LongText, "longText"},
    {QuestionType::Date, "date"},
    {QuestionType::DateOrAge, "dateOrAge"},
    {QuestionType::YesNo, "yesNo"},
    {QuestionType::SingleChoice, "singleChoice"},
    {QuestionType::MultipleChoice, "multipleChoice"},
    {QuestionType::PersonReference, "personReference"},
    {QuestionType::Phone, "phone"},
    {QuestionType::Postcode, "postcode"},
    {QuestionType::Email, "email"},
    {QuestionType::DateTime, "dateTime"},
}};
} // namespace

QString questionTypeName(QuestionType type)
{
    for (const auto &[value, name] : typeNames) {
        if (value == type)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<QuestionType> questionTypeFromName(const QString &name)
{
    for (const auto &[value, text] : typeNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

bool OptionList::contains(const QString &value) const
{
    return find(value) != nullptr;
}

const ChoiceOption *OptionList::find(const QString &value) const
{
    for (const ChoiceOption &option : options) {
        if (option.value == value)
            return &option;
    }
    return nullptr;
}

const OptionList *Profile::optionList(const QString &id) const
{
    const auto it = optionLists.constFind(id);
    return it == optionLists.cend() ? nullptr : &*it;
}

const Question *Profile::question(const QString &id) const
{
    for (const Section &section : sections) {
        for (const Question &question : section.questions) {
            if (question.id == id)
                return &question;
        }
    }
    return nullptr;
}

const Question *Profile::questionForField(const QString &field, Repeat repeat) const
{
    for (const Section &section : sections) {
        for (const Question &question : section.questions) {
            if (question.field == field && question.repeat == repeat)
                return &question;
        }
    }
    return nullptr;
}

const Timescale *Profile::timescale(const QString &key) const
{
    for (const Timescale &timescale : timescales) {
        if (timescale.key == key)
            return &timescale;
    }
    return nullptr;
}

const Contact *Profile::contact(const QString &id) const
{
    for (const Contact &contact : contacts) {
        if (contact.id == id)
            return &contact;
    }
    return nullptr;
}

QStringList Profile::procedureIds() const
{
    QStringList ids;
    for (const Contact &contact : contacts)
        ids << contact.ids;
    ids << openingHours.ids;
    for (const Timescale &timescale : timescales)
        ids << timescale.ids;
    for (const OptionList &list : optionLists) {
        for (const ChoiceOption &option : list.options)
            ids << option.ids;
    }
    for (const Section &section : sections) {
        ids << section.ids;
        for (const Question &question : section.questions)
            ids << question.ids;
        for (const Prompt &prompt : section.prompts)
            ids << prompt.ids;
    }
    ids.removeDuplicates();
    return ids;
}

bool Profile::ownsProcedureId(const QString &id) const
{
    return id.startsWith(QLatin1String("ALL-")) || id.startsWith(procedurePrefix + QLatin1Char('-'));
}

} // namespace FrontDoor
