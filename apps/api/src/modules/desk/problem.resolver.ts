import { Arg, Args, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs } from "../../graphql/connection";
import { localId } from "../../graphql/ids";
import { Enterprise } from "../enterprises/enterprise.entity";
import { enterpriseById } from "../enterprises/enterprise.loaders";
import { Department } from "./department.entity";
import { attachmentsByEvent, attachmentsByProblem, departmentById, eventsByProblem } from "./desk.loaders";
import { ProblemAttachment } from "./problem-attachment.entity";
import { attachmentPath } from "./problem-attachment.service";
import { Problem, ProblemEvent } from "./problem.entity";
import { holdsProblem } from "./desk.policy";
import * as problems from "./problem.service";
import type { ProblemOrder } from "./problem.service";
import {
  AnswerProblemInput,
  AnswerProblemPayload,
  AssignProblemsInput,
  AssignProblemsPayload,
  EscalateProblemInput,
  EscalateProblemPayload,
  ProblemFilter,
  RateProblemInput,
  RateProblemPayload,
  ReportProblemInput,
  ReportProblemPayload,
  SendProblemBackInput,
  SendProblemBackPayload,
  SupplementProblemInput,
  SupplementProblemPayload,
  ProblemOrderEnum,
  TriageProblemInput,
  TriageProblemPayload,
  TriageProblemsInput,
  TriageProblemsPayload,
  WorkOnProblemInput,
  WorkOnProblemPayload,
} from "./desk.inputs";
import { join, Loads } from "../../loading/declare";

@ObjectType()
export class ProblemConnection extends Connection(Problem) {}

/** An ID given for a filter that names nothing of its type matches nothing (-1), rather than everything. */
export const filterId = (id: string | null | undefined, type: string) => (id ? (localId(id, type) ?? -1) : null);

