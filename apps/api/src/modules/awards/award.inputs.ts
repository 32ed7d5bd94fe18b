import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import type { HonorKind, HonorLevel, SocialProgramme } from "@zuofu/shared";
import { UserError } from "../../graphql/errors";
import { HonorKindEnum, HonorLevelEnum, SocialProgrammeEnum } from "../../graphql/enums";
import { MaxLen } from "../../graphql/validation";
import { User } from "../accounts/user.entity";
import { Chamber } from "../chambers/chamber.entity";
import { Enterprise } from "../enterprises/enterprise.entity";
import { ImportProblem } from "../training/training-import.inputs";
import { EventKindEnum, type EventKind } from "../events/event.enums";
import { AwardCycle, EligibilityRule } from "./award-cycle.entity";
import { AwardJudgeAssignment } from "./award-judge-assignment.entity";
import { AwardNomination } from "./award-nomination.entity";
import { AwardProgram } from "./award-program.entity";
import {
  AwardCyclePhaseEnum,
  ConflictKindEnum,
  EligibilityRuleTypeEnum,
  NominationStatusEnum,
  NomineeKindEnum,
  type AwardCyclePhase,
  type ConflictKind,
  type EligibilityRuleType,
  type NominationStatus,
  type NomineeKind,
} from "./award.enums";

// ---- dossier: what the platform knows about a nominee, up to the cycle's year

@ObjectType({ description: "A completed cohort of the nominee or one of its people" })
export class DossierTraining {
  @Field() traineeName: string;
  @Field() courseTitle: string;
  @Field(() => Int) cohortNumber: number;
  @Field() startsOn: string;
  @Field() endsOn: string;
  @Field(() => String, { nullable: true }) certificateSerial: string | null;
}

@ObjectType({ description: "A salon, lecture or study activity the nominee's people took part in" })
export class DossierEvent {
  @Field() traineeName: string;
  @Field(() => EventKindEnum) kind: EventKind;
  @Field() title: string;
  @Field() startsOn: string;
}

@ObjectType()
export class DossierHonor {
  @Field(() => HonorKindEnum) kind: HonorKind;
  @Field(() => HonorLevelEnum) level: HonorLevel;
  @Field(() => Int) year: number;
  @Field(() => String, { nullable: true }) validUntil: string | null;
}

