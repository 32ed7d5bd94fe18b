import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import pinoHttp from "pino-http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import { pickLocale, translate } from "@zuofu/shared";
import type { Config } from "./config";
import { DataCipher } from "./common/crypto";
import { securityHeaders } from "./common/security-headers";
import { createCounterStore } from "./common/store";
import { requestScope, withStatementCount } from "./db/query-stats";
import { Mutex, RequestContext, type AppServices, type PartnerViewer, type Viewer } from "./graphql/context";
import { errorScopePlugin, formatError } from "./graphql/format-error";
import { buildAppSchema } from "./graphql/schema";
import { compiledExecution } from "./graphql/execution";
import { bodyErrors, documentLimitRules, LIMITS, requestLimitsPlugin, tokenLimit } from "./graphql/limits";
import { SCHEMA_FILE } from "./graphql/print-schema";
import { selectionPlugin } from "./loading/selection";
import { checkLoading } from "./loading/plan";
import { authenticate, primeViewer } from "./modules/accounts/account.service";
import { authenticateApiKey, isApiKeySecret } from "./modules/chambers/api-key.service";
import { authorizePartnerOperation } from "./modules/chambers/partner-access";
import { createCertificateRouter } from "./modules/training/certificate.router";
import { createCalendarRouter } from "./modules/events/calendar.router";
import { createSmsGateway } from "./modules/sms/sms.gateway";
import { createBackgroundJobs } from "./modules/notifications/background-jobs";
import type { ReminderSource } from "./modules/notifications/reminder.worker";
import { sessionReminders } from "./modules/training/session-reminders";
import { eventReminders } from "./modules/events/event-reminders";
import { EscalationWorker } from "./modules/desk/escalation.worker";
import { createAttachmentRouter } from "./modules/desk/attachment.router";
import { createExportRouter } from "./modules/exports/export.router";
import { idempotencyPlugin } from "./modules/reliability/idempotency.plugin";
import {
  databaseOutagePlugin,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from "./modules/reliability/database-outage";

/** What the features remind their people of the day before; the notifications module knows none of them. */
export const REMINDERS: readonly ReminderSource[] = [sessionReminders, eventReminders];

export interface RunningApp {
  services: AppServices;
  server: Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish, then closes the pool. */
  stop(): Promise<void>;
}

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

export async function startApp(
  config: Config,
  dataSource: DataSource,
  log: Logger,
  port = config.port,
): Promise<RunningApp> {
  const services: AppServices = {
    config,
    dataSource,
    log,
    store: createCounterStore(config.redisUrl, log),
    cipher: new DataCipher(config.dataKey),
    sqliteTurn: new Mutex(),
    sms: createSmsGateway(config.sms, log),
  };
  const app = express();
  app.disable("x-powered-by");
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names; by default from none.
  app.set("trust proxy", config.trustProxy);
  const server = createServer(app);

  const schema = await buildAppSchema();
  // A field that runs code without saying what it loads, or names a column that is not there, stops the start.
  checkLoading(schema, services.dataSource);
  const apollo = new ApolloServer<RequestContext>({
    ...(config.graphqlExecutor === "compiled" ? { gateway: compiledExecution(schema) } : { schema }),
    formatError,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM: Apollo's own handler re-sends the signal and kills requests still in flight.
    stopOnTerminationSignals: false,
    validationRules: documentLimitRules(),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // No @cacheControl hints here: the default plugin would only add an object to every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      errorScopePlugin(),
      requestLimitsPlugin({ store: services.store, authorize: authorizePartnerOperation }),
      selectionPlugin(),
      idempotencyPlugin(services),
      databaseOutagePlugin(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              const scope = requestScope.getStore();
              if (scope) response.http.headers.set("x-sql-statements", String(scope.statements));
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(securityHeaders());
  app.use(createCalendarRouter(services)); // before the access log: personal feed URLs carry a secret token

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req) =>
        (typeof req.headers["x-request-id"] === "string" && req.headers["x-request-id"].slice(0, 64)) || randomUUID(),
      // Only what helps to operate the service: no headers, no bodies, no query strings.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: String(req.url).split("?")[0] }),
        res: (res) => ({ status: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await dataSource.query("SELECT 1");
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "database unreachable" });
    }
  });

  // The contract as reviewed: partners build clients from it without introspection.
  app.get("/schema.graphql", (_req, res) => {
    res.type("text/plain; charset=utf-8").sendFile(SCHEMA_FILE);
  });

  /** Who calls, resolved before the body is read: staff may send larger bodies (file imports). */
  interface Caller {
    viewer: Viewer | null;
    partner: PartnerViewer | null;
  }
  const resolveCaller = async (req: Request, res: Response, next: NextFunction) => {
    const locale = pickLocale(req.headers["accept-language"]);
    const caller: Caller = { viewer: null, partner: null };
    res.locals.caller = caller;
    const header = req.headers.authorization;
    if (!header) return next();
    try {
      const base = new RequestContext(services, null, locale, String(req.id), clientIp(req));
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      // A partner's API key: a request with no user, and the key's scopes and chamber.
      if (token && isApiKeySecret(token)) caller.partner = await authenticateApiKey(base, token);
      else caller.viewer = token ? await authenticate(base, token) : null;
    } catch (err) {
      // Signing in reads the database: an outage there is a 503 to retry, not a 500.
      if (isDatabaseUnavailable(err)) {
        res
          .status(503)
          .set("retry-after", String(RETRY_AFTER_SECONDS))
          .json({
            errors: [
              {
                message: translate("TEMPORARILY_UNAVAILABLE", locale),
                extensions: { code: "TEMPORARILY_UNAVAILABLE" },
              },
            ],
          });
        return;
      }
      // A refused key (revoked, expired, unknown) says why, as a GraphQL error.
      if (!(err instanceof GraphQLError)) return next(err);
      const { http, ...extensions } = err.extensions as { http?: { status?: number } };
      res.status(http?.status ?? 401).json({ errors: [{ message: err.message, extensions }] });
      return;
    }
    if (!caller.viewer && !caller.partner) {
      res
        .status(401)
        .json({ errors: [{ message: translate("SESSION_EXPIRED", locale), extensions: { code: "UNAUTHENTICATED" } }] });
      return;
    }
    next();
  };
  const smallBody = express.json({ limit: LIMITS.maxBodyBytes });
  const staffBody = express.json({ limit: LIMITS.maxStaffBodyBytes });
  const uploadBody = express.json({ limit: LIMITS.maxUploadBodyBytes });
  const isStaff = (caller: Caller) => Boolean(caller.viewer?.roles.some((r) => r === "STAFF" || r === "ADMIN"));
  /** Those who attach files to problems (the desk's attachments travel as base64, like the imports). */
  const uploads = (caller: Caller) =>
    Boolean(
      caller.viewer?.roles.some((r) => r === "ENTERPRISE_CONTACT" || r === "COMMISSIONER") ||
      caller.partner?.scopes.includes("PROBLEMS_WRITE"),
    );

  app.use(
    "/graphql",
    (req: Request, res: Response, next: NextFunction) =>
      withStatementCount(
        config.sqlStatementCount,
        req.headers["x-sql-statements"],
        (end) => res.once("close", end),
        next,
      ),
    resolveCaller,
    (req: Request, res: Response, next: NextFunction) =>
      (isStaff(res.locals.caller) ? staffBody : uploads(res.locals.caller) ? uploadBody : smallBody)(req, res, next),
    bodyErrors,
    tokenLimit,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const locale = pickLocale(req.headers["accept-language"]);
        const caller = res.locals.caller as Caller;
        const ctx = new RequestContext(
          services,
          caller.viewer,
          locale,
          String(req.id),
          clientIp(req),
          undefined,
          false,
          caller.partner,
        );
        primeViewer(ctx);
        return ctx;
      },
    }),
  );

  app.use(createCertificateRouter(services));
  app.use(createExportRouter(services));
  app.use(createAttachmentRouter(services));

  // The web app, one origin with the API: files, then index.html for client-side routes.
  const webDist = config.webDist;
  if (webDist && existsSync(join(webDist, "index.html"))) {
    // Scripts and styles go out as the build's gzipped copies (web/build/precompress.ts) to browsers that take gzip.
    app.use("/assets", (req, res, next) => {
      if (!/^\/[\w.-]+\.(js|css)$/.test(req.path) || !req.acceptsEncodings("gzip")) return next();
      const file = join(webDist, "assets", `${req.path.slice(1)}.gz`);
      if (!existsSync(file)) return next();
      res.set({ "Content-Encoding": "gzip", Vary: "Accept-Encoding", "Cache-Control": "public, max-age=3600" });
      res.type(req.path.endsWith(".css") ? "text/css" : "text/javascript");
      res.sendFile(file);
    });
    app.use(express.static(webDist, { index: false, maxAge: "1h" }));
    app.get(/.*/, (_req, res) => res.sendFile(join(webDist, "index.html")));
  } else {
    app.get("/", (_req, res) => {
      res.type("text/plain").send("Zuofu API is running; build the web app with `npm run build` to serve it here.");
    });
  }

  await new Promise<void>((resolve, reject) => {
    const refuse = (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? new Error(`port ${port} is already in use (EADDRINUSE): stop what runs there, or set PORT to another port`)
          : err,
      );
    server.once("error", refuse);
    server.listen(port, () => {
      server.off("error", refuse);
      resolve();
    });
  });
  const escalations = new EscalationWorker(services);
  const backgroundJobs = createBackgroundJobs(services, REMINDERS, [
    { name: "problem escalations", run: () => escalations.runOnce() },
  ]);
  if (config.backgroundJobs) backgroundJobs.start();
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await backgroundJobs.stop();
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.store.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    })());

  return { services, server, url, stop };
}