@Resolver(() => Problem)
export class ProblemResolver {
  @Query(() => ProblemConnection, {
    description:
      "Problems the caller may see, newest first: the desk's queue (staff), a department's inbox, a leader's board, an enterprise's own",
  })
  problems(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => ProblemFilter, { nullable: true }) filter?: ProblemFilter,
    @Arg("orderBy", () => ProblemOrderEnum, { defaultValue: "NEWEST" }) orderBy: ProblemOrder = "NEWEST",
  ) {
    return problems.listProblems(
      ctx,
      {
        ...filter,
        departmentId: filterId(filter?.departmentId, "Department"),
        enterpriseId: filterId(filter?.enterpriseId, "Enterprise"),
      },
      page,
      orderBy,
    );
  }

  @Query(() => [Department], { description: "The district departments (承办部门), by name (signed-in users)" })
  departments(@Ctx() ctx: RequestContext) {
    ctx.requireViewer();
    return problems.departmentsInOrder(ctx);
  }

  @FieldResolver(() => Enterprise)
  @Loads(Problem, { joins: [join(Enterprise, "enterpriseId", enterpriseById)] })
  enterprise(@Root() problem: Problem, @Ctx() ctx: RequestContext) {
    return ctx.load(enterpriseById, problem.enterpriseId);
  }

  @FieldResolver(() => Department, { nullable: true, description: "The department it is assigned to" })
  @Loads(Problem, { joins: [join(Department, "departmentId", departmentById)] })
  department(@Root() problem: Problem, @Ctx() ctx: RequestContext) {
    return problem.departmentId === null ? null : ctx.load(departmentById, problem.departmentId);
  }

  @FieldResolver(() => [ProblemEvent], { description: "Every step so far, oldest first" })
  @Loads(Problem)
  timeline(@Root() problem: Problem, @Ctx() ctx: RequestContext) {
    return ctx.load(eventsByProblem, problem.id);
  }

  @FieldResolver(() => [ProblemAttachment], { description: "Every file of the report and of the enterprise's notes" })
  @Loads(Problem, { list: attachmentsByProblem })
  attachments(@Root() problem: Problem, @Ctx() ctx: RequestContext) {
    return ctx.load(attachmentsByProblem, problem.id);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the caller holds it at its level (its department's handler, its leader in charge, the district head)",
  })
  @Loads(Problem, { reads: ["level"] })
  heldByViewer(@Root() problem: Problem, @Ctx() ctx: RequestContext) {
    return holdsProblem(ctx, problem);
  }

  @FieldResolver(() => Boolean, { description: "Open and past its due date" })
  @Loads(Problem, { reads: ["status", "dueAt"] })
  overdue(@Root() problem: Problem): boolean {
    return problems.OPEN_STATUSES.includes(problem.status) && problem.dueAt !== null && problem.dueAt < new Date();
  }

  @Mutation(() => ReportProblemPayload, {
    description: "An enterprise's contact, its commissioner or desk staff (from a phone call) report a problem",
  })
  async reportProblem(@Ctx() ctx: RequestContext, @Arg("input") input: ReportProblemInput) {
    const problem = await problems.reportProblem(ctx, {
      ...input,
      enterpriseId: localId(input.enterpriseId, "Enterprise"),
      visitId: input.visitId ? localId(input.visitId, "Visit") : undefined,
    });
    return { problem, userErrors: [] };
  }

  @Mutation(() => SupplementProblemPayload, {
    description: "The enterprise adds a note and/or files to a problem it reported (补充材料), until it is closed",
  })
  async supplementProblem(@Ctx() ctx: RequestContext, @Arg("input") input: SupplementProblemInput) {
    const id = localId(input.problemId, "Problem");
    return { problem: await problems.supplementProblem(ctx, id, input.note, input.attachments), userErrors: [] };
  }

  @Mutation(() => TriageProblemPayload, { description: "Desk staff check a reported problem (REPORTED → TRIAGED)" })
  async triageProblem(@Ctx() ctx: RequestContext, @Arg("input") input: TriageProblemInput) {
    const id = localId(input.problemId, "Problem");
    return { problem: await problems.triageProblem(ctx, id, input.category, input.note), userErrors: [] };
  }

  @Mutation(() => TriageProblemsPayload, { description: "Desk staff triage many reported problems, all or none" })
  async triageProblems(@Ctx() ctx: RequestContext, @Arg("input") input: TriageProblemsInput) {
    const ids = input.problemIds.map((id) => localId(id, "Problem"));
    return { problems: await problems.triageProblems(ctx, ids, input.note), userErrors: [] };
  }

  @Mutation(() => AssignProblemsPayload, {
    description: "Desk staff assign (交办) problems to a department, or transfer them to another one",
  })
  async assignProblems(@Ctx() ctx: RequestContext, @Arg("input") input: AssignProblemsInput) {
    const ids = input.problemIds.map((id) => localId(id, "Problem"));
    const department = localId(input.departmentId, "Department");
    return { problems: await problems.assignProblems(ctx, ids, department, input.note, input.dueOn), userErrors: [] };
  }

  @Mutation(() => WorkOnProblemPayload, {
    description: "The level holding a problem starts work on it (→ IN_PROGRESS), or adds a progress note",
  })
  async workOnProblem(@Ctx() ctx: RequestContext, @Arg("input") input: WorkOnProblemInput) {
    const id = localId(input.problemId, "Problem");
    return { problem: await problems.workOnProblem(ctx, id, input.note), userErrors: [] };
  }

  @Mutation(() => AnswerProblemPayload, { description: "The level holding a problem answers it" })
  async answerProblem(@Ctx() ctx: RequestContext, @Arg("input") input: AnswerProblemInput) {
    const id = localId(input.problemId, "Problem");
    return { problem: await problems.answerProblem(ctx, id, input.answer), userErrors: [] };
  }

  @Mutation(() => RateProblemPayload, {
    description: "The enterprise rates the answer once; NOT_SATISFIED reopens it one level up",
  })
  async rateProblem(@Ctx() ctx: RequestContext, @Arg("input") input: RateProblemInput) {
    const id = localId(input.problemId, "Problem");
    return { problem: await problems.rateProblem(ctx, id, input.rating, input.comment), userErrors: [] };
  }

  @Mutation(() => EscalateProblemPayload, {
    description: "Desk staff or the level holding it send an open problem one level up",
  })
  async escalateProblem(@Ctx() ctx: RequestContext, @Arg("input") input: EscalateProblemInput) {
    const id = localId(input.problemId, "Problem");
    return { problem: await problems.escalateProblem(ctx, id, input.note), userErrors: [] };
  }

  @Mutation(() => SendProblemBackPayload, {
    description: "The leader in charge or the district head send a problem back down one level, with instructions",
  })
  async sendProblemBack(@Ctx() ctx: RequestContext, @Arg("input") input: SendProblemBackInput) {
    const id = localId(input.problemId, "Problem");
    return { problem: await problems.sendProblemBack(ctx, id, input.instructions), userErrors: [] };
  }
}

@Resolver(() => ProblemEvent)
export class ProblemEventResolver {
  @FieldResolver(() => [ProblemAttachment], { description: "The files that came with this step" })
  @Loads(ProblemEvent, { list: attachmentsByEvent })
  attachments(@Root() event: ProblemEvent, @Ctx() ctx: RequestContext) {
    return ctx.load(attachmentsByEvent, event.id);
  }

  @FieldResolver(() => Boolean, { description: "A step of the enterprise's own (its report, its notes, its rating)" })
  @Loads(ProblemEvent, { reads: ["kind"] })
  byEnterprise(@Root() event: ProblemEvent): boolean {
    return event.kind === "REPORTED" || event.kind === "SUPPLEMENTED" || event.kind === "RATED";
  }

  @FieldResolver(() => Department, { nullable: true, description: "The department holding the problem then" })
  @Loads(ProblemEvent, { joins: [join(Department, "departmentId", departmentById)] })
  department(@Root() event: ProblemEvent, @Ctx() ctx: RequestContext) {
    return event.departmentId === null ? null : ctx.load(departmentById, event.departmentId);
  }
}

@Resolver(() => ProblemAttachment)
export class ProblemAttachmentResolver {
  @FieldResolver(() => String, {
    description: "A download link for the caller alone, good for 10 minutes (the caller must still see the problem)",
  })
  @Loads(ProblemAttachment)
  url(@Root() attachment: ProblemAttachment, @Ctx() ctx: RequestContext): string {
    const holder = ctx.partner ? { apiKeyId: ctx.partner.apiKeyId } : { userId: ctx.requireViewer().userId };
    return attachmentPath(ctx.app.config.sessionSecret, attachment.id, holder);
  }
}
