import type { MigrationInterface, QueryRunner } from "typeorm";
import { runFor } from "../migration-sql";

/**
 * Stored answers are sealed with DATA_KEY from now on; those kept before are clear text (a `login`
 * answer holds a live session token). They are only a retry cache: dropping them loses nothing a
 * client needs, and a retry with such a key runs again.
 */
export class SealedIdempotencyAnswers1796424958876 implements MigrationInterface {
  name = "SealedIdempotencyAnswers1796424958876";

  async up(runner: QueryRunner): Promise<void> {
    await runFor(runner, {
      mysql: ["DELETE FROM `idempotency_key` WHERE `response_body` NOT LIKE 'v1:%'"],
      sqlite: [`DELETE FROM "idempotency_key" WHERE "response_body" NOT LIKE 'v1:%'`],
    });
  }

  async down(): Promise<void> {
    // Nothing to restore: the answers were deleted on purpose.
  }
}
