import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { mutationPayloads } from "./mutations";
import { NodeResolver } from "./node.resolver";
import { AccountResolver } from "../modules/accounts/account.resolver";
import { TraineeResolver } from "../modules/trainees/trainee.resolver";
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

export const resolvers = [
  NodeResolver,
  AccountResolver,
  TraineeResolver,
  EnterpriseResolver,
  AuditResolver,
  CourseResolver,
  CohortResolver,
  EnrollmentResolver,
  CertificateResolver,
  ClassSessionResolver,
  AttendanceResolver,
  TraineeTrainingResolver,
  StatisticsResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process; type-graphql keeps its metadata globally anyway. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false, stopAtFirstError: true },
    globalMiddlewares: [mutationPayloads],
  });
  return built;
}
