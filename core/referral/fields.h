#pragma once

#include <QLatin1StringView>

// The keys under which a referral's answers are stored. Profiles bind their questions to these keys; the rules
// read them. Referral-level keys always contain a dot ("section.item"); per-person keys (children[], adults[])
// never do. A profile may add keys of its own: they are information items like any other.
namespace FrontDoor::Field {

using Key = QLatin1StringView;

// Who is calling (ALL-G16 relationship and knowledge: NOR-G16) and how to reach them.
inline constexpr Key referrerType{"referrer.type"};
inline constexpr Key referrerName{"referrer.name"};
inline constexpr Key referrerOrganisation{"referrer.organisation"};
inline constexpr Key referrerRole{"referrer.role"};
inline constexpr Key referrerPhone{"referrer.phone"};
inline constexpr Key referrerEmail{"referrer.email"};
inline constexpr Key referrerAddress{"referrer.address"};

// The family's home (ALL-G3 addresses, searched by the queue).
inline constexpr Key familyAddress{"family.address"};
inline constexpr Key familyPostcode{"family.postcode"};
inline constexpr Key familyPreviousAddresses{"family.previousAddresses"};
inline constexpr Key referrerRelationship{"referrer.relationship"};

// §5 referrer identity decision.
inline constexpr Key identityDecision{"identity.decision"};                    // NOR-A1, LIN-G20
inline constexpr Key identityConfidentialityExplained{"identity.confidentialityExplained"}; // NOR-A3
inline constexpr Key identityGoodFaithJudgement{"identity.goodFaithJudgement"}; // LIN-A6

// §2 immediate safety.
inline constexpr Key triageImmediateDanger{"triage.immediateDanger"};     // NOR-S5, NOR-S2, LIN-S1, ALL-G14
inline constexpr Key triageDangerAction{"triage.dangerAction"};           // NOR-S5 options (multiple)
inline constexpr Key triageDangerActionDetail{"triage.dangerActionDetail"}; // what was done, when
inline constexpr Key triageOtherChildren{"triage.otherChildren"};         // NOR-S2
inline constexpr Key triageMedicalAttention{"triage.medicalAttention"};   // NOR-S1
inline constexpr Key triageMedicalAction{"triage.medicalAction"};         // NOR-S1
inline constexpr Key triagePaediatricianInformed{"triage.paediatricianInformed"}; // NOR-S1
inline constexpr Key triageHospitalInpatient{"triage.hospitalInpatient"}; // NOR-S3
inline constexpr Key triageDischargeHeld{"triage.dischargeHeld"};         // NOR-S3
inline constexpr Key triageApproachingDeadline{"triage.approachingDeadline"}; // NOR-S4
inline constexpr Key triageDeadlineAction{"triage.deadlineAction"};       // NOR-S4

// The concern.
inline constexpr Key concernThreshold{"concern.threshold"};             // NOR-R3: significantHarm or familySupport
inline constexpr Key perpetratorStranger{"concern.perpetratorStranger"}; // NOR-O2: not previously known to the child

// §4 parental consent decision.
inline constexpr Key consentDecision{"consent.decision"};                 // ALL-C1
inline constexpr Key consentAgreedBy{"consent.agreedBy"};                 // NOR-C2
inline constexpr Key consentNotApplicableReason{"consent.notApplicableReason"}; // ALL-C1
inline constexpr Key consentFactors{"consent.factors"};                   // LIN-C3 (multiple)
inline constexpr Key consentOtherReason{"consent.otherReason"};           // LIN-C3, NOR-C4
inline constexpr Key consentManagerName{"consent.managerName"};           // NOR-C4
inline constexpr Key consentManagerApprovedAt{"consent.managerApprovedAt"}; // NOR-C4
inline constexpr Key consentConsultationOutcome{"consent.consultationOutcome"}; // NOR-C5
inline constexpr Key consentUndueDelay{"consent.undueDelay"};             // NOR-C5: consultation would cause undue delay
inline constexpr Key consentProceedingReason{"consent.proceedingReason"}; // NOR-C6
inline constexpr Key consentChildViews{"consent.childViews"};             // NOR-C8

// §6 crime and police.
inline constexpr Key policeCrimeSuspected{"police.crimeSuspected"};       // LIN-P1, NOR-P2
inline constexpr Key policeConsulted{"police.consulted"};                 // LIN-P1
inline constexpr Key policeOutcome{"police.outcome"};                     // LIN-P1
inline constexpr Key policeStrategyDiscussion{"police.strategyDiscussion"}; // LIN-P1
inline constexpr Key policeReceivedFirst{"police.receivedFirst"};         // NOR-P4
inline constexpr Key policeReference{"police.reference"};                 // NOR-P4

// §9 special kinds.
inline constexpr Key crossBoundary{"special.crossBoundary"};              // NOR-B1
inline constexpr Key crossBoundaryAuthority{"special.otherAuthority"};
inline constexpr Key crossBoundaryPassedOn{"special.passedOn"};
inline constexpr Key crossBoundaryHomeConsulted{"special.homeAuthorityConsulted"};
inline constexpr Key crossBoundaryProtectionPlan{"special.childProtectionPlan"};
inline constexpr Key crossBoundaryLeadWorkerConsulted{"special.leadSocialWorkerConsulted"};
inline constexpr Key crossBoundaryConfirmedInWriting{"special.confirmedInWriting"};
inline constexpr Key preBirthCriteria{"special.preBirthCriteria"};        // NOR-B2 (multiple)
inline constexpr Key preBirthImpact{"special.preBirthImpact"};            // NOR-B2
inline constexpr Key allegationAgainstWorker{"special.allegationAgainstWorker"}; // NOR-R5
inline constexpr Key harmByChild{"special.harmByChild"};                  // NOR-R4
inline constexpr Key otherChildReferral{"special.otherChildReferral"};    // NOR-R4: the linked referral's reference
inline constexpr Key otherChildAuthority{"special.otherChildAuthority"};  // NOR-R4: whose reference, when not ours
inline constexpr Key openCase{"special.openCase"};                        // LIN-R4, NOR-R2
inline constexpr Key allocatedWorker{"special.allocatedWorker"};
inline constexpr Key allocatedWorkerContact{"special.allocatedWorkerContact"};

// LIN-T2: at the end of the call, who does what next.
inline constexpr Key agreedActions{"call.agreedActions"};

// NOR-O2: harm by a stranger or another child — decided by the supervisor.
inline constexpr Key decisionPerpetratorRisk{"decision.perpetratorRisk"};
inline constexpr Key decisionParentContributed{"decision.parentContributed"};
// The supervisor's priority for the case (red, amber, green) and why (issue 7).
inline constexpr Key decisionPriority{"decision.priority"};
inline constexpr Key decisionPriorityRationale{"decision.priorityRationale"};
// NOR-C4, NOR-C5: the supervisor's approval of the consent decision, and what they noted.
inline constexpr Key decisionConsentApproved{"decision.consentApproved"};
inline constexpr Key decisionConsentApprovalNote{"decision.consentApprovalNote"};

// Per person (children[] and adults[]).
inline constexpr Key personName{"name"};
inline constexpr Key personAliases{"aliases"};
inline constexpr Key personDateOfBirth{"dateOfBirth"};
inline constexpr Key personGender{"gender"};
inline constexpr Key childUnborn{"unborn"};                 // NOR-B2, ALL-G1
inline constexpr Key childExpectedDelivery{"expectedDelivery"};
inline constexpr Key adultRoles{"roles"};                   // multiple: see Option::role*
inline constexpr Key adultRelationship{"relationship"};
// LIN-T3, LIN-R4, NOR-R2: the earlier referral the call-handler chose as being about this child (known-child check).
inline constexpr Key childEarlierReferral{"earlierReferral"};

} // namespace FrontDoor::Field

