import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs, paginate } from "../../graphql/connection";
import { fromGlobalId, localId, toGlobalId } from "../../graphql/ids";
import { MaxLen } from "../../graphql/validation";
import { AuditEntry } from "./audit-entry.entity";
import { Loads } from "../../loading/declare";

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry) {}

@InputType()
export class AuditEntryFilter {
  @Field({ nullable: true, description: "Exact action, or a prefix ending in a dot (trainee.)" })
  @MaxLen(64)
  action?: string;
  @Field(() => ID, { nullable: true }) actorId?: string;
  @Field(() => ID, { nullable: true, description: "Global ID of the object acted on" }) subjectId?: string;
  @Field({ nullable: true }) from?: Date;
  @Field({ nullable: true }) to?: Date;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: "The audit log, newest first (admin)" })
  auditEntries(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => AuditEntryFilter, { nullable: true }) filter?: AuditEntryFilter,
  ) {
    ctx.requireRole("ADMIN");
    const qb = ctx.em.createQueryBuilder(AuditEntry, "entry");
    if (filter?.action) {
      if (filter.action.endsWith(".")) qb.andWhere("entry.action LIKE :a", { a: `${filter.action}%` });
      else qb.andWhere("entry.action = :a", { a: filter.action });
    }
    if (filter?.actorId != null)
      qb.andWhere("entry.actor_user_id = :actor", { actor: localId(filter.actorId, "User") ?? 0 });
    if (filter?.subjectId != null) {
      const subject = fromGlobalId(filter.subjectId);
      qb.andWhere("entry.subject_type = :st AND entry.subject_id = :sid", {
        st: subject?.type ?? "",
        sid: subject?.id ?? 0,
      });
    }
    if (filter?.from) qb.andWhere("entry.created_at >= :from", { from: filter.from });
    if (filter?.to) qb.andWhere("entry.created_at < :to", { to: filter.to });
    return paginate(qb, page, [{ expr: "entry.created_at", value: (e: AuditEntry) => e.createdAt, direction: "DESC" }]);
  }

  @FieldResolver(() => ID, { nullable: true, description: "Global ID of the object acted on" })
  @Loads(AuditEntry, { reads: ["subjectType", "subjectId"] })
  subjectId(@Root() entry: AuditEntry): string | null {
    return entry.subjectId ? toGlobalId(entry.subjectType, entry.subjectId) : null;
  }
}
