import { User } from "../modules/accounts/user.entity";
import { Session } from "../modules/accounts/session.entity";
import { PhoneCode } from "../modules/accounts/phone-code.entity";
import { TraineeClaim } from "../modules/accounts/trainee-claim.entity";
import { AuditEntry } from "../modules/audit/audit-entry.entity";
import { Trainee } from "../modules/trainees/trainee.entity";
import { TraineeEnterpriseLink } from "../modules/trainees/trainee-enterprise-link.entity";
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
import { Event } from "../modules/events/event.entity";
import { Speaker } from "../modules/events/speaker.entity";
import { EventSpeaker } from "../modules/events/event-speaker.entity";
import { EventRegistration } from "../modules/events/event-registration.entity";
import { EventMaterial } from "../modules/events/event-material.entity";
import { EventSurveyResponse } from "../modules/events/event-survey-response.entity";
import { CalendarFeed } from "../modules/events/calendar-feed.entity";
import { AwardProgram } from "../modules/awards/award-program.entity";
import { AwardCycle } from "../modules/awards/award-cycle.entity";
import { AwardCriterion } from "../modules/awards/award-criterion.entity";
import { AwardNomination } from "../modules/awards/award-nomination.entity";
import { AwardJudgeAssignment } from "../modules/awards/award-judge-assignment.entity";
import { AwardScore } from "../modules/awards/award-score.entity";
import { AwardWinner } from "../modules/awards/award-winner.entity";
import { JudgeAffiliation } from "../modules/awards/judge-affiliation.entity";
import { Chamber } from "../modules/chambers/chamber.entity";
import { ChamberMembership } from "../modules/chambers/chamber-membership.entity";
import { ApiKey } from "../modules/chambers/api-key.entity";
import { IdempotencyKey } from "../modules/reliability/idempotency-key.entity";
import { Notification } from "../modules/notifications/notification.entity";
import { NotificationChannelSetting } from "../modules/notifications/notification-channel-setting.entity";
import { NotificationDelivery } from "../modules/notifications/notification-delivery.entity";
import { ScheduledJob } from "../modules/notifications/scheduled-job.entity";
import { Department, DepartmentHandler, EnterpriseContact } from "../modules/desk/department.entity";
import { Problem, ProblemEvent } from "../modules/desk/problem.entity";
import { CommissionerAssignment, Visit } from "../modules/desk/commissioner.entity";
import { ProblemAttachment, ProblemAttachmentPart } from "../modules/desk/problem-attachment.entity";
import { EnterpriseContactRequest } from "../modules/desk/contact-request.entity";

/** Every table of the platform; the migrations must create exactly these (a test compares). */
export const entities = [
  User,
  Session,
  PhoneCode,
  TraineeClaim,
  AuditEntry,
  Trainee,
  TraineeEnterpriseLink,
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
  Event,
  Speaker,
  EventSpeaker,
  EventRegistration,
  EventMaterial,
  EventSurveyResponse,
  CalendarFeed,
  AwardProgram,
  AwardCycle,
  AwardCriterion,
  AwardNomination,
  AwardJudgeAssignment,
  AwardScore,
  AwardWinner,
  JudgeAffiliation,
  Chamber,
  ChamberMembership,
  ApiKey,
  IdempotencyKey,
  Notification,
  NotificationChannelSetting,
  NotificationDelivery,
  ScheduledJob,
  Department,
  DepartmentHandler,
  EnterpriseContact,
  EnterpriseContactRequest,
  Problem,
  ProblemEvent,
  ProblemAttachment,
  ProblemAttachmentPart,
  CommissionerAssignment,
  Visit,
];
