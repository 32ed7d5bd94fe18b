import "reflect-metadata";
/**
 * Bench-only: the API's Apollo server as app.ts builds it (schema, context, plugins, limits, error
 * formatting, statement count, one log line per request) served by Fastify 5 instead of Express 5,
 * to measure the framework alone. The production server stays on Express; this runs the same tsc
 * build from apps/api/dist. Left out: the Express-only pre-parse token count, the REST routes.
 */
import { randomUUID } from "node:crypto";
import Fastify, { type FastifyBaseLogger } from "fastify";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from "@as-integrations/fastify";
import { GraphQLError } from "graphql";
import { pickLocale, translate } from "@zuofu/shared";
import { loadConfig } from "../../apps/api/dist/config";
import { createLogger } from "../../apps/api/dist/common/logger";
import { DataCipher } from "../../apps/api/dist/common/crypto";
import { createCounterStore } from "../../apps/api/dist/common/store";
import { openDatabase } from "../../apps/api/dist/db/database";
import { requestScope, withStatementCount } from "../../apps/api/dist/db/query-stats";
import { Mutex, RequestContext, type AppServices } from "../../apps/api/dist/graphql/context";
import { errorScopePlugin, formatError } from "../../apps/api/dist/graphql/format-error";
import { buildAppSchema } from "../../apps/api/dist/graphql/schema";
import { compiledExecution } from "../../apps/api/dist/graphql/execution";
import { documentLimitRules, LIMITS, requestLimitsPlugin } from "../../apps/api/dist/graphql/limits";
import { selectionPlugin } from "../../apps/api/dist/loading/selection";
import { authenticate, primeViewer } from "../../apps/api/dist/modules/accounts/account.service";
import { authenticateApiKey, isApiKeySecret } from "../../apps/api/dist/modules/chambers/api-key.service";
import { authorizePartnerOperation } from "../../apps/api/dist/modules/chambers/partner-access";
import { idempotencyPlugin } from "../../apps/api/dist/modules/reliability/idempotency.plugin";
import { createSmsGateway } from "../../apps/api/dist/modules/sms/sms.gateway";
import { databaseOutagePlugin } from "../../apps/api/dist/modules/reliability/database-outage";

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const dataSource = await openDatabase(config, log);
  const services: AppServices = {
    config,
    dataSource,
    log,
    store: createCounterStore(config.redisUrl),
    cipher: new DataCipher(config.dataKey),
    sqliteTurn: new Mutex(),
    sms: createSmsGateway(config.sms, log),
  };
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // One line per request, as pino-http writes it for the Express server.
    disableRequestLogging: true,
    bodyLimit: LIMITS.maxBodyBytes,
    // A hop count becomes Fastify's function form; addresses and `false` pass as they are.
    trustProxy:
      typeof config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    genReqId: (req) =>
      (typeof req.headers["x-request-id"] === "string" && req.headers["x-request-id"].slice(0, 64)) || randomUUID(),
  });
  app.addHook("onResponse", async (request, reply) => {
    if (request.url === "/readyz") return;
    request.log.info(
      {
        req: { id: request.id, method: request.method, path: request.url.split("?")[0] },
        res: { status: reply.statusCode },
        responseTime: reply.elapsedTime,
      },
      "request completed",
    );
  });

  const schema = await buildAppSchema();
  const apollo = new ApolloServer<RequestContext>({
    ...(config.graphqlExecutor === "compiled" ? { gateway: compiledExecution(schema) } : { schema }),
    formatError,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    validationRules: documentLimitRules(),
    plugins: [
      fastifyApolloDrainPlugin(app),
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

  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => {
      const locale = pickLocale(request.headers["accept-language"]);
      const base = new RequestContext(services, null, locale, String(request.id), request.ip);
      const header = request.headers.authorization;
      if (!header) return base;
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (token && isApiKeySecret(token)) {
        const partner = await authenticateApiKey(base, token);
        return new RequestContext(services, null, locale, String(request.id), request.ip, undefined, false, partner);
      }
      const viewer = token ? await authenticate(base, token) : null;
      if (!viewer) {
        throw new GraphQLError(translate("SESSION_EXPIRED", locale), {
          extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
        });
      }
      const ctx = new RequestContext(services, viewer, locale, String(request.id), request.ip);
      primeViewer(ctx);
      return ctx;
    },
  });
  // The Apollo handler replies with the serialized answer.
  app.route<{ Reply: string }>({
    url: "/graphql",
    method: ["GET", "POST"],
    handler(request, reply) {
      return withStatementCount(
        config.sqlStatementCount,
        request.headers["x-sql-statements"],
        (end) => reply.raw.once("close", end),
        () => handler.call(this, request, reply),
      );
    },
  });
  app.get("/readyz", async (_request, reply) => {
    try {
      await dataSource.query("SELECT 1");
      return { status: "ready" };
    } catch {
      return reply.code(503).send({ status: "database unreachable" });
    }
  });

  await app.listen({ port: config.port, host: "127.0.0.1" });
  process.once("SIGTERM", () => {
    app.close().then(async () => {
      await services.store.close();
      await dataSource.destroy();
      process.exit(0);
    });
  });
}

main().catch((err) => {
  console.error("fastify bench server failed:", err);
  process.exit(1);
});
