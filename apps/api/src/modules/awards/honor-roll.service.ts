import { validateCreditCode, translate, type ErrorCode } from "@zuofu/shared";
import { In, type EntityManager } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { fail, type ErrorParams, type UserErrorSpec } from "../../graphql/errors";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { audit } from "../audit/audit.service";
import { Enterprise } from "../enterprises/enterprise.entity";
import { Trainee } from "../trainees/trainee.entity";
import { AwardCycle } from "./award-cycle.entity";
import { AwardProgram } from "./award-program.entity";
import { AwardWinner, rollKey } from "./award-winner.entity";
import { isDuplicateKey } from "../../db/dialect";
import type { ImportProblem } from "../training/training-import.inputs";
import { readImportFile, type SheetRow } from "../training/training-import.parser";

/** Keys per IN (...) list, as in the training import. */
const LOOKUP_CHUNK = 1000;

export interface HonorRollFilter {
  year?: number | null;
  programId?: number | null;
  search?: string | null;
}

/** The public honor roll: published commendations, newest year first, by program, in rank order. */
export function honorRoll(
  ctx: RequestContext,
  filter: HonorRollFilter,
  args: ConnectionArgs,
): Promise<Page<AwardWinner>> {
  const qb = ctx.em.createQueryBuilder(AwardWinner, "winner").where("winner.published_at IS NOT NULL");
  if (filter.year) qb.andWhere("winner.year = :year", { year: filter.year });
  if (filter.programId !== undefined) qb.andWhere("winner.program_id = :pid", { pid: filter.programId ?? 0 });
  const search = filter.search?.trim();
  if (search) {
    const q = `%${search.replace(/[%_\\]/g, "\\$&")}%`;
    qb.andWhere("(winner.name LIKE :q OR winner.enterprise_name LIKE :q)", { q });
  }
  return paginate(
    qb,
    args,
    [
      { expr: "winner.year", value: (w: AwardWinner) => w.year, direction: "DESC" },
      { expr: "winner.program_id", value: (w: AwardWinner) => w.programId, direction: "ASC" },
    ],
    // What each commendation shows comes in the page's own statement, where the query asks for it.
    { ctx },
  );
}

/** Published commendations so far, imported ones included (statistics.commendations). */
export async function countCommendations(ctx: RequestContext): Promise<number> {
  return ctx.em.createQueryBuilder(AwardWinner, "w").where("w.published_at IS NOT NULL").getCount();
}

