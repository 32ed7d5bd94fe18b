import { User } from "../modules/accounts/user.entity";
import { Session } from "../modules/accounts/session.entity";
import { AuditEntry } from "../modules/audit/audit-entry.entity";
import { Trainee } from "../modules/trainees/trainee.entity";
import { Enterprise } from "../modules/enterprises/enterprise.entity";
import { EnterpriseHonor } from "../modules/enterprises/enterprise-honor.entity";
import { SocialResponsibilityRecord } from "../modules/enterprises/social-responsibility-record.entity";
import { Course } from "../modules/training/course.entity";
import { Cohort } from "../modules/training/cohort.entity";
import { ClassSession } from "../modules/training/class-session.entity";
import { Enrollment } from "../modules/training/enrollment.entity";
import { Attendance } from "../modules/training/attendance.entity";
import { Certificate } from "../modules/training/certificate.entity";
import { Feedback } from "../modules/training/feedback.entity";

/** Every table of the platform; the migrations must create exactly these (a test compares). */
export const entities = [
  User,
  Session,
  AuditEntry,
  Trainee,
  Enterprise,
  EnterpriseHonor,
  SocialResponsibilityRecord,
  Course,
  Cohort,
  ClassSession,
  Enrollment,
  Attendance,
  Certificate,
  Feedback,
];
