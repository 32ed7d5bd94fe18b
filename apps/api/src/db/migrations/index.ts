import { DeskEnterpriseSide1796433705906 } from "./1796433705906-desk-enterprise-side";
import { DerivedCohortTitles1796431000000 } from "./1796431000000-derived-cohort-titles";
import { DeskCommissioners1796430862435 } from "./1796430862435-desk-commissioners";
import { AttendanceStatusAndOutcome1796429457532 } from "./1796429457532-attendance-status-and-outcome";
import { SealedIdempotencyAnswers1796424958876 } from "./1796424958876-sealed-idempotency-answers";
import { Affiliations1796422000000 } from "./1796422000000-affiliations";
import { Desk1796425000000 } from "./1796425000000-desk";
import { PhoneCodesAndClaims1796419610565 } from "./1796419610565-phone-codes-and-claims";
import { Notifications1795877407664 } from "./1795877407664-notifications";
import { IdempotencyKeys1795877149464 } from "./1795877149464-idempotency-keys";
import { Chambers1795875030319 } from "./1795875030319-chambers";
import { Events1795874953140 } from "./1795874953140-events";
import { AwardCertificates1795874738403 } from "./1795874738403-award-certificates";
import { Awards1795874737299 } from "./1795874737299-awards";
import { Training1795873157670 } from "./1795873157670-training";
import { Foundation1795873154244 } from "./1795873154244-foundation";
import type { MigrationInterface } from "typeorm";

/** In order of application. New migrations are written by `scripts/migration-generate.ts`. */
export const migrations: (new () => MigrationInterface)[] = [Foundation1795873154244, Training1795873157670, Awards1795874737299, AwardCertificates1795874738403, Events1795874953140, Chambers1795875030319, IdempotencyKeys1795877149464, Notifications1795877407664, PhoneCodesAndClaims1796419610565, Affiliations1796422000000, SealedIdempotencyAnswers1796424958876, Desk1796425000000, AttendanceStatusAndOutcome1796429457532, DeskCommissioners1796430862435, DerivedCohortTitles1796431000000, DeskEnterpriseSide1796433705906];
