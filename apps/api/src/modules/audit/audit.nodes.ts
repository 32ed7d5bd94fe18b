import { definePolicy, rowsById } from "../../graphql/visibility";
import { AuditEntry } from "./audit-entry.entity";

/** The audit log is the admin's. */
export const auditPolicies = {
  AuditEntry: definePolicy<AuditEntry>({ byId: rowsById(AuditEntry), sees: (ctx) => ctx.hasRole("ADMIN") }),
};
