#include "profile/profileparser.h"
#include "profile/profileparserdetail.h"

#include "common/jsonreader.h"
#include "profile/profileloader.h"
#include "referral/fields.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace FrontDoor {

namespace {

const QRegularExpression &procedureIdPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z]{3}-[A-Z]+[0-9]+$"));
    return pattern;
}

const QRegularExpression &referralFieldPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][A-Za-z0-9]*\\.[a-z][A-Za-z0-9]*$"));
    return pattern;
}

const QRegularExpression &personFieldPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][A-Za-z0-9]*$"));
    return pattern;
}

// The fields whose option values the core's rules rely on, and the values that must be offered.
struct RequiredField
{
    QLatin1StringView field;
    QList<QLatin1StringView> values;
};

const QList<RequiredField> &requiredFields()
{
    static const QList<RequiredField> fields{
        {Field::referrerType, {Option::memberOfPublic, Option::professional, Option::anonymousCaller}},
        {Field::consentDecision,
         {Option::consentAgreed,
          Option::consentRefused,
          Option::consentNotSought,
          Option::consentNotApplicable,
          Option::consentNotYetKnown}},
        {Field::identityDecision,
         {Option::identityMayBeShared, Option::identityNotToFamily, Option::identityAnonymous}},
        {Field::triageImmediateDanger, {}},
    };
    return fields;
}

} // namespace

