import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { withFieldResolvers } from "../loading/fields";
import { withLoading } from "../loading/plan";
import { withPlainTypeResolvers } from "./execution";
import { withMutationPayloads } from "./mutations";
import { withVisibility } from "./visibility";
import { NodeResolver } from "./node.resolver";
import {
  AccountResolver,
  AuditEntryActorResolver,
  TraineeClaimResolver,
  TraineeEnterpriseLinkDeciderResolver,
} from "../modules/accounts/account.resolver";
import {
  EnterpriseTraineesResolver,
  TraineeEnterpriseLinkResolver,
  TraineeResolver,
} from "../modules/trainees/trainee.resolver";
import { EnterpriseResolver } from "../modules/enterprises/enterprise.resolver";
import { AuditResolver } from "../modules/audit/audit.resolver";
import { CohortResolver, CourseResolver } from "../modules/training/cohort.resolver";
import {
  AttendanceResolver,
  CertificateResolver,
  ClassSessionResolver,
  EnrollmentResolver,
  TraineeTrainingResolver,
} from "../modules/training/enrollment.resolver";
import { StatisticsResolver } from "../modules/statistics/statistics.resolver";
import { StatisticsByCourseResolver } from "../modules/statistics/course-figures.resolver";
import { TrainingImportResolver } from "../modules/training/training-import.resolver";
import { EventResolver, EventSpeakerResolver, SpeakerResolver } from "../modules/events/event.resolver";
import {
  CalendarFeedResolver,
  EventRegistrationResolver,
  TraineeEventsResolver,
} from "../modules/events/event-registration.resolver";
import { ApiKeyResolver, ChamberResolver, EnterpriseChambersResolver } from "../modules/chambers/chamber.resolver";
import { StatisticsChambersResolver } from "../modules/statistics/partner-chambers.resolver";
import { PartnerNominationResolver } from "../modules/awards/partner-nomination.resolver";
import { AwardCycleResolver, AwardProgramResolver } from "../modules/awards/award-cycle.resolver";
import {
  AwardJudgeAssignmentResolver,
  AwardNominationResolver,
  JudgeAffiliationResolver,
  AwardScoreResolver,
} from "../modules/awards/award-nomination.resolver";
import {
  AwardWinnerResolver,
  EnterpriseAwardsResolver,
  TraineeAwardsResolver,
} from "../modules/awards/honor-roll.resolver";
import { NotificationDeliveryResolver, NotificationResolver } from "../modules/notifications/notification.resolver";
import { ExportResolver } from "../modules/exports/export.resolver";
import { nodePolicies } from "../modules/node-policies";
import { ProblemAttachmentResolver, ProblemEventResolver, ProblemResolver } from "../modules/desk/problem.resolver";
import {
  EnterpriseContactRequestResolver,
  EnterpriseContactResolver,
} from "../modules/desk/enterprise-contact.resolver";
import { DeskFiguresResolver } from "../modules/desk/desk-figures.resolver";
import {
  CommissionerResolver,
  DeskCoverageResolver,
  ProblemVisitResolver,
  UserCommissionerResolver,
  VisitResolver,
} from "../modules/desk/commissioner.resolver";
import { DepartmentResolver } from "../modules/desk/department.resolver";

export const resolvers = [
  NodeResolver,
  AccountResolver,
  TraineeClaimResolver,
  TraineeResolver,
  TraineeEnterpriseLinkResolver,
  TraineeEnterpriseLinkDeciderResolver,
  EnterpriseResolver,
  EnterpriseTraineesResolver,
  AuditResolver,
  AuditEntryActorResolver,
  CourseResolver,
  CohortResolver,
  EnrollmentResolver,
  CertificateResolver,
  ClassSessionResolver,
  AttendanceResolver,
  TraineeTrainingResolver,
  StatisticsResolver,
  StatisticsByCourseResolver,
  TrainingImportResolver,
  EventResolver,
  EventSpeakerResolver,
  SpeakerResolver,
  EventRegistrationResolver,
  CalendarFeedResolver,
  TraineeEventsResolver,
  ChamberResolver,
  ApiKeyResolver,
  EnterpriseChambersResolver,
  StatisticsChambersResolver,
  PartnerNominationResolver,
  AwardProgramResolver,
  AwardCycleResolver,
  AwardNominationResolver,
  JudgeAffiliationResolver,
  AwardJudgeAssignmentResolver,
  AwardScoreResolver,
  AwardWinnerResolver,
  TraineeAwardsResolver,
  EnterpriseAwardsResolver,
  NotificationResolver,
  NotificationDeliveryResolver,
  ExportResolver,
  ProblemResolver,
  ProblemAttachmentResolver,
  EnterpriseContactRequestResolver,
  EnterpriseContactResolver,
  ProblemEventResolver,
  DeskFiguresResolver,
  CommissionerResolver,
  VisitResolver,
  ProblemVisitResolver,
  UserCommissionerResolver,
  DeskCoverageResolver,
  DepartmentResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process; type-graphql keeps its metadata globally anyway. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false, stopAtFirstError: true },
  })
    .then(withFieldResolvers)
    .then(withPlainTypeResolvers)
    .then((schema) => withVisibility(schema, nodePolicies))
    .then((schema) => withLoading(schema, nodePolicies))
    .then(withMutationPayloads);
  return built;
}
