import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import {
  execute,
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isLeafType,
  typeFromAST,
  isUnionType,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { getMetadataStorage } from "type-graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

type Gateway = ApolloServerOptionsWithGateway<never>["gateway"];

/**
 * The compiled form of each (document, operation name): made on the operation's first run, kept
 * as long as Apollo's document store keeps the parsed document (the key), so a query a client
 * sends again is neither parsed, validated nor compiled again. `null`: graphql-jit declined; that
 * operation runs on graphql-js.
 */
const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

function compiledFor(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
): CompiledQuery | null {
  let byName = compiled.get(document);
  if (!byName) compiled.set(document, (byName = new Map()));
  const key = operationName ?? "";
  let query = byName.get(key);
  if (query === undefined) {
    query = null;
    // graphql-jit coerces variables its own way, and leaves out an input object's field defaults
    // (`role: SpeakerRole! = SPEAKER`): operations taking input objects (every mutation's `$input`,
    // filters) stay on graphql-js, which coerces them.
    if (takesPlainVariables(schema, document, operationName)) {
      try {
        const result = compileQuery(schema, document, operationName ?? undefined, {
          disablingCapturingStackErrors: true,
        });
        if (isCompiledQuery(result)) query = result;
      } catch {
        // A shape the compiler does not take: graphql-js answers it, as before.
      }
    }
    byName.set(key, query);
  }
  return query;
}

/** Whether every variable of the operation is a scalar or an enum (or a list of them). */
function takesPlainVariables(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  return (operation?.variableDefinitions ?? []).every((v) => {
    const type = typeFromAST(schema, v.type);
    return type !== undefined && isLeafType(getNamedType(type));
  });
}

/**
 * type-graphql wraps every `resolveType` in an async function, even a synchronous one such as
 * Node's; graphql-jit takes the type's name only as a value, not as a promise (and graphql-js
 * then waits a microtask per row). Each declared `resolveType` is called as it is written: a name
 * as it comes, a class as its type's name, a promise (none today) as a promise.
 */
export function withPlainTypeResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const declared = [...storage.interfaceTypes, ...storage.unions];
  const nameOf = (target: unknown): string | undefined => storage.objectTypes.find((o) => o.target === target)?.name;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInterfaceType(type) && !isUnionType(type)) continue;
    const resolveType = declared.find((d) => d.name === type.name)?.resolveType as
      ((...args: unknown[]) => unknown) | undefined;
    if (!resolveType) continue;
    const name = (resolved: unknown) =>
      !resolved ? undefined : typeof resolved === "string" ? resolved : nameOf(resolved);
    type.resolveType = (...args) => {
      const resolved = resolveType(...args);
      return resolved instanceof Promise ? resolved.then(name) : name(resolved);
    };
  }
  return schema;
}

/**
 * Executes a validated operation with a plan compiled once per document (graphql-jit) instead of
 * graphql-js's interpreter, which, for every field of every row, looks up its definition, builds an
 * argument object, a path and a promise check, and writes the answer into a dictionary-mode object
 * that `JSON.stringify` then walks slowly. The compiled plan reads the same resolvers (visibility,
 * time limit, loaders) in the same order and builds the answer as plain object literals.
 *
 * Variables are checked by graphql-js first, so a bad variable is answered with graphql-js's very
 * message; an operation that takes an input object, that the compiler declines, or that Apollo
 * could not resolve runs on graphql-js.
 */
export function executeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  operationName: string | null | undefined,
  contextValue: unknown,
  variables: Record<string, unknown> | undefined,
): ExecutionResult | Promise<ExecutionResult> {
  const query = operation ? compiledFor(schema, document, operationName ?? null) : null;
  if (!query) return execute({ schema, document, contextValue, variableValues: variables, operationName });
  if (operation?.variableDefinitions?.length) {
    const coerced = getVariableValues(schema, operation.variableDefinitions, variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
  }
  const result = query.query(undefined, contextValue, variables ?? {}) as ExecutionResult | Promise<ExecutionResult>;
  return result instanceof Promise ? result.then(withPlainErrors) : withPlainErrors(result);
}

/**
 * graphql-jit reports a field's error as its own subclass of GraphQLError, whose `message` cannot be
 * changed; the plugins (limits.ts strips suggestions) and `formatError` expect graphql-js's, which
 * `execute` would have made of the same thrown error: its message, path, extensions and cause.
 */
function withPlainErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => {
    if (Object.getOwnPropertyDescriptor(e, "message")?.writable !== false) return e;
    const plain = new GraphQLError(e.message, {
      path: e.path,
      originalError: e.originalError,
      extensions: e.extensions,
    });
    (plain as { locations: GraphQLError["locations"] }).locations = e.locations;
    return plain;
  });
  return { ...result, errors };
}

/**
 * Apollo Server's hook for its own executor (the `gateway` option; there is no federation here):
 * the schema as it is, and `executeOperation` for every operation. Everything before execution
 * (parsing, the document store, validation and its limit rules, every plugin's hooks) and after it
 * (error formatting, `willSendResponse`) stays Apollo's.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const listeners = new Set<Parameters<Gateway["onSchemaLoadOrUpdate"]>[0]>();
  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const callback of listeners) callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return {
        executor: async (rc) =>
          executeOperation(
            schema,
            rc.document,
            rc.operation,
            rc.operationName,
            rc.context,
            rc.request.variables as Record<string, unknown> | undefined,
          ),
      };
    },
    async stop() {},
  };
}
