#pragma once

#include "profile/condition.h"

#include <QList>
#include <QMap>
#include <QStringList>
#include <QTime>

#include <optional>

namespace FrontDoor {

// A front door described as data: who it is, how to reach it, the questions in the order a call-handler asks
// them, the option lists, the outcomes and the timescales. Loaded from resources/profiles/<id>.json and checked
// on load (ProfileLoader). Every item carries the procedure IDs it serves (spec/procedure-rules.md).

enum class QuestionType {
    Text,
    LongText,
    Date,
    DateOrAge,      // a date of birth, or an estimated age ("about 7")
    YesNo,          // yes / no; "not known" is an answer state, not an option
    SingleChoice,
    MultipleChoice,
    PersonReference, // the id of a child or adult of this referral
    Phone,
    Postcode,
    Email,
    DateTime,
};

enum class Repeat { None, PerChild, PerAdult };

QString questionTypeName(QuestionType type);
std::optional<QuestionType> questionTypeFromName(const QString &name);

struct ChoiceOption
{
    QString value;
    QString label;
    QString help;
    QStringList ids;
    QString forFamily; // an outcome's "what happens next" in words for a family (the notice after a decision)
    QString shortLabel; // "short": a few words where the label would be cut (the dashboard's charts); else label
    const QString &brief() const { return shortLabel.isEmpty() ? label : shortLabel; }
};

struct OptionList
{
    QString id;
    QList<ChoiceOption> options;
    bool contains(const QString &value) const;
    const ChoiceOption *find(const QString &value) const;
};

struct Question
{
    QString id;       // unique in the profile
    QString field;    // the answer key it fills: "referrer.type", or a per-person key like "dateOfBirth"
    QString label;
    QString help;
    QuestionType type = QuestionType::Text;
    QString options;  // option list id, for choice types
    Repeat repeat = Repeat::None;
    Condition when;   // shown only when this holds
    bool informationItem = true; // counts as outstanding until addressed (NOR-G0)
    QStringList ids;
};

// Guidance shown beside the questions when its condition holds (NOR-L2 listening prompts, NOR-A3 script …).
struct Prompt
{
    // Guidance for the call-handler, or a script: the words to say to the caller, shown as such.
    enum class Kind { Guidance, Script };

    QString id;
    QString text;
    Kind kind = Kind::Guidance;
    Condition when;
    QStringList ids;
};

enum class SectionStage { Intake, Decision };

struct Section
{
    QString id;
    QString title;
    QString help;
    SectionStage stage = SectionStage::Intake; // "decision": the supervisor's part, not asked on the call
    Condition when;
    QList<Question> questions;
    QList<Prompt> prompts;
    QStringList ids;
};

struct Contact
{
    QString id;          // e.g. "frontDoor", "outOfHours", "emergency"
    QString label;
    QString number;
    QString when;        // in words, e.g. "08:00–20:00 every day"
    QString note;
    QStringList ids;
};

// Opening hours of the front door itself; outside them the out-of-hours route applies (NOR-R1, LIN-R2).
struct OpeningHours
{
    QList<int> days;     // ISO weekday numbers 1 (Monday) … 7 (Sunday)
    QTime opens;
    QTime closes;
    bool bankHolidays = true; // open on bank holidays
    QStringList ids;
};

enum class TimescaleUnit { Hours, WorkingDays };

struct Timescale
{
    QString key;         // decision, acknowledgement, feedback, writtenConfirmation, informParent, strategyRecord
    QString label;
    int amount = 0;
    TimescaleUnit unit = TimescaleUnit::Hours;
    QStringList ids;
    QString shortLabel; // "short": for the dashboard's charts; else label
    const QString &brief() const { return shortLabel.isEmpty() ? label : shortLabel; }
};

struct Profile
{
    QString id;                 // norfolk-cads
    QString name;               // Norfolk CADS
    QString serviceName;        // Children's Advice and Duty Service
    QString shortName;          // CADS
    QString authority;          // Norfolk County Council
    QString procedure;          // 3.1 Referrals
    QString procedurePrefix;    // NOR — the spec IDs this profile's procedure owns (ALL- apply to every profile)
    QString referencePrefix;    // NOR — references look like NOR-2026-000123
    QList<Contact> contacts;
    OpeningHours openingHours;
    QList<Timescale> timescales;
    QMap<QString, OptionList> optionLists;
    QString outcomeList;        // id of the option list of outcomes per child (NOR-O1 / LIN-O3)
    QList<Section> sections;

    const OptionList *optionList(const QString &id) const;
    const Question *question(const QString &id) const;
    const Question *questionForField(const QString &field, Repeat repeat) const;
    const Timescale *timescale(const QString &key) const;
    const Contact *contact(const QString &id) const;
    // Every procedure ID named anywhere in the profile.
    QStringList procedureIds() const;
    // True when an ID belongs to this profile's procedure (its prefix) or to both (ALL-).
    bool ownsProcedureId(const QString &id) const;
};

} // namespace FrontDoor
