#include "rules/procedureids.h"

namespace FrontDoor::ProcedureIds {

// Copied from spec/procedure-rules.md (the two procedures' requirements, numbered). The coverage test checks that
// each is served by a profile item, a rule, or an entry of handledElsewhere().
const QList<Requirement> &all()
{
    static const QList<Requirement> requirements{
        {QStringLiteral("NOR-G0"),
         QStringLiteral("Absence of information must not delay a referral: each item is addressed by a value, \"not known\", \"declined\" or \"not asked — reason\".")},
        {QStringLiteral("LIN-R1"),
         QStringLiteral("All referrals to Children's Social Care go through the CSC (part of the Local Authority); referrals to Lincolnshire Police go via its Central Referral Unit (CRU).")},
        {QStringLiteral("LIN-R2"),
         QStringLiteral("Out of hours: Emergency Duty Team (EDT) or Police Headquarters.")},
        {QStringLiteral("LIN-R3"),
         QStringLiteral("CSC can offer: parenting information (leaflets, websites); signposting to other services incl. the Family Group Conference Service; signposting into the Team Around the Child (TAC) process; referral on to Children's Social Care: Family Assessment Support Team (FAST) or Children with Disability Team.")},
        {QStringLiteral("LIN-R4"),
         QStringLiteral("Open case: transfer the call to the allocated worker/team; if unavailable, pass the information to the relevant Principal Practitioner. Further concerns on an open case: key worker discusses with Principal Practitioner/Team Manager whether a Section 47 enquiry is needed; child subject to TAC: Lead Professional discusses with their designated officer.")},
        {QStringLiteral("NOR-R1"),
         QStringLiteral("CADS: 0344 800 8021, answered by a Consultant Social Worker, 08:00–20:00. Out of hours: Customer Services Centre 0344 800 8020, put through to the Emergency Duty Team; in an emergency, the Police. If CADS cannot be reached, report via the Police.")},
        {QStringLiteral("NOR-R2"),
         QStringLiteral("Child with an allocated social worker: contact that worker directly, or in their absence the team manager or duty worker. Contact is made even if Children's Social Care is already involved.")},
        {QStringLiteral("NOR-R3"),
         QStringLiteral("Threshold: a child suffering or likely to suffer Significant Harm (contact immediately; the greater the risk the more urgent), or a child likely to benefit from family support services with the agreement of the person with Parental Responsibility.")},
        {QStringLiteral("NOR-R4"),
         QStringLiteral("Harm caused by another child: both children — alleged perpetrator and victim — must be referred (two linked referrals).")},
        {QStringLiteral("NOR-R5"),
         QStringLiteral("Allegation against a parent, professional, volunteer or anyone caring for or working with the child: flag for the \"Allegations against Persons who Work with Children\" route.")},
        {QStringLiteral("NOR-R6"),
         QStringLiteral("Referring agency disagrees with the CADS decision: discuss with the social worker's line manager; record the disagreement and its resolution (LIN: Professional Resolution and Escalation Protocol).")},
        {QStringLiteral("NOR-R7"),
         QStringLiteral("The referral never waits for a designated or named professional who is unavailable: contact and urgent medical treatment go ahead without delay (prompt; record who was unavailable if relevant).")},
        {QStringLiteral("NOR-S1"),
         QStringLiteral("Serious injury or needs treatment: medical attention immediately (ambulance, A&E); the duty Consultant Paediatrician is informed. Record what was done and when.")},
        {QStringLiteral("NOR-S2"),
         QStringLiteral("No child may be left in immediate danger; consider other children in the household, related households, the alleged perpetrator's household, and elsewhere (e.g. a school).")},
        {QStringLiteral("NOR-S3"),
         QStringLiteral("Child in hospital with alleged/suspected/confirmed abuse must not be discharged until CADS has been contacted and a decision made on immediate protection.")},
        {QStringLiteral("NOR-S4"),
         QStringLiteral("Whether the child is safe now or needs immediate protection because of an approaching deadline (e.g. about to be collected by the alleged abuser).")},
        {QStringLiteral("NOR-S5"),
         QStringLiteral("Risk to life or of immediate harm: urgent action. Options: alleged abuser agrees to leave; removal of the alleged abuser; voluntary move of the child to a safer place; Emergency Protection Order; Police Protection; entry under police powers. Always consider other children.")},
        {QStringLiteral("LIN-S1"),
         QStringLiteral("Emergency action to safeguard a child may come before an immediate Strategy Discussion (Immediate Protection Procedure).")},
        {QStringLiteral("ALL-G1"),
         QStringLiteral("Each child: full name, aliases, date of birth (or estimated age / expected date of delivery for an unborn child), gender")},
        {QStringLiteral("ALL-G2"),
         QStringLiteral("Family address and previous addresses; contact details")},
        {QStringLiteral("NOR-G3"),
         QStringLiteral("Who holds Parental Responsibility")},
        {QStringLiteral("ALL-G4"),
         QStringLiteral("Household members (names, dates of birth, relationship), other children, significant people outside the household")},
        {QStringLiteral("NOR-G5"),
         QStringLiteral("Ethnicity, first language, religion of the children and the parents/carers")},
        {QStringLiteral("NOR-G6"),
         QStringLiteral("Need for an interpreter, signer or other communication aid")},
        {QStringLiteral("ALL-G7"),
         QStringLiteral("Needs of the child and family, incl. special needs (cultural, physical, psychological, medical …)")},
        {QStringLiteral("NOR-G8"),
         QStringLiteral("School registered at / attending")},
        {QStringLiteral("NOR-G9"),
         QStringLiteral("Significant recent or historical events in the child's or family's life")},
        {QStringLiteral("NOR-G10"),
         QStringLiteral("Recently abroad, or recently arrived in the area")},
        {QStringLiteral("ALL-G11"),
         QStringLiteral("Nature of the concern; how and why it arose; allegations, their sources, timing, location; the basis of any abuse or neglect concern")},
        {QStringLiteral("NOR-G12"),
         QStringLiteral("Identity and current whereabouts of the alleged perpetrator")},
        {QStringLiteral("NOR-G13"),
         QStringLiteral("Child's current location and emotional and physical condition")},
        {QStringLiteral("ALL-G14"),
         QStringLiteral("Whether urgent action is needed to make the child safe (see §2)")},
        {QStringLiteral("NOR-G15"),
         QStringLiteral("The child's account; the parents' response (sought unless that would put the child at risk)")},
        {QStringLiteral("NOR-G16"),
         QStringLiteral("Referrer's relationship to and knowledge of the child and parents/carers")},
        {QStringLiteral("ALL-G17"),
         QStringLiteral("Other agencies and professionals involved, now or before")},
        {QStringLiteral("ALL-G18"),
         QStringLiteral("Parental knowledge of, and agreement to, the referral (see §4)")},
        {QStringLiteral("LIN-G19"),
         QStringLiteral("Concerns about parental drug or alcohol misuse or mental ill health (add domestic abuse: LIN §1)")},
        {QStringLiteral("LIN-G20"),
         QStringLiteral("Whether the referrer's identity can be shared with the family (see §5)")},
        {QStringLiteral("ALL-C1"),
         QStringLiteral("Record one decision: parent agreed · parent refused · not sought · not applicable (with reason) · not yet known.")},
        {QStringLiteral("NOR-C2"),
         QStringLiteral("Parent agreed: the agreement is recorded at the time of the call.")},
        {QStringLiteral("LIN-C3"),
         QStringLiteral("Not sought (referring without discussion): the reasons, from the procedure's factors — staff safety; risk of destroying evidence; children or family members being intimidated; increased risk of domestic abuse; family moving to avoid professional scrutiny; detection or prevention of a crime such as sexual abuse — or another reason in words.")},
        {QStringLiteral("NOR-C4"),
         QStringLiteral("Not sought by a professional: approved by their manager (name, when), recorded, reasons given.")},
        {QStringLiteral("NOR-C5"),
         QStringLiteral("Refused: advice/approval from a manager or Designated Senior Person / Named Professional (unless that would cause undue delay — then say so); the outcome of that consultation recorded.")},
        {QStringLiteral("NOR-C6"),
         QStringLiteral("Proceeding despite refusal: reason recorded; the front door is told permission was withheld; an action is created for the referring professional to inform the parent that the referral has been made.")},
        {QStringLiteral("NOR-C7"),
         QStringLiteral("Family-support (not significant-harm) referrals need the agreement of the person with Parental Responsibility.")},
        {QStringLiteral("NOR-C8"),
         QStringLiteral("Child's views: where the child understands the significance, their views are asked for and recorded.")},
        {QStringLiteral("NOR-C9"),
         QStringLiteral("Pre-birth: concerns shared with the prospective parents and consent obtained unless that may put the unborn child at risk.")},
        {QStringLiteral("NOR-A1"),
         QStringLiteral("A member of the public may give no name, or give it but ask that it is not revealed to the parents/carers. The request is recorded.")},
        {QStringLiteral("NOR-A2"),
         QStringLiteral("Referrals made by professionals can never be anonymous (the core rejects it, not only the UI).")},
        {QStringLiteral("NOR-A3"),
         QStringLiteral("No guarantee of confidentiality may be given (courts may require the identity); absolute confidentiality must not be promised to anyone — the call-handler is prompted and records that this was explained.")},
        {QStringLiteral("LIN-A4"),
         QStringLiteral("Professional referrals: the family is told where the referral came from. Referrals made without family discussion: source disclosed to the family unless the referrer is a member of the public who asked for anonymity.")},
        {QStringLiteral("LIN-A5"),
         QStringLiteral("A community referrer's personal details go to third parties (the family, other agencies) only with their permission: every family- or agency-facing output leaves them out unless permission is recorded.")},
        {QStringLiteral("LIN-A6"),
         QStringLiteral("A professional passing on third-party information in good faith: revealing the source may be inappropriate — record that judgement.")},
        {QStringLiteral("NOR-A7"),
         QStringLiteral("Concerns about relatives, friends or colleagues are not discussed with them before referring (prompt).")},
        {QStringLiteral("LIN-I1"),
         QStringLiteral("Every decision to share or not to share information is recorded with its reasons and who made or advised it (named/designated professional or senior manager).")},
        {QStringLiteral("LIN-P1"),
         QStringLiteral("A possible criminal offence against a child: discuss with the police at the earliest opportunity; record the outcome and whether the discussion constituted a Strategy Discussion.")},
        {QStringLiteral("NOR-P2"),
         QStringLiteral("A crime (incl. sexual or physical assault, injury through neglect): discussed with co-located Police and Health partners; strategy meeting on criminal investigation vs social-care-led intervention; with an allocated social worker, contact the Police in the MASH for a Strategy Discussion.")},
        {QStringLiteral("NOR-P3"),
         QStringLiteral("No enquiry or investigation starts without the authority of CADS or the Police.")},
        {QStringLiteral("NOR-P4"),
         QStringLiteral("The Police may have received the concern first: record that, with the police reference; the Police consult the front door before acting.")},
        {QStringLiteral("NOR-L1"),
         QStringLiteral("Record every conversation: time, setting, who was present, what each party said, actions taken.")},
        {QStringLiteral("NOR-L2"),
         QStringLiteral("Prompts when the caller is the child or relays a disclosure: listen; do not press, lead or cross-examine; do not ask the child to repeat it or write it down; no false promise of confidentiality; explain that the information will be passed on.")},
        {QStringLiteral("NOR-L3"),
         QStringLiteral("Injury with no explanation volunteered: asking how it happened is acceptable (prompt).")},
        {QStringLiteral("LIN-T1"),
         QStringLiteral("A professional's phone referral is confirmed in writing within 24 hours (TAC form): action with a due time.")},
        {QStringLiteral("LIN-T2"),
         QStringLiteral("At the end of the call both sides know who does what, or that nothing further happens; the front door records that decision.")},
        {QStringLiteral("LIN-T3"),
         QStringLiteral("Lincolnshire: next course of action decided within 24 hours.")},
        {QStringLiteral("NOR-T4"),
         QStringLiteral("Norfolk: next steps decided and recorded within one working day of the contact.")},
        {QStringLiteral("LIN-T5"),
         QStringLiteral("A written referral is acknowledged within one working day; the decision is fed back to the referrer within one working day (professional: in writing, TAC reply slip; public: without breaching the child's confidentiality).")},
        {QStringLiteral("ALL-T6"),
         QStringLiteral("Feedback is given for every outcome, including no further action (with reasons and alternative options: advice, another agency incl. Family Group Conference, TAC).")},
        {QStringLiteral("NOR-T7"),
         QStringLiteral("Cross-boundary strategy discussion record distributed within ONE working day.")},
        {QStringLiteral("ALL-T8"),
         QStringLiteral("Working days exclude weekends and England & Wales bank holidays; deadlines are shown and overdue ones stand out.")},
        {QStringLiteral("NOR-O1"),
         QStringLiteral("Child in Need → Social Work Assessment · emergency protective action (immediate Strategy Discussion) · known child with new information → Section 47 Enquiry and/or new/updated Assessment · early help offer or referral to another agency · no further action.")},
        {QStringLiteral("NOR-O2"),
         QStringLiteral("harm by a stranger or another child: record whether the alleged perpetrator poses a risk to this or other children, and whether a parent/carer contributed by omission or commission.")},
        {QStringLiteral("LIN-O3"),
         QStringLiteral("parenting information · signposting (incl. Family Group Conference) · TAC · Children's Social Care (FAST or Children with Disability Team) · passed to Children's Social Care / Police CRU for significant harm · open case transferred · Strategy Discussion / new Section 47 Enquiry on an open case · no further action.")},
        {QStringLiteral("NOR-B1"),
         QStringLiteral("Cross-boundary: child temporarily in another authority's area, in hospital or Looked After elsewhere — the authority where the child is has prime responsibility: record the other authority, that the referral was passed on immediately, consultation with the home authority (and agreement on who is best placed to make enquiries), whether the child has a Child Protection Plan (if so, consultation with the responsible Lead Social Worker), and that enquiries were confirmed in writing.")},
        {QStringLiteral("NOR-B2"),
         QStringLiteral("Pre-birth: expected date of delivery; which of the nine procedure criteria apply (previous unexplained child death; adult convicted of violence; Child Protection Plan in the family; previous removal; domestic violence; substance misuse; mental illness/impairment; inability to care/learning disability without support; other incl. fabricated or induced illness); how the parenting behaviour affects the baby and what risks are predicted.")},
        {QStringLiteral("NOR-D1"),
         QStringLiteral("Recorded: discussions with the caller, with other professionals/agencies (incl. Police), with managers; other information taken into account; decisions.")},
        {QStringLiteral("NOR-D2"),
         QStringLiteral("Decisions are clearly timed, dated and signed: who decided, when, and an authenticated sign-off that cannot be silently altered afterwards.")},
        {QStringLiteral("NOR-D3"),
         QStringLiteral("Records are reviewed at regular intervals so that decisions are followed through: open actions and their due dates are visible.")},
    };
    return requirements;
}

const QList<Requirement> &localAdditions()
{
    static const QList<Requirement> additions{
        {QStringLiteral("LIN-L1"),
         QStringLiteral("Not in Lincolnshire's procedure 4.3, but the Allegations against Persons who Work with Children "
                        "procedure applies in every authority: an allegation against anyone who cares for or works with "
                        "the child is flagged for that route, as NOR-R5 does in Norfolk (confirm locally: the LADO).")},
    };
    return additions;
}

const QList<HandledElsewhere> &handledElsewhere()
{
    static const QList<HandledElsewhere> entries{
        {QStringLiteral("NOR-G0"),
         QStringLiteral("core/rules/answerchecks.cpp and referral/answer.h: every information item of a profile is "
                        "outstanding until addressed (value, not known, declined, not asked with a reason), never "
                        "blocking")},
        {QStringLiteral("NOR-D1"),
         QStringLiteral("the record itself: Referral::conversations (NOR-L1 rule) and the store's audit trail of "
                        "every change and decision")},
        {QStringLiteral("NOR-D2"),
         QStringLiteral("the store's hash-chained audit trail and the signed decision (password again at sign-off)")},
        {QStringLiteral("NOR-D3"),
         QStringLiteral("follow-up actions with due times in Referral::actions, shown in the supervisor's queue; "
                        "overdue ones are flagged by the ALL-T8 rule")},
    };
    return entries;
}

QString summary(const QString &id)
{
    for (const QList<Requirement> *list : {&all(), &localAdditions()})
        for (const Requirement &requirement : *list)
            if (requirement.id == id)
                return requirement.text;
    return {};
}

} // namespace FrontDoor::ProcedureIds
