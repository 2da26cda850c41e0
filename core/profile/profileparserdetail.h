#pragma once

// The profile parser's own class, shared by its two files: profileparser.cpp (the profile, its sections and
// questions, the checks across them) and profilereferencedata.cpp (contacts, opening hours, timescales, option
// lists). Not for use outside core/profile: ProfileParser::parse is the interface.

#include "common/jsonreader.h"
#include "profile/condition.h"
#include "profile/profile.h"

#include <QJsonObject>
#include <QMap>
#include <QSet>

namespace FrontDoor::ProfileParserDetail {

class Parser
{
public:
    explicit Parser(const QString &source)
        : m_reader(source)
    {}

    Result<Profile> parse(const QJsonObject &root);

private:
    QStringList ids(const QJsonObject &object, const QString &path);
    Condition condition(const QJsonObject &object, const QString &path);
    Condition optionalCondition(const QJsonObject &object, const QString &path);
    void contacts(const QJsonObject &root);
    void openingHours(const QJsonObject &root);
    void timescales(const QJsonObject &root);
    void optionLists(const QJsonObject &root);
    void sections(const QJsonObject &root);
    Question question(const QJsonObject &object, const QString &path);
    void crossCheck();

    JsonReader m_reader;
    Profile m_profile;
    QSet<QString> m_questionIds;
    QMap<QString, QString> m_conditionFields; // field -> path of the condition that reads it
};

} // namespace FrontDoor::ProfileParserDetail
