import type { RequestContext } from "../../graphql/context";
import { AuditEntry } from "./audit-entry.entity";

export interface AuditSubject {
  type: string;
  id: number | null;
}

/** Names the subject by its GraphQL type and row id. */
export function subjectOf(entity: { id: number; constructor: { name: string } }): AuditSubject {
  return { type: entity.constructor.name, id: entity.id };
}

/**
 * Records one state change. It must run inside the change's own transaction, so that the entry
 * and the change commit or roll back together.
 */
export async function audit(
  ctx: RequestContext,
  action: string,
  subject: AuditSubject,
  details: Record<string, unknown> = {},
  actorLabel?: string,
): Promise<void> {
  if (!ctx.inTransaction) throw new Error(`audit(${action}) outside a transaction`);
  await ctx.em.insert(AuditEntry, {
    actorUserId: ctx.viewer?.userId ?? null,
    actorLabel:
      actorLabel ??
      (ctx.viewer ? `user:${ctx.viewer.userId}` : ctx.partner ? `apikey:${ctx.partner.apiKeyId}` : "anonymous"),
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    details: JSON.stringify(details),
    requestId: ctx.requestId,
  });
}
