#include "profile/profileparserdetail.h"

#include <QTime>

// Contacts, opening hours, timescales and option lists: the reference data a profile carries beside its questions.

namespace FrontDoor::ProfileParserDetail {

void Parser::contacts(const QJsonObject &root)
{
    QSet<QString> seen;
    m_reader.forEachObject(m_reader.array(root, {}, "contacts", true),
                           QStringLiteral("contacts"),
                           [&](const QJsonObject &o, const QString &p) {
                               m_reader.allowOnly(o, p, {"id", "label", "number", "when", "note", "ids"});
                               Contact contact{m_reader.string(o, p, "id"),
                                               m_reader.string(o, p, "label"),
                                               m_reader.string(o, p, "number"),
                                               m_reader.string(o, p, "when", false),
                                               m_reader.string(o, p, "note", false),
                                               ids(o, p)};
                               if (!m_reader.failed() && seen.contains(contact.id))
                                   m_reader.fail(JsonReader::join(p, "id"),
                                                 QStringLiteral("\"%1\" is used twice").arg(contact.id));
                               seen.insert(contact.id);
                               m_profile.contacts << contact;
                           });
    for (const char *needed : {"frontDoor", "outOfHours", "emergency"}) {
        if (!m_reader.failed() && !seen.contains(QString::fromLatin1(needed)))
            m_reader.fail(QStringLiteral("contacts"),
                          QStringLiteral("needs a contact with id \"%1\" (the routes a call-handler gives out)")
                              .arg(QString::fromLatin1(needed)));
    }
}

void Parser::openingHours(const QJsonObject &root)
{
    const QString path = QStringLiteral("openingHours");
    const QJsonObject o = m_reader.object(root, {}, "openingHours");
    m_reader.allowOnly(o, path, {"days", "opens", "closes", "bankHolidays", "ids"});
    OpeningHours &hours = m_profile.openingHours;
    const QJsonArray days = m_reader.array(o, path, "days", true);
    for (qsizetype i = 0; i < days.size() && !m_reader.failed(); ++i) {
        const int day = days.at(i).toInt(0);
        if (!days.at(i).isDouble() || day < 1 || day > 7)
            m_reader.fail(QStringLiteral("%1.days[%2]").arg(path).arg(i),
                          QStringLiteral("should be a weekday number, 1 (Monday) to 7 (Sunday)"));
        hours.days << day;
    }
    const QString opens = m_reader.string(o, path, "opens");
    const QString closes = m_reader.string(o, path, "closes");
    hours.opens = QTime::fromString(opens, QStringLiteral("HH:mm"));
    hours.closes = QTime::fromString(closes, QStringLiteral("HH:mm"));
    if (!m_reader.failed() && !hours.opens.isValid())
        m_reader.fail(JsonReader::join(path, "opens"), QStringLiteral("\"%1\" is not a time like 08:00").arg(opens));
    if (!m_reader.failed() && !hours.closes.isValid())
        m_reader.fail(JsonReader::join(path, "closes"), QStringLiteral("\"%1\" is not a time like 20:00").arg(closes));
    if (!m_reader.failed() && hours.closes <= hours.opens)
        m_reader.fail(JsonReader::join(path, "closes"), QStringLiteral("should be later than \"opens\""));
    hours.bankHolidays = m_reader.boolean(o, path, "bankHolidays", false);
    hours.ids = ids(o, path);
}

void Parser::timescales(const QJsonObject &root)
{
    QSet<QString> seen;
    m_reader.forEachObject(
        m_reader.array(root, {}, "timescales", true),
        QStringLiteral("timescales"),
        [&](const QJsonObject &o, const QString &p) {
            m_reader.allowOnly(o, p, {"key", "label", "short", "amount", "unit", "ids"});
            Timescale t;
            t.key = m_reader.string(o, p, "key");
            t.label = m_reader.string(o, p, "label");
            t.shortLabel = m_reader.string(o, p, "short", false);
            const double amount = m_reader.number(o, p, "amount", -1);
            t.amount = int(amount);
            if (!m_reader.failed() && (amount <= 0 || amount > 1000 || amount != t.amount))
                m_reader.fail(JsonReader::join(p, "amount"), QStringLiteral("should be a whole number from 1 to 1000"));
            const QString unit = m_reader.string(o, p, "unit");
            if (unit == QLatin1String("hours"))
                t.unit = TimescaleUnit::Hours;
            else if (unit == QLatin1String("workingDays"))
                t.unit = TimescaleUnit::WorkingDays;
            else if (!m_reader.failed())
                m_reader.fail(JsonReader::join(p, "unit"),
                              QStringLiteral("\"%1\" is not \"hours\" or \"workingDays\"").arg(unit));
            t.ids = ids(o, p);
            if (!m_reader.failed() && seen.contains(t.key))
                m_reader.fail(JsonReader::join(p, "key"), QStringLiteral("\"%1\" is used twice").arg(t.key));
            seen.insert(t.key);
            m_profile.timescales << t;
        });
}

void Parser::optionLists(const QJsonObject &root)
{
    const QJsonObject lists = m_reader.object(root, {}, "optionLists");
    for (auto it = lists.begin(); it != lists.end() && !m_reader.failed(); ++it) {
        const QString path = QStringLiteral("optionLists.") + it.key();
        if (!it->isArray()) {
            m_reader.fail(path, QStringLiteral("should be a list of options"));
            return;
        }
        OptionList list{it.key(), {}};
        QSet<QString> values;
        m_reader.forEachObject(it->toArray(), path, [&](const QJsonObject &o, const QString &p) {
            m_reader.allowOnly(o, p, {"value", "label", "short", "help", "ids", "forFamily"});
            ChoiceOption option{m_reader.string(o, p, "value"),
                                m_reader.string(o, p, "label"),
                                m_reader.string(o, p, "help", false),
                                ids(o, p),
                                m_reader.string(o, p, "forFamily", false),
                                m_reader.string(o, p, "short", false)};
            if (!m_reader.failed() && values.contains(option.value))
                m_reader.fail(JsonReader::join(p, "value"), QStringLiteral("\"%1\" is used twice").arg(option.value));
            values.insert(option.value);
            list.options << option;
        });
        if (!m_reader.failed() && list.options.isEmpty())
            m_reader.fail(path, QStringLiteral("should offer at least one option"));
        m_profile.optionLists.insert(list.id, list);
    }
}

} // namespace FrontDoor::ProfileParserDetail