@ObjectType()
export class DossierSocialRecord {
  @Field(() => SocialProgrammeEnum) programme: SocialProgramme;
  @Field(() => Int) year: number;
  @Field(() => Float) amountYuan: number;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType({ description: "A published commendation of an earlier year" })
export class DossierAward {
  programId: number;
  @Field() programName: string;
  @Field(() => Int) year: number;
  @Field({ description: "Who was commended (the enterprise, or one of its people)" }) winnerName: string;
}

@ObjectType({ description: "One eligibility rule, whether the nominee meets it, and the records that decide it" })
export class EligibilityCheck {
  @Field(() => EligibilityRule) rule: EligibilityRule;
  @Field() met: boolean;
  @Field(() => [DossierTraining]) training: DossierTraining[];
  @Field(() => [DossierHonor]) honors: DossierHonor[];
  @Field(() => [DossierSocialRecord]) socialRecords: DossierSocialRecord[];
  @Field(() => [DossierAward], { description: "For NOT_RECENT_WINNER: the commendations that break it" })
  priorAwards: DossierAward[];
}

@ObjectType({ description: "Training, events, honors, social record and prior awards of a nominee" })
export class AwardDossier {
  @Field(() => Date, { nullable: true, description: "When it was frozen; null while computed live" })
  frozenAt: Date | null;
  @Field({ description: "Meets every eligibility rule" }) eligible: boolean;
  @Field(() => [EligibilityCheck]) eligibility: EligibilityCheck[];
  @Field(() => [DossierTraining]) training: DossierTraining[];
  @Field(() => [DossierEvent]) events: DossierEvent[];
  @Field(() => [DossierHonor]) honors: DossierHonor[];
  @Field(() => [DossierSocialRecord]) socialRecords: DossierSocialRecord[];
  @Field(() => [DossierAward]) priorAwards: DossierAward[];
}

// ---- programs and cycles

@InputType()
export class CreateAwardProgramInput {
  @Field() @MaxLen(100) name: string;
  @Field(() => NomineeKindEnum) nomineeKind: NomineeKind;
  @Field(() => String, { nullable: true }) @MaxLen(5000) description?: string | null;
}
@ObjectType()
export class CreateAwardProgramPayload {
  @Field(() => AwardProgram, { nullable: true }) program?: AwardProgram;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class UpdateAwardProgramInput {
  @Field(() => ID) programId: string;
  @Field({ nullable: true }) @MaxLen(100) name?: string;
  @Field(() => String, { nullable: true }) @MaxLen(5000) description?: string | null;
}
@ObjectType()
export class UpdateAwardProgramPayload {
  @Field(() => AwardProgram, { nullable: true }) program?: AwardProgram;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class AwardCriterionInput {
  @Field() @MaxLen(100) name: string;
  @Field(() => String, { nullable: true }) @MaxLen(500) description?: string | null;
  @Field(() => Int, { description: "1 to 100" }) weight: number;
}

@InputType()
export class EligibilityRuleInput {
  @Field(() => EligibilityRuleTypeEnum) type: EligibilityRuleType;
  @Field(() => HonorKindEnum, { nullable: true }) honorKind?: HonorKind | null;
  @Field(() => Int, { nullable: true, description: "1 to 20" }) years?: number | null;
}

@InputType()
export class AwardCycleFieldsInput {
  @Field(() => Int, { nullable: true, description: "Winners to select, 1 to 1000" }) quota?: number;
  @Field(() => [AwardCriterionInput], { nullable: true, description: "Replaces the criteria (DRAFT only)" })
  criteria?: AwardCriterionInput[];
  @Field(() => [EligibilityRuleInput], { nullable: true, description: "Replaces the rules (DRAFT only)" })
  eligibilityRules?: EligibilityRuleInput[];
  @Field(() => Date, { nullable: true }) nominationsCloseAt?: Date | null;
  @Field(() => Date, { nullable: true }) judgingEndsAt?: Date | null;
}
@InputType()
export class CreateAwardCycleInput extends AwardCycleFieldsInput {
  @Field(() => ID) programId: string;
  @Field(() => Int) year: number;
}
@InputType()
export class UpdateAwardCycleInput extends AwardCycleFieldsInput {
  @Field(() => ID) cycleId: string;
}
@ObjectType()
export class CreateAwardCyclePayload {
  @Field(() => AwardCycle, { nullable: true }) cycle?: AwardCycle;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class UpdateAwardCyclePayload {
  @Field(() => AwardCycle, { nullable: true }) cycle?: AwardCycle;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ChangeAwardCyclePhaseInput {
  @Field(() => ID) cycleId: string;
  @Field(() => AwardCyclePhaseEnum, { description: "The next phase, or the previous one (before PUBLISHED)" })
  phase: AwardCyclePhase;
  @Field(() => String, {
    nullable: true,
    description: "Required to go back, to decide before all scores are in, or to choose other winners than the ranking",
  })
  @MaxLen(1000)
  reason?: string | null;
  @Field({ nullable: true, description: "DECIDED: decide although score sets are missing (give a reason)" })
  allowIncompleteScores?: boolean;
  @Field(() => [ID], { nullable: true, description: "DECIDED: the winners, when not the top of the ranking" })
  winnerNominationIds?: string[];
  @Field({ nullable: true, description: "DECIDED: rank by per-judge z-scores instead of raw averages" })
  normalizeScores?: boolean;
}
@ObjectType()
export class ChangeAwardCyclePhasePayload {
  @Field(() => AwardCycle, { nullable: true }) cycle?: AwardCycle;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class AwardCycleFilter {
  @Field(() => ID, { nullable: true }) programId?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => AwardCyclePhaseEnum, { nullable: true }) phase?: AwardCyclePhase;
}

@ArgsType()
export class NominationListArgs {
  @Field(() => NominationStatusEnum, { nullable: true }) status?: NominationStatus;
}

// ---- nominations

@InputType()
export class NominateInput {
  @Field(() => ID) cycleId: string;
  @Field(() => ID, { description: "An Enterprise, or a Trainee for ENTREPRENEUR and INDIVIDUAL_BUSINESS awards" })
  nomineeId: string;
  @Field() @MaxLen(5000) justification: string;
}
@ObjectType()
export class NominatePayload {
  @Field(() => AwardNomination, { nullable: true }) nomination?: AwardNomination;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class WithdrawNominationInput {
  @Field(() => ID) nominationId: string;
  @Field(() => String, { nullable: true }) @MaxLen(500) reason?: string | null;
}
@ObjectType()
export class WithdrawNominationPayload {
  @Field(() => AwardNomination, { nullable: true }) nomination?: AwardNomination;
  @Field(() => [UserError]) userErrors: UserError[];
}

// ---- judging

@InputType()
export class AssignJudgesInput {
  @Field(() => ID) nominationId: string;
  @Field(() => [ID]) judgeIds: string[];
}
@ObjectType({ description: "A judge staff may assign to a nomination, with any conflict shown before assigning" })
export class AwardJudgeCandidate {
  @Field(() => User) judge: User;
  @Field({ description: "Already assigned to this nomination" }) assigned: boolean;
  @Field(() => ConflictKindEnum, { nullable: true }) conflict: ConflictKind | null;
  @Field(() => String, {
    nullable: true,
    description: "Why, in a sentence in the caller's language, naming the shared enterprise or chamber",
  })
  conflictReason: string | null;
}

@ObjectType({ description: "What staff record a judge as linked to, whatever the judge's trainee profile says" })
export class JudgeAffiliations {
  @Field(() => [Enterprise]) enterprises: Enterprise[];
  @Field(() => [Chamber]) chambers: Chamber[];
}

@InputType()
export class SetJudgeAffiliationsInput {
  @Field(() => ID) judgeId: string;
  @Field(() => [ID], { description: "Replaces the judge's enterprises (at most 20)" }) enterpriseIds: string[];
  @Field(() => [ID], { description: "Replaces the judge's chambers (at most 20)" }) chamberIds: string[];
}

@ObjectType()
export class SetJudgeAffiliationsPayload {
  @Field(() => User, { nullable: true }) judge?: User;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class AssignJudgesPayload {
  @Field(() => AwardNomination, { nullable: true }) nomination?: AwardNomination;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class UnassignJudgeInput {
  @Field(() => ID) nominationId: string;
  @Field(() => ID) judgeId: string;
}
@ObjectType()
export class UnassignJudgePayload {
  @Field(() => AwardNomination, { nullable: true }) nomination?: AwardNomination;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class AssignJudgesEvenlyInput {
  @Field(() => ID) cycleId: string;
  @Field(() => [ID]) judgeIds: string[];
  @Field(() => Int, { description: "Judges each active nomination should have" }) judgesPerNomination: number;
}
@ObjectType()
export class AssignJudgesEvenlyPayload {
  @Field(() => AwardCycle, { nullable: true }) cycle?: AwardCycle;
  @Field(() => Int, { nullable: true }) assignmentsCreated?: number;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class DeclareConflictInput {
  @Field(() => ID) nominationId: string;
  @Field(() => String, { nullable: true }) @MaxLen(500) reason?: string | null;
}
@ObjectType()
export class DeclareConflictPayload {
  @Field(() => AwardJudgeAssignment, { nullable: true }) assignment?: AwardJudgeAssignment;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class CriterionScoreInput {
  @Field(() => ID) criterionId: string;
  // Float, so that 8.5 reaches the service and is refused with a message beside its field.
  @Field(() => Float, { description: "A whole number from 0 to 10" }) score: number;
  @Field(() => String, { nullable: true }) @MaxLen(1000) comment?: string | null;
}
@InputType()
export class SubmitScoresInput {
  @Field(() => ID) nominationId: string;
  @Field(() => [CriterionScoreInput]) scores: CriterionScoreInput[];
}
@ObjectType()
export class SubmitScoresPayload {
  @Field(() => AwardJudgeAssignment, { nullable: true }) assignment?: AwardJudgeAssignment;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class AwardAssignmentFilter {
  @Field(() => ID, { nullable: true }) cycleId?: string;
}

@ObjectType()
export class AwardJudgeProgress {
  @Field(() => User) judge: User;
  @Field(() => Int, { description: "Assignments without a conflict" }) assigned: number;
  @Field(() => Int, { description: "Of those, with every criterion scored" }) complete: number;
  @Field(() => Int) conflicts: number;
}
@ObjectType({ description: "How far judging has come (staff)" })
export class AwardJudgingProgress {
  @Field(() => Int, { description: "Active nominations" }) nominations: number;
  @Field(() => Int) nominationsWithoutJudges: number;
  @Field(() => Int, { description: "Score sets the decision waits for" }) expectedScoreSets: number;
  @Field(() => Int) completeScoreSets: number;
  @Field(() => Int) conflicts: number;
  @Field(() => [AwardJudgeProgress]) judges: AwardJudgeProgress[];
}
@ObjectType({ description: "One nomination's place in the ranking; equal scores share a rank" })
export class AwardRankingEntry {
  @Field(() => Int, { nullable: true, description: "Null until a complete score set exists" }) rank: number | null;
  @Field({ description: "Shares its rank with another nomination" }) tied: boolean;
  @Field(() => Float, { nullable: true, description: "Weighted average (0–10), or mean z-score when normalized" })
  score: number | null;
  @Field(() => Int) completeScoreSets: number;
  @Field(() => Int) assignedJudges: number;
  @Field() eligible: boolean;
  @Field({ description: "Selected by the decision" }) winner: boolean;
  @Field(() => AwardNomination) nomination: AwardNomination;
}

// ---- honor roll and history

@InputType()
export class HonorRollFilter {
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => ID, { nullable: true }) programId?: string;
  @Field({ nullable: true, description: "Part of the winner's name or enterprise" }) @MaxLen(100) search?: string;
}

@InputType()
export class ImportCommendationsInput {
  @Field({ description: "The file's name; its extension, .csv or .xlsx, decides how it is read" })
  @MaxLen(255)
  fileName: string;
  @Field({ description: "The file's bytes in base64 (a data: URL is accepted); at most 5 MB" }) contentBase64: string;
  @Field({ defaultValue: false, description: "Check and count only; nothing is written" }) dryRun: boolean;
}
@ObjectType()
export class ImportCommendationsPayload {
  @Field({ nullable: true }) dryRun?: boolean;
  @Field(() => [ImportProblem], { nullable: true, description: "Every problem found; nothing is imported while any" })
  problems?: ImportProblem[];
  @Field(() => Int, { nullable: true, description: "Commendations added to the honor roll (a dry run: would add)" })
  created?: number;
  @Field(() => Int, { nullable: true, description: "Rows already on the honor roll, left as they are" })
  existing?: number;
  @Field(() => [UserError]) userErrors: UserError[];
}
