/** The four demo accounts of DESIGN.md ("Running it"), one per role, password `zuofu-demo`. */
import type { Role } from "@zuofu/shared";
import { User } from "../modules/accounts/user.entity";
import type { DemoPart } from "./context";

export interface DemoAccount {
  phone: string;
  name: string;
  role: Role;
}

/** Invented people with real-looking names; the trainee also gets a Trainee row (trainees part). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { phone: "13800000001", name: "周明远", role: "ADMIN" },
  { phone: "13800000002", name: "刘思雨", role: "STAFF" },
  { phone: "13800000003", name: "王德华", role: "JUDGE" },
  { phone: "13800000004", name: "陈志刚", role: "TRAINEE" },
];

/** When the Institute's platform went live; the demo accounts were its first, a minute apart. */
export function demoAccountCreatedAt(account: DemoAccount): Date {
  return new Date(Date.UTC(2018, 2, 1, 1, 0, 0) + DEMO_ACCOUNTS.indexOf(account) * 60_000);
}

export const accountsPart: DemoPart = {
  name: "accounts",
  async run(ctx) {
    const passwordHash = ctx.passwordHash;
    const rows = DEMO_ACCOUNTS.map((a) => {
      const at = demoAccountCreatedAt(a);
      return {
        name: a.name,
        phone: a.phone,
        passwordHash,
        roles: [a.role],
        active: true,
        createdAt: at,
        updatedAt: at,
      };
    });
    const ids = await ctx.insertReturningIds(User, rows, "phone");
    DEMO_ACCOUNTS.forEach((a, i) => ctx.ids.usersByRole[a.role].push(ids[i]));
  },
};
