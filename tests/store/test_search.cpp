// Search and the known-child check (issue 4: search; LIN-T3 "looking at existing records").

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "referral/fields.h"
#include "referral/phonetickey.h"
#include "store/auditverifier.h"
#include "store/referralqueries.h"

using namespace FrontDoor;
using namespace FrontDoorTest;

namespace {

QString addReferral(StoreFixture &f, const QString &childName, const QString &birth, const QString &school = {},
                    const QString &postcode = {}, const QString &alias = {})
{
    StoredReferral d = f->referrals().createDraft(norfolk(), handler).value();
    Referral r = d.referral;
    r.children[0].answers.insert(QStringLiteral("name"), Answer::given(childName));
    if (!birth.isEmpty())
        r.children[0].answers.insert(QStringLiteral("dateOfBirth"), Answer::given(birth));
    if (!school.isEmpty())
        r.children[0].answers.insert(QStringLiteral("school"), Answer::given(school));
    if (!alias.isEmpty())
        r.children[0].answers.insert(QStringLiteral("aliases"), Answer::given(alias));
    if (!postcode.isEmpty())
        r.setAnswer(u"family.postcode", Answer::given(postcode));
    REQUIRE(f->referrals().save(r, d.revision, handler));
    return r.reference;
}

QStringList found(StoreFixture &f, const QString &text)
{
    Result<QList<ReferralSummary>> hits = f->queries().search(text);
    INFO(hits.errorMessage().toStdString());
    REQUIRE(hits);
    QStringList references;
    for (const ReferralSummary &hit : *hits)
        references.append(hit.reference);
    return references;
}

} // namespace

TEST_CASE("Names said alike get the same sound key")
{
    const QList<QStringList> alike{
        {QStringLiteral("Mohammed"), QStringLiteral("Muhammad"), QStringLiteral("Mohamed"), QStringLiteral("Mohammad")},
        {QStringLiteral("Catherine"), QStringLiteral("Kathryn"), QStringLiteral("Katherine")},
        {QStringLiteral("Stephen"), QStringLiteral("Steven")},
        {QStringLiteral("Philip"), QStringLiteral("Filip"), QStringLiteral("Phillip")},
        {QStringLiteral("Zoe"), QStringLiteral("Zoë"), QStringLiteral("ZOE")},
        {QStringLiteral("Smith"), QStringLiteral("Smyth")},
        {QStringLiteral("Leigh"), QStringLiteral("Lee")},
        {QStringLiteral("Aisha"), QStringLiteral("Ayesha")},
        {QStringLiteral("Jon"), QStringLiteral("John")},
        {QStringLiteral("Thompson"), QStringLiteral("Thomson")},
        {QStringLiteral("Christopher"), QStringLiteral("Kristopher")},
    };
    for (const QStringList &group : alike)
        for (const QString &name : group) {
            INFO(name.toStdString() << " vs " << group.first().toStdString());
            CHECK(phoneticKey(name) == phoneticKey(group.first()));
        }
    CHECK(phoneticKey(QStringLiteral("Catherine")) != phoneticKey(QStringLiteral("Caroline")));
    CHECK(phoneticKey(QStringLiteral("Mohammed")) != phoneticKey(QStringLiteral("Michael")));
    CHECK(phoneticKey(QStringLiteral("Smith")) != phoneticKey(QStringLiteral("Smart")));
    CHECK(phoneticKey(QStringLiteral("123")).isEmpty());
}

TEST_CASE("Search finds names and aliases regardless of case and accents, by prefix")
{
    StoreFixture f;
    const QString zoe = addReferral(f, QStringLiteral("Zoë Invented-Smythe"), QStringLiteral("2015-03-12"),
                                    QStringLiteral("Riverside Primary"), QStringLiteral("NR1 2DH"), QStringLiteral("Zee"));
    const QString other = addReferral(f, QStringLiteral("Oliver Madeup"), QStringLiteral("2012-07-01"),
                                      QStringLiteral("Hilltop Academy"), QStringLiteral("PE21 6XX"));
    CHECK(found(f, QStringLiteral("zoe")) == QStringList{zoe});
    CHECK(found(f, QStringLiteral("ZOË")) == QStringList{zoe});
    CHECK(found(f, QStringLiteral("smy")) == QStringList{zoe});
    CHECK(found(f, QStringLiteral("invented-smythe")) == QStringList{zoe});
    CHECK(found(f, QStringLiteral("zee")) == QStringList{zoe});               // alias
    CHECK(found(f, QStringLiteral("riverside")) == QStringList{zoe});         // school
    CHECK(found(f, QStringLiteral("nr1 2dh")) == QStringList{zoe});           // postcode
    CHECK(found(f, QStringLiteral("PE21")) == QStringList{other});
    CHECK(found(f, other) == QStringList{other});                             // reference
    CHECK(found(f, QStringLiteral("zoe oliver")).isEmpty());                  // every word must match
    CHECK(found(f, QStringLiteral("\"*) OR (")).isEmpty());                   // FTS syntax is only text
    CHECK(found(f, QString()).isEmpty());
}

