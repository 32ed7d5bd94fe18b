import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { isDuplicateKey } from "../../db/dialect";
import { ClassSession } from "./class-session.entity";
import { Enrollment } from "./enrollment.entity";
import { Feedback } from "./feedback.entity";

export async function submitFeedback(
  ctx: RequestContext,
  input: {
    cohortId: number | null;
    sessionId?: number | null;
    sessionGiven: boolean;
    rating: number;
    comment?: string | null;
  },
): Promise<Feedback> {
  const viewer = ctx.requireViewer();
  const check = new InputCheck();
  check.integer(input.rating, "rating", 1, 5);
  const comment = check.text(input.comment, "comment", { max: 1000 });
  if (input.sessionGiven && !input.sessionId) check.add("NOT_FOUND", "sessionId");
  check.done();
  try {
    return await ctx.transaction(async (tx) => {
      const enrollment =
        input.cohortId && viewer.traineeId
          ? await tx.em.findOneBy(Enrollment, {
              cohortId: input.cohortId,
              traineeId: viewer.traineeId,
              status: "COMPLETED",
            })
          : null;
      if (!enrollment) return fail("NOT_COMPLETED", "cohortId");
      if (
        input.sessionId &&
        !(await tx.em.countBy(ClassSession, { id: input.sessionId, cohortId: enrollment.cohortId }))
      )
        fail("NOT_FOUND", "sessionId");
      const target = input.sessionId ? `session:${input.sessionId}` : "cohort";
      if (await tx.em.countBy(Feedback, { enrollmentId: enrollment.id, target }))
        fail("FEEDBACK_EXISTS", input.sessionId ? "sessionId" : "cohortId");
      const feedback = tx.em.create(Feedback, {
        enrollmentId: enrollment.id,
        cohortId: enrollment.cohortId,
        sessionId: input.sessionId ?? null,
        target,
        rating: input.rating,
        comment: comment ?? null,
      });
      await tx.em.insert(Feedback, feedback);
      await audit(tx, "feedback.submit", subjectOf(feedback), { cohortId: enrollment.cohortId, target });
      return feedback;
    });
  } catch (err) {
    if (isDuplicateKey(err)) fail("FEEDBACK_EXISTS", "cohortId");
    throw err;
  }
}
