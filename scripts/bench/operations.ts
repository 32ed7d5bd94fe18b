import type { LoadRequest } from "./load-runner";
import { noErrors } from "./load-runner";

export type OperationId = "Q1" | "Q2" | "Q3" | "Q4" | "D1" | "D2" | "M1";
export const OPERATION_IDS: OperationId[] = ["Q1", "Q2", "Q3", "Q4", "D1", "D2", "M1"];

export const Q1 = `{ cohorts(first: 20) { edges { node { number course { title } enrollments(first: 50) { edges { node { status trainee { name enterprise { name honors { kind year } } } } } } } } } }`;

export const Q4 = `{ me { trainee { enrollments(first: 20) { edges { node { status cohort { title } certificate { serial } } } } certificates { serial } } } }`;

/** The desk's queue as its page asks for it: the open problems, newest first, with their enterprise and department. */
export const D1 = `{ problems(first: 50, filter: { open: true }) { totalCount edges { node { id title category status level dueAt overdue escalations createdAt heldByViewer enterprise { name } department { name } } } } }`;

/** The desk's figures page: every dimension and the running total. */
export const D2 = `{ deskFigures { handledTotal
  total { total open overdue closed answered onTime rated satisfied onTimeRate satisfactionRate }
  byDepartment { key departmentId label total open overdue onTimeRate satisfactionRate }
  byCategory { key total open overdue onTimeRate satisfactionRate }
  byLevel { key total open overdue onTimeRate satisfactionRate }
  byMonth { key total open closed onTimeRate satisfactionRate } } }`;

export const M1 = `mutation Enroll($input: EnrollInput!) { enroll(input: $input) { enrollment { id status waitlistPosition } userErrors { code message } } }`;

/** An operation ready to drive: its request, and the statement budget it is held to. */
export interface PreparedOperation {
  id: OperationId;
  title: string;
  /**
   * Relation levels of the query counting the root (cohorts → enrollments → trainee → enterprise →
   * honors is 5): one statement per level is the floor, the session lookup included. Null for writes.
   */
  levels: number | null;
  request: LoadRequest;
  /** Read operations may run before the write; the write changes the data and runs last. */
  writes: boolean;
  /** Upper bound on requests: M1 needs a trainee of its own per request. */
  maxRequests?: number;
}

export type Skipped = { id: OperationId; title: string; skipped: string };

export function q1(staffToken: string): PreparedOperation {
  return {
    id: "Q1",
    title: "cohorts(first: 20) › course, enrollments(first: 50) › trainee › enterprise › honors (staff)",
    levels: 5,
    request: { body: JSON.stringify({ query: Q1 }), token: staffToken, check: noErrors },
    writes: false,
  };
}

export function q4(traineeToken: string): PreparedOperation {
  return {
    id: "Q4",
    title: "me › trainee › enrollments(first: 20) › cohort, certificate; certificates (demo trainee)",
    // me → trainee → enrollments | certificates → cohort | certificate
    levels: 4,
    request: { body: JSON.stringify({ query: Q4 }), token: traineeToken, check: noErrors },
    writes: false,
  };
}

export function d1(staffToken: string): PreparedOperation {
  return {
    id: "D1",
    title: "problems(first: 50, open) › enterprise, department, heldByViewer, with totalCount (desk staff)",
    // The session, the count, and the page with its enterprises and departments joined in.
    levels: 3,
    request: { body: JSON.stringify({ query: D1 }), token: staffToken, check: noErrors },
    writes: false,
  };
}

export function d2(staffToken: string): PreparedOperation {
  return {
    id: "D2",
    title: "deskFigures: total, handledTotal, by department, category, level and month (desk staff)",
    // The session and two grouped statements per field (the problems, their rating rounds): 1 + 6 × 2.
    levels: 13,
    request: { body: JSON.stringify({ query: D2 }), token: staffToken, check: noErrors },
    writes: false,
  };
}

export function m1(cohortGlobalId: string, tokens: string[]): PreparedOperation {
  let next = 0;
  return {
    id: "M1",
    title: `enroll at one open AUTO cohort, each request a different trainee (${tokens.length} at most)`,
    levels: null,
    request: {
      body: JSON.stringify({ query: M1, variables: { input: { cohortId: cohortGlobalId } } }),
      // Past the last trainee the generator stops (maxRequests), so no token is sent twice.
      token: () => tokens[Math.min(next++, tokens.length - 1)],
      check: (body) => noErrors(body) ?? (body.includes('"userErrors":[]') ? null : body.slice(0, 300)),
    },
    writes: true,
    maxRequests: tokens.length,
  };
}
