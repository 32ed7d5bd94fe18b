/**
 * The hand-written baseline as a server of its own (node:http, no framework), started by the bench
 * like the API: DATABASE_URL, SESSION_SECRET and PORT from the environment; POST /graphql, GET /readyz.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { execute, parse, validate, type DocumentNode, type GraphQLError } from "graphql";
import { openRawDb, type RawDb } from "./baseline-db";
import { baselineContext, baselineSchema } from "./baseline-schema";

const db = openRawDb(process.env.DATABASE_URL ?? "");
const secret = process.env.SESSION_SECRET ?? "";
const MAX_BODY = 100 * 1024;

/** Parsed and validated once per query text, as Apollo's document cache does. */
const documents = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>();

function prepare(source: string) {
  let entry = documents.get(source);
  if (!entry) {
    try {
      const document = parse(source);
      const errors = validate(baselineSchema, document);
      entry = errors.length ? { errors } : { document };
    } catch (err) {
      entry = { errors: [err as GraphQLError] };
    }
    if (documents.size < 1000) documents.set(source, entry);
  }
  return entry;
}

/** The session lookup the API does for a bearer token: one statement, user roles joined. */
async function rolesOf(raw: RawDb, header: string | undefined): Promise<string[] | null> {
  const token = header && /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) return null;
  const rows = await raw.all(
    `SELECT s.expires_at AS expires, s.revoked_at AS revoked, u.roles AS roles, u.active AS active FROM ${raw.q("session")} s JOIN ${raw.q("user")} u ON u.id = s.user_id WHERE s.token_hash = ?`,
    [createHmac("sha256", secret).update(token).digest("hex")],
  );
  const row = rows[0];
  if (!row || row.revoked || !row.active) return null;
  const expires = row.expires instanceof Date ? row.expires : new Date(`${String(row.expires).replace(" ", "T")}Z`);
  return expires.getTime() > Date.now() ? String(row.roles).split(",") : null;
}

function send(res: ServerResponse, status: number, body: unknown, statements?: number) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...(statements === undefined ? {} : { "x-sql-statements": String(statements) }),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function graphql(req: IncomingMessage, res: ServerResponse) {
  const { query, variables } = JSON.parse(await readBody(req)) as {
    query: string;
    variables?: Record<string, unknown>;
  };
  const prepared = prepare(query);
  if ("errors" in prepared) return send(res, 400, { errors: prepared.errors });
  const roles = await rolesOf(db, req.headers.authorization);
  if (!roles) return send(res, 401, { errors: [{ message: "unauthenticated" }] }, 1);
  const ctx = baselineContext(db, roles);
  ctx.statements = 1;
  const result = await execute({
    schema: baselineSchema,
    document: prepared.document,
    variableValues: variables,
    contextValue: ctx,
  });
  send(res, 200, result, ctx.statements);
}

const server = createServer((req, res) => {
  const path = (req.url ?? "").split("?")[0];
  const handle =
    req.method === "POST" && path === "/graphql"
      ? graphql(req, res)
      : req.method === "GET" && path === "/readyz"
        ? db.all("SELECT 1", []).then(() => send(res, 200, { status: "ready" }))
        : Promise.resolve(send(res, 404, { error: "not found" }));
  handle.catch((err: Error) => send(res, 500, { errors: [{ message: err.message }] }));
});

server.listen(Number(process.env.PORT ?? 4100), "127.0.0.1");

process.once("SIGTERM", () => {
  server.close(() => db.close().then(() => process.exit(0)));
});
