import { In } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { defineLoader, groupByKey } from "../../loading/loader";
import { fail } from "../../graphql/errors";
import { audit, subjectOf } from "../audit/audit.service";
import { User } from "../accounts/user.entity";
import { Chamber } from "../chambers/chamber.entity";
import { Enterprise } from "../enterprises/enterprise.entity";
import { JudgeAffiliation } from "./judge-affiliation.entity";

/** At most this many enterprises and as many chambers per judge. */
export const MAX_AFFILIATIONS = 20;

export const affiliationsByJudge = defineLoader<number, JudgeAffiliation[]>("affiliationsByJudge", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(JudgeAffiliation, { where: { userId: In([...ids]) }, order: { id: "ASC" } }),
    (a) => a.userId,
  ),
);

/** Ids as given, each resolved (null when it did not); a user error names the field otherwise. */
async function existing(
  ctx: RequestContext,
  target: typeof Enterprise | typeof Chamber,
  ids: (number | null)[],
  field: string,
): Promise<number[]> {
  if (ids.length > MAX_AFFILIATIONS) fail("OUT_OF_RANGE", field, { min: 0, max: MAX_AFFILIATIONS });
  if (ids.some((id) => id === null)) fail("NOT_FOUND", field);
  const unique = [...new Set(ids as number[])];
  if (unique.length && (await ctx.em.countBy(target, { id: In(unique) })) !== unique.length) fail("NOT_FOUND", field);
  return unique;
}

/**
 * Staff set a judge's own affiliations (they replace the previous ones), whatever the judge's
 * trainee profile says: the enterprises and chambers that rule the judge out of a nomination.
 */
export async function setJudgeAffiliations(
  ctx: RequestContext,
  judgeUserId: number | null,
  enterpriseIds: (number | null)[],
  chamberIds: (number | null)[],
): Promise<User> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const judge = judgeUserId ? await tx.em.findOneBy(User, { id: judgeUserId }) : null;
    if (!judge) return fail("NOT_FOUND", "judgeId");
    if (!judge.roles.includes("JUDGE")) fail("NOT_A_JUDGE", "judgeId", { name: judge.name });
    const enterprises = await existing(tx, Enterprise, enterpriseIds, "enterpriseIds");
    const chambers = await existing(tx, Chamber, chamberIds, "chamberIds");
    const before = await tx.em.findBy(JudgeAffiliation, { userId: judge.id });
    const had = (a: JudgeAffiliation) =>
      a.enterpriseId ? enterprises.includes(a.enterpriseId) : chambers.includes(a.chamberId!);
    const removed = before.filter((a) => !had(a));
    const added = [
      ...enterprises
        .filter((id) => !before.some((a) => a.enterpriseId === id))
        .map((id) => ({ userId: judge.id, enterpriseId: id, chamberId: null })),
      ...chambers
        .filter((id) => !before.some((a) => a.chamberId === id))
        .map((id) => ({ userId: judge.id, enterpriseId: null, chamberId: id })),
    ];
    if (removed.length)
      await tx.em.delete(
        JudgeAffiliation,
        removed.map((a) => a.id),
      );
    if (added.length) await tx.em.insert(JudgeAffiliation, added);
    await audit(tx, "judge.setAffiliations", subjectOf(judge), {
      enterpriseIds: enterprises,
      chamberIds: chambers,
      added: added.length,
      removed: removed.length,
    });
    return judge;
  });
}
