import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";
import type { FieldResolverMetadata } from "type-graphql/build/typings/metadata/definitions/resolver-metadata";
import type { RequestContext } from "../graphql/context";

/** How each field of the built schema is answered: a property read, or a resolver that runs code. */
export interface FieldKinds {
  /** `Type.field` → the entity property it reads, for fields that are a plain read (no resolver, no middleware). */
  plain: Map<string, string>;
  /** `Type.field` → its `@FieldResolver`, for fields resolved by one. */
  resolvers: Map<string, FieldResolverMetadata>;
}

let kinds: FieldKinds | undefined;

/**
 * The plain fields of type-graphql's metadata: `@Field` properties and getters without a
 * `@FieldResolver`, middleware or roles. Worked out once per process, from the same metadata the
 * schema was built from.
 */
export function fieldKinds(schema: GraphQLSchema): FieldKinds {
  if (kinds) return kinds;
  const storage = getMetadataStorage();
  const resolved = new Set<string>();
  for (const r of storage.fieldResolvers) {
    const target = r.getObjectType?.();
    // A getter with @Field (Node's `globalId`) is an "internal" resolver that only reads the property.
    if (target && !(r.kind === "internal" && isGetter(target.prototype, r.methodName)))
      resolved.add(`${target.name}.${r.methodName}`);
  }
  const plain = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const meta = storage.objectTypes.find((o) => o.name === type.name);
    if (!meta) continue;
    const interfaceFields = storage.interfaceTypes
      .filter((i) => type.getInterfaces().some((t) => t.name === i.name))
      .flatMap((i) => i.fields ?? []);
    for (const field of [...(meta.fields ?? []), ...interfaceFields]) {
      if (!(field.schemaName in type.getFields())) continue;
      if (resolved.has(`${meta.target.name}.${field.name}`) || resolved.has(`${field.target.name}.${field.name}`))
        continue;
      if (field.middlewares?.length || field.roles?.length) continue;
      plain.set(`${type.name}.${field.schemaName}`, field.name);
    }
  }
  const resolvers = new Map<string, FieldResolverMetadata>();
  for (const r of storage.fieldResolvers) {
    const target = r.getObjectType?.();
    const type = target && storage.objectTypes.find((o) => o.target === target);
    if (type) resolvers.set(`${type.name}.${r.schemaName}`, r);
  }
  kinds = { plain, resolvers };
  return kinds;
}

/**
 * A field resolver that takes no arguments (`@Root()`, `@Ctx()`, `@Info()` only) and has no
 * middleware needs none of type-graphql's per-call work (sorting its parameters, validation, the
 * middleware chain): it is called directly. A root that is not an instance of its class yet goes
 * through type-graphql's own resolver (`built`), which converts it.
 */
function directCall(
  r: FieldResolverMetadata | undefined,
  built: GraphQLFieldResolver<unknown, RequestContext>,
): GraphQLFieldResolver<unknown, RequestContext> {
  if (!r || r.kind !== "external" || r.middlewares?.length || r.roles?.length) return built;
  const params = [...(r.params ?? [])].sort((a, b) => a.index - b.index);
  const simple = params.every(
    (p) => (p.kind === "root" || p.kind === "context" || p.kind === "info") && !("propertyName" in p && p.propertyName),
  );
  if (!simple) return built;
  const instance = new (r.target as new () => Record<string, (...args: unknown[]) => unknown>)();
  const method = instance[r.methodName];
  const rootParam = params.find((p) => p.kind === "root");
  const rootType =
    rootParam && "getType" in rootParam
      ? (rootParam.getType?.() as (abstract new (...args: never[]) => unknown) | undefined)
      : undefined;
  const kinds = params.map((p) => p.kind);
  return (root, args, ctx, info) => {
    if (typeof rootType === "function" && root != null && !(root instanceof rootType))
      return built(root, args, ctx, info);
    return method.apply(
      instance,
      kinds.map((kind) => (kind === "root" ? root : kind === "context" ? ctx : info)),
    );
  };
}

function isGetter(proto: object | null, name: string): boolean {
  for (let p = proto; p; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, name);
    if (descriptor) return Boolean(descriptor.get);
  }
  return false;
}

/**
 * Three changes to the fields of the built schema, made once:
 * - a plain field reads its property directly instead of through type-graphql's middleware chain
 *   (type-graphql's own `simpleResolvers`, which would also break `id`, read from the `globalId`
 *   getter): Q1 answers 10,000 such fields;
 * - a field resolver without arguments is called directly (`directCall`);
 * - every field that runs code first checks the request's time limit (`ctx.checkTimeLimit()`), so
 *   that the limit needs no hook around each of those 10,000 plain reads.
 */
export function withFieldResolvers(schema: GraphQLSchema): GraphQLSchema {
  const { plain, resolvers } = fieldKinds(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const property = plain.get(key);
      if (property === field.name) field.resolve = undefined;
      else if (property !== undefined) field.resolve = (source: Record<string, unknown>) => source[property];
      else if (field.resolve) field.resolve = timeLimited(directCall(resolvers.get(key), field.resolve));
    }
  }
  return schema;
}

function timeLimited(
  resolve: GraphQLFieldResolver<unknown, RequestContext>,
): GraphQLFieldResolver<unknown, RequestContext> {
  return (source, args, ctx, info) => {
    ctx.checkTimeLimit();
    return resolve(source, args, ctx, info);
  };
}
