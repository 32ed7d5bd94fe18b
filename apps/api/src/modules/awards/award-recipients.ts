import type { RequestContext } from "../../graphql/context";
import { usersOfTrainees } from "../trainees/trainee-recipients";
import { AwardCycle } from "./award-cycle.entity";
import { AwardProgram } from "./award-program.entity";
import { AwardJudgeAssignment } from "./award-judge-assignment.entity";
import { AwardNomination } from "./award-nomination.entity";

/** The awards' notification recipients and subject names, read in the change's transaction. */

/** `{ cycle: "卢作孚光彩奖 2026" }`. */
export async function cycleParams(tx: RequestContext, cycleId: number): Promise<{ cycle: string }> {
  const cycle = await tx.em.findOneByOrFail(AwardCycle, { id: cycleId });
  const program = await tx.em.findOneByOrFail(AwardProgram, { id: cycle.programId });
  return { cycle: `${program.name} ${cycle.year}` };
}

/** Everyone with a stake in a cycle's results: its judges and the people nominated. */
export async function usersOfCycle(tx: RequestContext, cycleId: number): Promise<number[]> {
  const judges = await tx.em.find(AwardJudgeAssignment, {
    select: { id: true, judgeUserId: true },
    where: { cycleId },
  });
  const nominees = await tx.em.find(AwardNomination, {
    select: { id: true, traineeId: true },
    where: { cycleId, status: "ACTIVE" },
  });
  return [
    ...judges.map((j) => j.judgeUserId),
    ...(await usersOfTrainees(
      tx,
      nominees.map((n) => n.traineeId),
    )),
  ];
}
