/**
 * How long a text may be, per type and field: one number read by the entity's column, the GraphQL
 * input's check (class-validator's MaxLen), the service's InputCheck and the web form's rule, so
 * the four cannot drift apart. Types not listed here still state their limits where they are used
 * (docs/architecture.md, "Validation").
 */
export const TEXT_LIMITS = {
  Course: { title: 100, summary: 5000, category: 32 },
  Cohort: { title: 100, venue: 200 },
  ClassSession: { topic: 200, lecturer: 100, venue: 200 },
} as const;

/**
 * A service-desk problem's attachments (images, PDF, Office documents): bytes per file and files
 * per problem, read by the API's limits table (`LIMITS`) and the web's file field.
 */
export const ATTACHMENT_LIMITS = { maxBytes: 2 * 1024 * 1024, perProblem: 5 } as const;
