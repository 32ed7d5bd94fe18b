import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { paginate, type ConnectionArgs } from "../../graphql/connection";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { Enterprise } from "../enterprises/enterprise.entity";
import { checkUrl } from "./event.service";
import { Speaker } from "./speaker.entity";

export interface SpeakerFields {
  name?: string;
  title?: string | null;
  organization?: string | null;
  enterpriseId?: number | null;
  /** An enterprise ID was given but names no enterprise. */
  enterpriseUnknown?: boolean;
  bio?: string | null;
  photoUrl?: string | null;
}

function checkSpeaker(input: SpeakerFields, creating: boolean): Partial<Speaker> {
  const check = new InputCheck();
  const values: Partial<Speaker> = {};
  if (input.name !== undefined || creating) values.name = check.requiredText(input.name, "name", 64);
  for (const [field, max] of [
    ["title", 100],
    ["organization", 200],
    ["bio", 5000],
  ] as const) {
    const value = check.text(input[field], field, { max });
    if (value !== undefined) values[field] = value;
  }
  const photoUrl = checkUrl(check, input.photoUrl, "photoUrl");
  if (photoUrl !== undefined) values.photoUrl = photoUrl;
  if (input.enterpriseUnknown) check.add("NOT_FOUND", "enterpriseId");
  else if (input.enterpriseId !== undefined) values.enterpriseId = input.enterpriseId;
  check.done();
  return values;
}

async function requireEnterprise(ctx: RequestContext, values: Partial<Speaker>): Promise<void> {
  if (values.enterpriseId && !(await ctx.em.countBy(Enterprise, { id: values.enterpriseId })))
    fail("NOT_FOUND", "enterpriseId");
}

export async function createSpeaker(ctx: RequestContext, input: SpeakerFields): Promise<Speaker> {
  ctx.requireRole("STAFF");
  const values = checkSpeaker(input, true);
  return ctx.transaction(async (tx) => {
    await requireEnterprise(tx, values);
    const speaker = tx.em.create(Speaker, {
      title: null,
      organization: null,
      enterpriseId: null,
      bio: null,
      photoUrl: null,
      ...values,
    });
    await tx.em.save(speaker);
    await audit(tx, "speaker.create", subjectOf(speaker), { name: speaker.name });
    return speaker;
  });
}

export async function updateSpeaker(ctx: RequestContext, id: number | null, input: SpeakerFields): Promise<Speaker> {
  ctx.requireRole("STAFF");
  const values = checkSpeaker(input, false);
  return ctx.transaction(async (tx) => {
    const speaker = id ? await tx.em.findOneBy(Speaker, { id }) : null;
    if (!speaker) return fail("NOT_FOUND", "speakerId");
    await requireEnterprise(tx, values);
    Object.assign(speaker, values);
    await tx.em.save(speaker);
    await audit(tx, "speaker.update", subjectOf(speaker), { changed: Object.keys(values) });
    return speaker;
  });
}

/** Public, by name; `search` matches the name or the organization. */
export function listSpeakers(ctx: RequestContext, search: string | null | undefined, args: ConnectionArgs) {
  const qb = ctx.em.createQueryBuilder(Speaker, "speaker");
  const term = search?.trim();
  if (term)
    qb.andWhere("(speaker.name LIKE :term OR speaker.organization LIKE :term)", {
      term: `%${term.replace(/[%_\\]/g, "\\$&")}%`,
    });
  return paginate(qb, args, [{ expr: "speaker.name", value: (s: Speaker) => s.name, direction: "ASC" }]);
}
