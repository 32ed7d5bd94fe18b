import { In } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { Trainee } from "./trainee.entity";

/**
 * Who to tell: every feature names its own notification recipients (training/, awards/, events/),
 * read in the change's transaction so call sites stay one line; they all end here, at the people.
 */

/** The user accounts of these trainees (a trainee imported without an account is skipped). */
export async function usersOfTrainees(tx: RequestContext, traineeIds: (number | null)[]): Promise<number[]> {
  const ids = [...new Set(traineeIds.filter((id): id is number => id !== null))];
  if (!ids.length) return [];
  const rows = await tx.em.find(Trainee, { select: { id: true, userId: true }, where: { id: In(ids) } });
  return rows.map((r) => r.userId).filter((id): id is number => id !== null);
}