namespace ProfileParserDetail {

QStringList Parser::ids(const QJsonObject &object, const QString &path)
{
    const QStringList list = m_reader.stringList(object, path, "ids");
    for (qsizetype i = 0; i < list.size() && !m_reader.failed(); ++i) {
        if (!procedureIdPattern().match(list.at(i)).hasMatch())
            m_reader.fail(QStringLiteral("%1.ids[%2]").arg(path).arg(i),
                          QStringLiteral("\"%1\" is not a procedure ID like NOR-C4 or LIN-A5").arg(list.at(i)));
    }
    return list;
}

Condition Parser::optionalCondition(const QJsonObject &object, const QString &path)
{
    if (!object.contains(QStringLiteral("when")))
        return {};
    return condition(m_reader.object(object, path, "when"), JsonReader::join(path, "when"));
}

Condition Parser::condition(const QJsonObject &object, const QString &path)
{
    if (m_reader.failed())
        return {};
    auto parts = [&](const char *key) {
        QList<Condition> list;
        m_reader.forEachObject(
            m_reader.array(object, path, key, true),
            JsonReader::join(path, key),
            [&](const QJsonObject &part, const QString &partPath) { list << condition(part, partPath); });
        if (!m_reader.failed() && list.isEmpty())
            m_reader.fail(JsonReader::join(path, key), QStringLiteral("should list at least one condition"));
        return list;
    };
    auto nested = [&](const char *key) {
        return condition(m_reader.object(object, path, key), JsonReader::join(path, key));
    };

    if (object.contains(QStringLiteral("all"))) {
        m_reader.allowOnly(object, path, {"all"});
        return Condition::all(parts("all"));
    }
    if (object.contains(QStringLiteral("any"))) {
        m_reader.allowOnly(object, path, {"any"});
        return Condition::any(parts("any"));
    }
    if (object.contains(QStringLiteral("not"))) {
        m_reader.allowOnly(object, path, {"not"});
        return Condition::negate(nested("not"));
    }
    if (object.contains(QStringLiteral("anyChild"))) {
        m_reader.allowOnly(object, path, {"anyChild"});
        return Condition::anyChild(nested("anyChild"));
    }
    if (object.contains(QStringLiteral("anyAdult"))) {
        m_reader.allowOnly(object, path, {"anyAdult"});
        return Condition::anyAdult(nested("anyAdult"));
    }
    m_reader.allowOnly(object, path, {"field", "equals", "in", "answered"});
    const QString field = m_reader.string(object, path, "field");
    if (m_reader.failed())
        return {};
    m_conditionFields.insert(field, JsonReader::join(path, "field"));
    if (object.contains(QStringLiteral("equals")))
        return Condition::equals(field, m_reader.string(object, path, "equals"));
    if (object.contains(QStringLiteral("in"))) {
        const QStringList values = m_reader.stringList(object, path, "in", true);
        if (!m_reader.failed() && values.isEmpty())
            m_reader.fail(JsonReader::join(path, "in"), QStringLiteral("should list at least one value"));
        return Condition::in(field, values);
    }
    if (object.contains(QStringLiteral("answered")))
        return Condition::answered(field);
    m_reader.fail(path, QStringLiteral("a condition on a field needs \"equals\", \"in\" or \"answered\""));
    return {};
}

Question Parser::question(const QJsonObject &o, const QString &p)
{
    m_reader.allowOnly(
        o, p, {"id", "field", "label", "help", "type", "options", "repeat", "when", "informationItem", "ids"});
    Question q;
    q.id = m_reader.string(o, p, "id");
    if (!m_reader.failed() && m_questionIds.contains(q.id))
        m_reader.fail(JsonReader::join(p, "id"), QStringLiteral("\"%1\" is used twice").arg(q.id));
    m_questionIds.insert(q.id);
    q.field = m_reader.string(o, p, "field");
    q.label = m_reader.string(o, p, "label");
    q.help = m_reader.string(o, p, "help", false);
    const QString type = m_reader.string(o, p, "type");
    if (!m_reader.failed()) {
        if (const auto parsed = questionTypeFromName(type))
            q.type = *parsed;
        else
            m_reader.fail(JsonReader::join(p, "type"),
                          QStringLiteral("\"%1\" is not a question type (text, longText, date, dateOrAge, yesNo, "
                                         "singleChoice, multipleChoice, personReference, phone, postcode, email, "
                                         "dateTime)")
                              .arg(type));
    }
    const QString repeat = m_reader.string(o, p, "repeat", false);
    if (repeat == QLatin1String("child"))
        q.repeat = Repeat::PerChild;
    else if (repeat == QLatin1String("adult"))
        q.repeat = Repeat::PerAdult;
    else if (!repeat.isEmpty() && repeat != QLatin1String("none") && !m_reader.failed())
        m_reader.fail(JsonReader::join(p, "repeat"),
                      QStringLiteral("\"%1\" is not \"none\", \"child\" or \"adult\"").arg(repeat));

    if (!m_reader.failed()) {
        const bool perPerson = q.repeat != Repeat::None;
        const bool shapeOk = perPerson ? personFieldPattern().match(q.field).hasMatch()
                                       : referralFieldPattern().match(q.field).hasMatch();
        if (!shapeOk)
            m_reader.fail(
                JsonReader::join(p, "field"),
                perPerson ? QStringLiteral("\"%1\": a per-person field is one word, like \"dateOfBirth\"").arg(q.field)
                          : QStringLiteral("\"%1\": a referral field is \"section.item\", like "
                                           "\"referrer.name\"")
                                .arg(q.field));
    }

    const bool choice = q.type == QuestionType::SingleChoice || q.type == QuestionType::MultipleChoice;
    q.options = m_reader.string(o, p, "options", choice);
    if (!m_reader.failed() && !choice && !q.options.isEmpty())
        m_reader.fail(JsonReader::join(p, "options"), QStringLiteral("only choice questions take an option list"));
    q.when = optionalCondition(o, p);
    q.informationItem = m_reader.boolean(o, p, "informationItem", true);
    q.ids = ids(o, p);
    if (!m_reader.failed() && q.ids.isEmpty())
        m_reader.fail(JsonReader::join(p, "ids"), QStringLiteral("every question names the procedure IDs it serves"));
    return q;
}

void Parser::sections(const QJsonObject &root)
{
    QSet<QString> sectionIds;
    QSet<QString> promptIds;
    m_reader.forEachObject(
        m_reader.array(root, {}, "sections", true),
        QStringLiteral("sections"),
        [&](const QJsonObject &o, const QString &p) {
            m_reader.allowOnly(o, p, {"id", "title", "help", "stage", "when", "questions", "prompts", "ids"});
            Section section;
            section.id = m_reader.string(o, p, "id");
            if (!m_reader.failed() && sectionIds.contains(section.id))
                m_reader.fail(JsonReader::join(p, "id"), QStringLiteral("\"%1\" is used twice").arg(section.id));
            sectionIds.insert(section.id);
            section.title = m_reader.string(o, p, "title");
            section.help = m_reader.string(o, p, "help", false);
            const QString stage = m_reader.string(o, p, "stage", false);
            if (stage == QLatin1String("decision"))
                section.stage = SectionStage::Decision;
            else if (!stage.isEmpty() && stage != QLatin1String("intake") && !m_reader.failed())
                m_reader.fail(JsonReader::join(p, "stage"),
                              QStringLiteral("\"%1\" is not \"intake\" or \"decision\"").arg(stage));
            section.when = optionalCondition(o, p);
            section.ids = ids(o, p);
            m_reader.forEachObject(
                m_reader.array(o, p, "questions"),
                JsonReader::join(p, "questions"),
                [&](const QJsonObject &qo, const QString &qp) { section.questions << question(qo, qp); });
            m_reader.forEachObject(m_reader.array(o, p, "prompts"),
                                   JsonReader::join(p, "prompts"),
                                   [&](const QJsonObject &po, const QString &pp) {
                                       m_reader.allowOnly(po, pp, {"id", "text", "kind", "when", "ids"});
                                       Prompt prompt;
                                       prompt.id = m_reader.string(po, pp, "id");
                                       if (!m_reader.failed() && promptIds.contains(prompt.id))
                                           m_reader.fail(JsonReader::join(pp, "id"),
                                                         QStringLiteral("\"%1\" is used twice").arg(prompt.id));
                                       promptIds.insert(prompt.id);
                                       prompt.text = m_reader.string(po, pp, "text");
                                       const QString kind = m_reader.string(po, pp, "kind", false);
                                       if (kind == QLatin1String("script"))
                                           prompt.kind = Prompt::Kind::Script;
                                       else if (!kind.isEmpty() && kind != QLatin1String("guidance"))
                                           m_reader.fail(JsonReader::join(pp, "kind"),
                                                         QStringLiteral("is \"guidance\" (the default) or "
                                                                        "\"script\" (words to say to the caller)"));
                                       prompt.when = optionalCondition(po, pp);
                                       prompt.ids = ids(po, pp);
                                       section.prompts << prompt;
                                   });
            if (!m_reader.failed() && section.questions.isEmpty() && section.prompts.isEmpty())
                m_reader.fail(p, QStringLiteral("a section needs at least one question or prompt"));
            m_profile.sections << section;
        });
    if (!m_reader.failed() && m_profile.sections.isEmpty())
        m_reader.fail(QStringLiteral("sections"), QStringLiteral("should hold at least one section"));
}

// Checks that span the whole file: option lists exist, the fields the rules read are asked with the values
// they rely on, conditions read fields some question fills, no field is asked twice.
void Parser::crossCheck()
{
    QSet<QString> fields;
    for (qsizetype s = 0; s < m_profile.sections.size() && !m_reader.failed(); ++s) {
        const Section &section = m_profile.sections.at(s);
        for (qsizetype q = 0; q < section.questions.size() && !m_reader.failed(); ++q) {
            const Question &question = section.questions.at(q);
            const QString path = QStringLiteral("sections[%1].questions[%2]").arg(s).arg(q);
            if (!question.options.isEmpty() && !m_profile.optionLists.contains(question.options))
                m_reader.fail(path + QStringLiteral(".options"),
                              QStringLiteral("\"%1\" is not an option list of this profile").arg(question.options));
            const QString scopedField = QStringLiteral("%1/%2").arg(int(question.repeat)).arg(question.field);
            if (!m_reader.failed() && fields.contains(scopedField))
                m_reader.fail(path + QStringLiteral(".field"),
                              QStringLiteral("\"%1\" is already asked by another question").arg(question.field));
            fields.insert(scopedField);
        }
    }
    QSet<QString> plainFields;
    for (const QString &scoped : std::as_const(fields))
        plainFields.insert(scoped.section(QLatin1Char('/'), 1));
    for (auto it = m_conditionFields.cbegin(); it != m_conditionFields.cend() && !m_reader.failed(); ++it) {
        if (!plainFields.contains(it.key()))
            m_reader.fail(it.value(), QStringLiteral("\"%1\" is not a field any question asks").arg(it.key()));
    }
    for (const RequiredField &required : requiredFields()) {
        if (m_reader.failed())
            break;
        const Question *question = m_profile.questionForField(required.field.toString(), Repeat::None);
        if (!question) {
            m_reader.fail(
                QStringLiteral("sections"),
                QStringLiteral("no question asks \"%1\", which the procedure's rules need").arg(required.field));
            break;
        }
        const OptionList *list = m_profile.optionList(question->options);
        for (const QLatin1StringView value : required.values) {
            if (!list || !list->contains(value.toString())) {
                m_reader.fail(QStringLiteral("optionLists.%1").arg(question->options),
                              QStringLiteral("must offer \"%1\" for \"%2\"").arg(value, required.field));
                break;
            }
        }
    }
    if (!m_reader.failed() && !m_profile.optionLists.contains(m_profile.outcomeList))
        m_reader.fail(QStringLiteral("outcomeList"),
                      QStringLiteral("\"%1\" is not an option list of this profile").arg(m_profile.outcomeList));
    // The notice to the family after a decision says what happens next in the family's words (NOR-C6, LIN-A4):
    // every outcome must have them.
    if (const OptionList *outcomes = m_profile.optionList(m_profile.outcomeList); !m_reader.failed() && outcomes)
        for (const ChoiceOption &option : outcomes->options)
            if (option.forFamily.trimmed().isEmpty()) {
                m_reader.fail(QStringLiteral("optionLists.%1").arg(m_profile.outcomeList),
                              QStringLiteral("outcome \"%1\" needs \"forFamily\": what happens next, in words for a "
                                             "family")
                                  .arg(option.value));
                break;
            }
}

Result<Profile> Parser::parse(const QJsonObject &root)
{
    m_reader.allowOnly(root,
                       {},
                       {"formatVersion",
                        "id",
                        "name",
                        "serviceName",
                        "shortName",
                        "authority",
                        "procedure",
                        "procedurePrefix",
                        "referencePrefix",
                        "contacts",
                        "openingHours",
                        "timescales",
                        "optionLists",
                        "outcomeList",
                        "sections"});
    const double version = m_reader.number(root, {}, "formatVersion", -1);
    if (!m_reader.failed() && version != ProfileLoader::formatVersion)
        m_reader.fail(
            QStringLiteral("formatVersion"),
            QStringLiteral("should be %1 (this Front Door reads profile format %1)").arg(ProfileLoader::formatVersion));
    m_profile.id = m_reader.string(root, {}, "id");
    m_profile.name = m_reader.string(root, {}, "name");
    m_profile.serviceName = m_reader.string(root, {}, "serviceName");
    m_profile.shortName = m_reader.string(root, {}, "shortName");
    m_profile.authority = m_reader.string(root, {}, "authority");
    m_profile.procedure = m_reader.string(root, {}, "procedure");
    m_profile.procedurePrefix = m_reader.string(root, {}, "procedurePrefix");
    m_profile.referencePrefix = m_reader.string(root, {}, "referencePrefix");
    static const QRegularExpression prefix(QStringLiteral("^[A-Z]{3}$"));
    if (!m_reader.failed() && !prefix.match(m_profile.procedurePrefix).hasMatch())
        m_reader.fail(QStringLiteral("procedurePrefix"), QStringLiteral("should be three capital letters, like NOR"));
    if (!m_reader.failed() && !prefix.match(m_profile.referencePrefix).hasMatch())
        m_reader.fail(QStringLiteral("referencePrefix"), QStringLiteral("should be three capital letters, like NOR"));
    m_profile.outcomeList = m_reader.string(root, {}, "outcomeList");
    contacts(root);
    openingHours(root);
    timescales(root);
    optionLists(root);
    sections(root);
    if (!m_reader.failed())
        crossCheck();
    if (m_reader.failed())
        return m_reader.error();
    return m_profile;
}

} // namespace ProfileParserDetail

Result<Profile> ProfileParser::parse(const QJsonObject &root, const QString &source)
{
    return ProfileParserDetail::Parser(source).parse(root);
}

} // namespace FrontDoor