/** Column keys and the headers that name them: Chinese first, English accepted. */
const COLUMNS = {
  year: ["年份", "year"],
  program: ["奖项", "program"],
  name: ["获奖者", "name"],
  enterpriseName: ["所在企业", "企业名称", "enterpriseName"],
  creditCode: ["统一社会信用代码", "企业信用代码", "creditCode"],
  rank: ["名次", "rank"],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED_COLUMNS: Column[] = ["year", "program", "name"];

export interface ImportResult {
  dryRun: boolean;
  problems: ImportProblem[];
  created: number;
  existing: number;
  userErrors: UserErrorSpec[];
}

type WinnerRow = Omit<AwardWinner, "id" | "globalId" | "createdAt">;

/**
 * Past commendations from a CSV or XLSX file into the honor roll, by the training import's rules:
 * a dry run lists every problem by line and column and changes nothing; the real run imports all
 * rows or, if any row has a problem, none; rows already on the roll are recognised and left
 * alone, so importing the same file again adds nothing.
 */
export async function importCommendations(
  ctx: RequestContext,
  input: { fileName: string; contentBase64: string; dryRun: boolean },
): Promise<ImportResult> {
  ctx.requireRole("STAFF");
  const [header, ...rows] = await readImportFile(input.fileName, input.contentBase64);
  const problems: ImportProblem[] = [];
  const headers = new Map<Column, string>();
  const problem = (line: number, column: Column | null, code: ErrorCode, params: ErrorParams = {}) => {
    const title = column ? (headers.get(column) ?? COLUMNS[column][0]) : null;
    const message = translate(code, ctx.locale, { field: column ?? "", column: title ?? "", ...params });
    problems.push({ line, column: title, code, message });
  };
  const at = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const key = (Object.keys(COLUMNS) as Column[]).find((k) =>
      COLUMNS[k].some((h) => h.toLowerCase() === cell.toLowerCase()),
    );
    if (key && !at.has(key)) {
      at.set(key, i);
      headers.set(key, cell);
    }
  });
  for (const column of REQUIRED_COLUMNS)
    if (!at.has(column)) problem(header.line, column, "IMPORT_MISSING_COLUMN", { column: COLUMNS[column][0] });
  const outcome = (created: number, existing: number): ImportResult => ({
    dryRun: input.dryRun,
    problems,
    created: problems.length ? 0 : created,
    existing: problems.length ? 0 : existing,
    userErrors: problems.length
      ? [{ code: "IMPORT_HAS_PROBLEMS", field: ["input", "contentBase64"], params: { count: problems.length } }]
      : [],
  });
  if (problems.length) return outcome(0, 0);

  const cell = (r: SheetRow, c: Column) => (at.has(c) ? (r.cells[at.get(c)!] ?? "").trim() : "");
  const programs = new Map((await ctx.em.find(AwardProgram)).map((p) => [p.name, p]));
  const codes = [
    ...new Set(
      rows.flatMap((r) => {
        const v = validateCreditCode(cell(r, "creditCode"));
        return v.ok ? [v.value] : [];
      }),
    ),
  ];
  const names = [...new Set(rows.map((r) => cell(r, "name")).filter(Boolean))];
  const byCode = new Map<string, Pick<Enterprise, "id" | "name">>();
  const byName = new Map<string, Pick<Enterprise, "id" | "name">>();
  const people: Pick<Trainee, "id" | "name" | "enterpriseId">[] = [];
  // Chunks keep each IN list far below SQLite's and MySQL's bound-parameter limits.
  for (let i = 0; i < Math.max(codes.length, names.length); i += LOOKUP_CHUNK) {
    const someCodes = codes.slice(i, i + LOOKUP_CHUNK);
    const someNames = names.slice(i, i + LOOKUP_CHUNK);
    const select = { id: true, name: true, creditCode: true } as const;
    if (someCodes.length)
      for (const e of await ctx.em.find(Enterprise, { select, where: { creditCode: In(someCodes) } }))
        byCode.set(e.creditCode, e);
    if (someNames.length) {
      for (const e of await ctx.em.find(Enterprise, { select, where: { name: In(someNames) } })) byName.set(e.name, e);
      people.push(
        ...(await ctx.em.find(Trainee, {
          select: { id: true, name: true, enterpriseId: true },
          where: { name: In(someNames) },
        })),
      );
    }
  }
  const cycles = new Set(
    (await ctx.em.find(AwardCycle, { select: { programId: true, year: true } })).map((c) => `${c.programId}:${c.year}`),
  );
  const thisYear = new Date().getUTCFullYear();

  const planned: WinnerRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const before = problems.length;
    const yearText = cell(r, "year");
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 1990 && year <= thisYear)) problem(r.line, "year", "OUT_OF_RANGE", { min: 1990, max: thisYear });
    const program = programs.get(cell(r, "program"));
    if (!program) problem(r.line, "program", "IMPORT_UNKNOWN_PROGRAM", { name: cell(r, "program") });
    const name = cell(r, "name");
    if (!name) problem(r.line, "name", "REQUIRED");
    else if (name.length > 100) problem(r.line, "name", "TOO_LONG", { max: 100 });
    const rankText = cell(r, "rank");
    const rank = rankText ? Number(rankText) : null;
    if (rank !== null && !(Number.isInteger(rank) && rank >= 1 && rank <= 1000))
      problem(r.line, "rank", "OUT_OF_RANGE", { min: 1, max: 1000 });
    const codeText = cell(r, "creditCode");
    let enterprise: Pick<Enterprise, "id" | "name"> | undefined;
    if (codeText) {
      const code = validateCreditCode(codeText);
      if (!code.ok) problem(r.line, "creditCode", "INVALID_CREDIT_CODE", { reason: code.reason });
      else if (!(enterprise = byCode.get(code.value)))
        problem(r.line, "creditCode", "NOT_FOUND", { field: "enterprise" });
    }
    if (program && cycles.has(`${program.id}:${year}`)) problem(r.line, "year", "IMPORT_CYCLE_EXISTS", { year });
    if (problems.length > before || !program) continue;

    const isEnterprise = program.nomineeKind === "ENTERPRISE";
    if (isEnterprise) enterprise ??= byName.get(name);
    // A person is linked to their trainee record when exactly one of that name works at the enterprise.
    const matches = isEnterprise
      ? []
      : people.filter((t) => t.name === name && t.enterpriseId === (enterprise?.id ?? null));
    const traineeId = matches.length === 1 ? matches[0].id : null;
    const row: WinnerRow = {
      programId: program.id,
      cycleId: null,
      year,
      rank,
      nomineeKind: program.nomineeKind,
      name,
      enterpriseName: enterprise?.name ?? (cell(r, "enterpriseName") || (isEnterprise ? name : null)),
      enterpriseId: enterprise?.id ?? null,
      traineeId,
      nominationId: null,
      rollKey: rollKey(program.id, year, { enterpriseId: enterprise?.id ?? null, traineeId, name }),
      source: "IMPORT",
      publishedAt: null,
    };
    const twin = seen.get(row.rollKey);
    if (twin) problem(r.line, "name", "IMPORT_DUPLICATE_COMMENDATION", { line: twin });
    else {
      seen.set(row.rollKey, r.line);
      planned.push(row);
    }
  }
  if (problems.length) return outcome(0, 0);
  if (input.dryRun) {
    const fresh = await freshRows(ctx.em, planned);
    return outcome(fresh.length, planned.length - fresh.length);
  }
  try {
    const created = await ctx.transaction(async (tx) => {
      const fresh = await freshRows(tx.em, planned);
      const now = new Date();
      for (let i = 0; i < fresh.length; i += 500)
        await tx.em.insert(
          AwardWinner,
          fresh.slice(i, i + 500).map((p) => ({ ...p, publishedAt: now })),
        );
      await audit(
        tx,
        "awardWinner.import",
        { type: "AwardWinner", id: null },
        {
          fileName: input.fileName,
          created: fresh.length,
          existing: planned.length - fresh.length,
        },
      );
      return fresh.length;
    });
    return outcome(created, planned.length - created);
  } catch (err) {
    // Another import wrote one of the same commendations between our reads and our writes.
    if (isDuplicateKey(err)) fail("IMPORT_CONFLICT", "contentBase64");
    throw err;
  }
}

/** The planned rows not yet on the honor roll. */
async function freshRows(em: EntityManager, planned: WinnerRow[]): Promise<WinnerRow[]> {
  const known = new Set<string>();
  for (let i = 0; i < planned.length; i += LOOKUP_CHUNK) {
    const keys = planned.slice(i, i + LOOKUP_CHUNK).map((p) => p.rollKey);
    for (const w of await em.find(AwardWinner, { select: { rollKey: true }, where: { rollKey: In(keys) } }))
      known.add(w.rollKey);
  }
  return planned.filter((p) => !known.has(p.rollKey));
}
