import type { Role } from "../gql/graphql";

export const CONSOLE_ROLES: Role[] = ["STAFF", "ADMIN"];

/** The levels that hold the desk's problems work in the console too, on the desk's pages only. */
export const DESK_LEVEL_ROLES: Role[] = ["DEPARTMENT_HANDLER", "LEADER_IN_CHARGE", "DISTRICT_HEAD"];

/** Who may open the console at all: staff everywhere, the desk's levels on their pages. */
export const ANY_CONSOLE_ROLES: Role[] = [...CONSOLE_ROLES, ...DESK_LEVEL_ROLES];

/** A desk level's first page: the leaders' board, or a department's inbox. */
export function deskHomeFor(roles: readonly Role[]): string {
  return hasAnyRole(roles, ["LEADER_IN_CHARGE", "DISTRICT_HEAD"]) ? "/console/desk/board" : "/console/desk/inbox";
}

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((role) => wanted.includes(role));
}

/** Where a user lands after signing in: staff work in the console, trainees and enterprises' contacts in their portal. */
export function homePathFor(roles: readonly Role[]): string {
  if (hasAnyRole(roles, CONSOLE_ROLES)) return "/console";
  if (hasAnyRole(roles, DESK_LEVEL_ROLES)) return deskHomeFor(roles);
  if (roles.includes("TRAINEE")) return "/me/profile";
  if (roles.includes("JUDGE")) return "/judge";
  if (roles.includes("COMMISSIONER")) return "/commissioner";
  if (roles.includes("ENTERPRISE_CONTACT")) return "/me/desk/problems";
  return "/";
}

export function passwordPathFor(roles: readonly Role[]): string {
  return hasAnyRole(roles, ANY_CONSOLE_ROLES) ? "/console/password" : "/me/password";
}

/** A `next` target from the query string, if it is a path of this site (no open redirects). */
export function safeNextPath(next: string | null): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : null;
}
