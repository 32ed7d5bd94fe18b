import type { MigrationInterface, QueryRunner } from "typeorm";
import { runFor } from "../migration-sql";

/**
 * Cohorts imported from a file kept the file's typed title (班次名称) where everything else derives
 * it from the course and the number (cohortTitle in @zuofu/shared); the calendar feed reads the
 * stored copy. Data only: every stored title becomes "<course> 第N期" again.
 */
export class DerivedCohortTitles1796431000000 implements MigrationInterface {
  name = "DerivedCohortTitles1796431000000";

  async up(runner: QueryRunner): Promise<void> {
    await runFor(runner, {
      mysql: [
        "UPDATE `cohort` co JOIN `course` c ON c.id = co.course_id SET co.title = LEFT(CONCAT(c.title, ' 第', co.number, '期'), 100)",
      ],
      sqlite: [
        "UPDATE \"cohort\" SET \"title\" = substr((SELECT c.\"title\" FROM \"course\" c WHERE c.\"id\" = \"cohort\".\"course_id\") || ' 第' || \"cohort\".\"number\" || '期', 1, 100)",
      ],
    });
  }

  async down(): Promise<void> {
    // The typed titles are not kept: nothing to restore.
  }
}
