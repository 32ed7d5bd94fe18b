/**
 * What every demo-data part receives and what it must provide. A later feature (cohorts, events,
 * awards, chambers) adds one `DemoPart` to the list in demo-data.ts and reads the ids that the
 * earlier parts recorded in `ctx.ids`.
 */
import type { Logger } from "pino";
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { ROLES, type EnterpriseSize, type Role } from "@zuofu/shared";
import type { Config } from "../config";
import type { DataCipher } from "../common/crypto";
import type { Random } from "./random";

/** Password of every account the demo data creates. */
export const DEMO_PASSWORD = "zuofu-demo";

export interface DemoEnterprise {
  name: string;
  industry: string;
  town: string;
  size: EnterpriseSize;
  foundedYear: number;
  listed: boolean;
}

/** Ids created so far, for the parts that come later. Extend it when a part creates something others need. */
export interface DemoIds {
  /** Users by role, in creation order; the demo accounts come first. */
  usersByRole: Record<Role, number[]>;
  /** All enterprises, in creation order: the article's named companies first. */
  enterprises: number[];
  /** The article's companies by short name (神驰机电, 国贵赛车, …). */
  enterpriseByShortName: Map<string, number>;
  /** What later parts choose enterprises by (award nominees, chamber members, trainees' employers). */
  enterpriseInfo: Map<number, DemoEnterprise>;
  /** All trainees, in creation order: the demo trainee first. */
  trainees: number[];
  /** Trainee id → enterprise id (null for individual businesses and people between jobs). */
  traineeEnterprise: Map<number, number | null>;
  /** Trainee row of the demo trainee account 13800000004. */
  demoTraineeId: number | null;
}

export interface DemoContext {
  readonly seed: number;
  /** Multiplies every count; 1 mirrors the article. */
  readonly scale: number;
  /** This part's own random stream, derived from the seed and the part's name. */
  readonly rng: Random;
  /** The manager of the generation's transaction. */
  readonly em: EntityManager;
  readonly cipher: DataCipher;
  /** scrypt hash of DEMO_PASSWORD, computed once per run (scrypt is deliberately slow); every demo login uses it. */
  readonly passwordHash: string;
  readonly config: Config;
  readonly log: Logger;
  readonly ids: DemoIds;
  /** Rows inserted so far, by table name. */
  readonly counts: Record<string, number>;
  /** Inserts rows in multi-row INSERT statements of CHUNK_SIZE rows. */
  insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]): Promise<void>;
  /**
   * Inserts rows and returns their ids, in the order of `rows`, read back by a unique column;
   * does not rely on auto-increment ids being consecutive (TiDB and MySQL clusters do not promise it).
   */
  insertReturningIds<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    rows: QueryDeepPartialEntity<T>[],
    uniqueKey: keyof T & string,
  ): Promise<number[]>;
}

/** One concern of the demo data set. Parts run in list order, each with its own random stream. */
export interface DemoPart {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}

/**
 * Rows per INSERT statement: 500 rows of ~12 columns stay far below MySQL's 65,535 and SQLite's
 * 32,766 bound parameters and below max_allowed_packet, and cost few round trips.
 */
export const CHUNK_SIZE = 500;

export function emptyIds(): DemoIds {
  return {
    usersByRole: Object.fromEntries(ROLES.map((role) => [role, []])) as unknown as Record<Role, number[]>,
    enterprises: [],
    enterpriseByShortName: new Map(),
    enterpriseInfo: new Map(),
    trainees: [],
    traineeEnterprise: new Map(),
    demoTraineeId: null,
  };
}

/** Binds the insert helpers to one transaction's manager and a shared row counter. */
export function inserters(em: EntityManager, counts: Record<string, number>) {
  /**
   * One multi-row INSERT with positional parameters, values converted as TypeORM converts them
   * (transformers, dates, booleans). TypeORM's insert builder spent a third of the import's CPU
   * on its named parameters (bench, MariaDB 10x); it still takes chunks whose rows differ in columns.
   */
  async function insertChunk(meta: EntityMetadata, rows: ObjectLiteral[]) {
    const driver = em.connection.driver;
    const columns = meta.columns.filter((c) => rows[0][c.propertyName] !== undefined);
    const given = new Set(columns);
    const uniform = rows.every((row) =>
      meta.columns.every((c) => (row[c.propertyName] !== undefined) === given.has(c)),
    );
    if (!uniform) {
      await em.createQueryBuilder().insert().into(meta.target).values(rows).updateEntity(false).execute();
      return;
    }
    const params: unknown[] = [];
    for (const row of rows) for (const c of columns) params.push(driver.preparePersistentValue(row[c.propertyName], c));
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    await em.query(
      `INSERT INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(", ")}) VALUES ${rows.map(() => tuple).join(", ")}`,
      params,
    );
  }

  async function insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]) {
    const meta = em.connection.getMetadata(entity);
    for (let i = 0; i < rows.length; i += CHUNK_SIZE) await insertChunk(meta, rows.slice(i, i + CHUNK_SIZE));
    counts[meta.tableName] = (counts[meta.tableName] ?? 0) + rows.length;
  }

  async function insertReturningIds<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    rows: QueryDeepPartialEntity<T>[],
    uniqueKey: keyof T & string,
  ): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += CHUNK_SIZE) {
      const chunk = rows.slice(i, i + CHUNK_SIZE);
      await insert(entity, chunk);
      const keys = chunk.map((row) => (row as Record<string, unknown>)[uniqueKey]);
      const found: { id: number | string; k: unknown }[] = await em
        .createQueryBuilder(entity, "t")
        .select("t.id", "id")
        .addSelect(`t.${uniqueKey}`, "k")
        .where(`t.${uniqueKey} IN (:...keys)`, { keys })
        .getRawMany();
      const byKey = new Map(found.map((r) => [String(r.k), Number(r.id)]));
      for (const key of keys) {
        const id = byKey.get(String(key));
        if (id === undefined) throw new Error(`demo data: inserted row ${String(key)} not found`);
        ids.push(id);
      }
    }
    return ids;
  }

  return { insert, insertReturningIds };
}