TEST_CASE("Search matches a date of birth exactly or partially")
{
    StoreFixture f;
    const QString a = addReferral(f, QStringLiteral("Ada Testchild"), QStringLiteral("2015-03-12"));
    const QString b = addReferral(f, QStringLiteral("Ben Testchild"), QStringLiteral("2015-03-30"));
    const QString c = addReferral(f, QStringLiteral("Cai Testchild"), QStringLiteral("2016-01-02"));
    CHECK(found(f, QStringLiteral("12/3/2015")) == QStringList{a});
    CHECK(found(f, QStringLiteral("2015-03-12")) == QStringList{a});
    QStringList march = found(f, QStringLiteral("3/2015"));
    march.sort();
    CHECK(march == QStringList{a, b});
    QStringList year = found(f, QStringLiteral("2016"));
    CHECK(year.contains(c));
    CHECK_FALSE(year.contains(a));
    CHECK(found(f, QStringLiteral("testchild 2/1/2016")) == QStringList{c});
}

TEST_CASE("Possible matches for the known-child check: alike names and close birth dates, ranked")
{
    StoreFixture f;
    const QString exact = addReferral(f, QStringLiteral("Muhammad Inventedson"), QStringLiteral("2016-05-04"));
    const QString typo = addReferral(f, QStringLiteral("Mohamed Inventedsen"), QStringLiteral("2016-05-14"));
    const QString olderNamesake = addReferral(f, QStringLiteral("Mohammed Inventedson"), QStringLiteral("1990-01-01"));
    const QString kathryn = addReferral(f, QStringLiteral("Kathryn Fakename"), QStringLiteral("2019-09-09"));
    const QString stranger = addReferral(f, QStringLiteral("Oliver Madeup"), QStringLiteral("2016-05-04"));

    Result<QList<PossibleMatch>> matches = f->queries().possibleMatches(
        QStringLiteral("Mohammed Inventedson"), QStringLiteral("2016-05-04"), testNow().date());
    REQUIRE(matches);
    QStringList references;
    for (const PossibleMatch &m : *matches)
        references.append(m.reference);
    REQUIRE(references.size() >= 2);
    CHECK(references.at(0) == exact);
    CHECK(references.at(1) == typo);
    CHECK_FALSE(references.contains(olderNamesake)); // same name, born 26 years apart: not this child
    CHECK_FALSE(references.contains(stranger));
    CHECK(matches->first().reasons.contains(QStringLiteral("same date of birth")));

    Result<QList<PossibleMatch>> cath = f->queries().possibleMatches(QStringLiteral("Catherine Fakename"),
                                                                    QStringLiteral("age:7y"), testNow().date());
    REQUIRE(cath);
    REQUIRE(cath->size() == 1);
    CHECK(cath->first().reference == kathryn);
    CHECK(cath->first().name == QStringLiteral("Kathryn Fakename"));

    // The referral being taken now is not its own match.
    Result<QList<PossibleMatch>> self = f->queries().possibleMatches(QStringLiteral("Kathryn Fakename"), {},
                                                                    testNow().date(), kathryn);
    REQUIRE(self);
    CHECK(self->isEmpty());
}

TEST_CASE("A year in a search may be a year of birth or part of a name, a postcode or a reference")
{
    StoreFixture f;
    const QString a = addReferral(f, QStringLiteral("Ada Testchild"), QStringLiteral("2015-03-12"));
    const QString b = addReferral(f, QStringLiteral("Ben Testchild"), QStringLiteral("2012-01-01"));
    CHECK(found(f, QStringLiteral("testchild 2015")) == QStringList{a});
    CHECK(found(f, QStringLiteral("ben 2026")) == QStringList{b}); // the reference's year
}