// Option values the rules rely on. Profiles may label them as they like, but these values must exist in the
// matching option lists (the profile loader checks it).
namespace FrontDoor::Option {

using Value = QLatin1StringView;

inline constexpr Value yes{"yes"};
inline constexpr Value no{"no"};

inline constexpr Value memberOfPublic{"memberOfPublic"};
inline constexpr Value professional{"professional"};
inline constexpr Value parentCarer{"parentCarer"};
inline constexpr Value child{"child"};
inline constexpr Value otherChild{"otherChild"};
inline constexpr Value anonymousCaller{"anonymous"};

inline constexpr Value consentAgreed{"agreed"};
inline constexpr Value consentRefused{"refused"};
inline constexpr Value consentNotSought{"notSought"};
inline constexpr Value consentNotApplicable{"notApplicable"};
inline constexpr Value consentNotYetKnown{"notYetKnown"};

inline constexpr Value identityMayBeShared{"mayBeShared"};
inline constexpr Value identityNotToFamily{"notToFamily"};
inline constexpr Value identityAnonymous{"anonymous"};

inline constexpr Value thresholdSignificantHarm{"significantHarm"};
inline constexpr Value thresholdFamilySupport{"familySupport"};

inline constexpr Value roleHousehold{"householdMember"};
inline constexpr Value roleParentalResponsibility{"parentalResponsibility"};
inline constexpr Value roleSignificantOther{"significantOther"};
inline constexpr Value roleAllegedPerpetrator{"allegedPerpetrator"};

inline constexpr Value outcomeNoFurtherAction{"noFurtherAction"};

} // namespace FrontDoor::Option
