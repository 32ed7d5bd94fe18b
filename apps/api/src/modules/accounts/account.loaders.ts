import { In } from "typeorm";
import { byIdLoader, defineLoader } from "../../loading/loader";
import { User } from "./user.entity";
import { TraineeClaim } from "./trainee-claim.entity";

export const userById = byIdLoader("userById", User);

/** Each account's newest claim on an imported record. */
export const latestClaimByUser = defineLoader<number, TraineeClaim | null>("latestClaimByUser", async (ctx, ids) => {
  const claims = await ctx.em.find(TraineeClaim, { where: { userId: In([...ids]) }, order: { id: "DESC" } });
  const newest = new Map<number, TraineeClaim>();
  for (const claim of claims) if (!newest.has(claim.userId)) newest.set(claim.userId, claim);
  return ids.map((id) => newest.get(id) ?? null);
});