TEST_CASE("A call-handler's queue and search show only their own referrals, a supervisor's all, an administrator's none")
{
    StoreFixture f;
    const QString mine = addReferral(f, QStringLiteral("Ada Testchild"), QStringLiteral("2015-03-12"));
    StoredReferral d = f->referrals().createDraft(norfolk(), otherHandler).value();
    Referral theirs = d.referral;
    theirs.children[0].answers.insert(QStringLiteral("name"), Answer::given(QStringLiteral("Ada Othername")));
    REQUIRE(f->referrals().save(theirs, d.revision, otherHandler));

    CHECK(f->queries().count(ReferralFilter{}, handler).value() == 1);
    CHECK(f->queries().list(ReferralFilter{}, handler)->first().reference == mine);
    CHECK(f->queries().count(ReferralFilter{}, supervisor).value() == 2);
    const Actor administrator{QStringLiteral("u-admin"), Role::Administrator};
    CHECK(f->queries().count(ReferralFilter{}, administrator).error().code == ErrorCode::PermissionDenied);

    const auto references = [](const QList<ReferralSummary> &rows) {
        QStringList r;
        for (const ReferralSummary &row : rows)
            r.append(row.reference);
        return r;
    };
    CHECK(references(f->queries().search(QStringLiteral("ada"), handler).value()) == QStringList{mine});
    CHECK(f->queries().search(QStringLiteral("ada"), supervisor)->size() == 2);
    CHECK_FALSE(f->queries().search(QStringLiteral("ada"), administrator));
}

TEST_CASE("Search folds spaces and punctuation inside names: obriain, o briain and O'Briain all find Ó Briain",
          "[issue18]")
{
    StoreFixture f;
    const QString obriain = addReferral(f, QStringLiteral("Siobhán Ó Briain"), QStringLiteral("2016-02-03"));
    const QString mcdonald = addReferral(f, QStringLiteral("Ewan Mc Donald"), {});
    addReferral(f, QStringLiteral("Oliver Briars"), {});
    for (const char *typed : {"obriain", "o briain", "O'Briain", "Ó BRIAIN", "siobhan obriain"}) {
        INFO(typed);
        CHECK(found(f, QString::fromUtf8(typed)) == QStringList{obriain});
    }
    CHECK(found(f, QStringLiteral("mcdonald")) == QStringList{mcdonald});
    CHECK(found(f, QStringLiteral("briainx")).isEmpty());
}

TEST_CASE("Issue 21: letters with no accent to drop are folded as typed — oyra finds Øyra, lodz Łódź, weiss Weiß")
{
    StoreFixture f;
    const QString oyra = addReferral(f, QStringLiteral("Øyra Strøm"), QStringLiteral("2016-05-05"));
    const QString lucja = addReferral(f, QStringLiteral("Łucja Weiß"), {}, QStringLiteral("Łódź Æble Academy"));
    CHECK(found(f, QStringLiteral("oyra")) == QStringList{oyra});
    CHECK(found(f, QStringLiteral("Øyra")) == QStringList{oyra});
    CHECK(found(f, QStringLiteral("strom")) == QStringList{oyra});
    CHECK(found(f, QStringLiteral("oyr str")) == QStringList{oyra});
    CHECK(found(f, QStringLiteral("lucja")) == QStringList{lucja});
    CHECK(found(f, QStringLiteral("weiss")) == QStringList{lucja});
    CHECK(found(f, QStringLiteral("weiß")) == QStringList{lucja});
    CHECK(found(f, QStringLiteral("lodz")) == QStringList{lucja});
    CHECK(found(f, QStringLiteral("aeble")) == QStringList{lucja});
}

TEST_CASE("Issue 21: a database made by the release before is re-indexed as it opens, and its trail still verifies",
          "[migration]")
{
    StoreFixture f;
    const QString oyra = addReferral(f, QStringLiteral("Øyra Strøm"), QStringLiteral("2016-05-05"));
    fillInvented(f, true);
    // As the release before wrote it: schema version 4, the search index holding the text as typed.
    f.close();
    f.rawExec(QStringLiteral("DELETE FROM referral_search"));
    f.rawExec(QStringLiteral("INSERT INTO referral_search (rowid, body) SELECT id, search_text FROM referrals"));
    f.asWrittenBefore(4);
    REQUIRE(f.rawValue(QStringLiteral("SELECT count(*) FROM referral_search WHERE referral_search MATCH 'oyra'"))
            == QStringLiteral("0")); // what the release before could not find

    f.reopen();
    CHECK(f->database().schemaVersion() == Database::latestSchemaVersion);
    CHECK(found(f, QStringLiteral("oyra")) == QStringList{oyra});
    CHECK(found(f, QStringLiteral("strom 2016")) == QStringList{oyra});
    const Result<AuditVerifier::Report> verified = AuditVerifier::verify(f->database());
    REQUIRE(verified);
    INFO(verified->summary().toStdString());
    CHECK(verified->intact());
}
