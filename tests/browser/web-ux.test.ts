/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { BrowserRun, logIn } from "./harness";

/** Issue 16's findings, each proved fixed as a user meets it. */

let run: BrowserRun;
beforeAll(async () => {
  run = await BrowserRun.start();
});
afterAll(() => run?.close());

const beijing = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", ...options });
const hhmm = (iso: string) => beijing({ hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(iso));
const beijingDay = (iso: string) =>
  new Intl.DateTimeFormat("sv", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(iso));

/** Types a value into an antd picker (or select) the way a person does: click, type, Enter. */
async function typeInto(scope: Page | Locator, label: string, text: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  await field.click();
  await field.press("ControlOrMeta+a");
  await field.pressSequentially(text);
  await field.press("Enter");
}

describe("1. times read and typed in Beijing time, wherever the browser is", () => {
  for (const timezoneId of ["UTC", "America/Vancouver"]) {
    it(`in a browser set to ${timezoneId}`, async () => {
      const staff = await run.token("13800000002");
      const data = await run.gql(
        `{ cohorts(first: 1, filter: { status: IN_PROGRESS }) { edges { node { id title sessions { id topic startsAt endsAt } } } } }`,
        {},
        staff,
      );
      const cohort = data.cohorts.edges[0].node;
      const last = cohort.sessions.length - 1;
      const session = cohort.sessions[last];
      const { context, page } = await run.page({ timezoneId });
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
      await logIn(page, "13800000002");
      await page.getByRole("heading", { name: "工作台" }).waitFor();
      await page.getByText("本站时间均为北京时间（UTC+8）").waitFor();

      await page.goto(`/console/cohorts/${encodeURIComponent(cohort.id)}`);
      const row = page.locator("tbody tr.data-row").nth(last);
      await row.getByText(session.topic).waitFor();
      const [month, day] = beijingDay(session.startsAt).split("-").slice(1).map(Number);
      await row.getByText(`${month}月${day}日`, { exact: false }).waitFor();
      expect(await row.textContent()).toContain(`${hhmm(session.startsAt)}–${hhmm(session.endsAt)}`);

      // A typed time means Beijing time: 08:30 on the session's Beijing day is 00:30 UTC that day.
      const sessionDay = beijingDay(session.startsAt);
      await row.getByRole("button", { name: "编辑" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText("北京时间").first().waitFor();
      await typeInto(dialog, "开始时间", `${sessionDay} 08:30`);
      await typeInto(dialog, "结束时间", `${sessionDay} 11:30`);
      await dialog.getByRole("button", { name: /确\s*定/ }).click();
      await page.getByText("已保存").waitFor();
      await run.screenshot(page, `times-console-${timezoneId.replace("/", "-")}`);
      const saved = await run.gql(
        `query ($id: ID!) { node(id: $id) { ... on ClassSession { startsAt endsAt } } }`,
        { id: session.id },
        staff,
      );
      expect(saved.node).toEqual({
        startsAt: new Date(`${sessionDay}T08:30:00+08:00`).toISOString(),
        endsAt: new Date(`${sessionDay}T11:30:00+08:00`).toISOString(),
      });
      await row.getByText("08:30–11:30").waitFor();

      // The public page of the same cohort, on a phone.
      const phone = await run.page({ phone: true, timezoneId });
      await phone.page.goto(`/cohorts/${encodeURIComponent(cohort.id)}`);
      await phone.page
        .getByText(new RegExp(`${month}月${day}日.*08:30–11:30`))
        .first()
        .waitFor();
      await phone.page.getByText("本站时间均为北京时间（UTC+8）").waitFor();
      await phone.context.close();

      // 02:30 on 14 March 2027 does not exist in Vancouver (clocks jump from 02:00 to 03:00); typed as
      // Beijing time it is saved as typed, in every browser zone.
      await row.getByRole("button", { name: "编辑" }).click();
      await dialog.getByText("北京时间").first().waitFor();
      await typeInto(dialog, "开始时间", "2027-03-14 02:30");
      await typeInto(dialog, "结束时间", "2027-03-14 04:30");
      expect(await dialog.getByLabel("开始时间").inputValue()).toBe("2027-03-14 02:30");
      await dialog.getByRole("button", { name: /确\s*定/ }).click();
      await page.getByText("已保存").first().waitFor();
      await dialog.waitFor({ state: "hidden" });
      const gap = await run.gql(
        `query ($id: ID!) { node(id: $id) { ... on ClassSession { startsAt endsAt } } }`,
        { id: session.id },
        staff,
      );
      expect(gap.node).toEqual({ startsAt: "2027-03-13T18:30:00.000Z", endsAt: "2027-03-13T20:30:00.000Z" });
      await context.close();
    });
  }

  it("says nothing about the zone to a browser already on Beijing time", async () => {
    const { context, page } = await run.page({ phone: true });
    await page.goto("/events");
    await page.getByRole("heading", { name: "活动" }).first().waitFor();
    expect(await page.getByText("本站时间均为北京时间").count()).toBe(0);
    await context.close();
  });
});

describe("2. a form is sent from its button only; a cohort's title is its course's and its number", () => {
  it("Enter in the date fields of a new cohort does not create it; the button does, titled 第N期", async () => {
    const staff = await run.token("13800000002");
    const courseOf = async () =>
      (await run.gql(`{ courses(first: 1) { edges { node { id title cohorts { number } } } } }`, {}, staff)).courses
        .edges[0].node;
    const course = await courseOf();
    const next = Math.max(...course.cohorts.map((c: any) => c.number)) + 1;

    const { context, page } = await run.page();
    await logIn(page, "13800000002");
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    await page.goto("/console/cohorts");
    await page.getByRole("button", { name: "新建班次" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.getByLabel("名称", { exact: true }).count()).toBe(0);
    await typeInto(dialog, "课程", course.title);
    await typeInto(dialog, "开始日期", "2027-03-01");
    await typeInto(dialog, "结束日期", "2027-03-05");
    await dialog.getByLabel("名额").press("Enter");
    await page.waitForTimeout(500); // what a misfired submit would take to land
    expect(await dialog.isVisible()).toBe(true);
    expect((await courseOf()).cohorts).toHaveLength(course.cohorts.length);

    await dialog.getByRole("button", { name: /确\s*定/ }).click();
    await page.getByText("已保存").waitFor();
    await dialog.waitFor({ state: "hidden" });
    const after = await courseOf();
    expect(after.cohorts.map((c: any) => c.number)).toContain(next);
    // Saved, the console opens the new cohort.
    await page.getByRole("heading", { name: `${course.title} 第${next}期` }).waitFor();
    await run.screenshot(page, "cohort-created-by-button");
    await context.close();
  });
});

describe("3. judging: one state everywhere, scores refused not changed, points, the saved message in view", () => {
  it("a judge at 375 px sees the same state in the list and on the page, and scores whole numbers only", async () => {
    const judge = await run.token("13800000003");
    const { myAwardAssignments } = await run.gql(
      `{ myAwardAssignments(first: 100) { edges { node { id nomineeName complete conflict scores { id }
        cycle { phase judgingEndsAt criteria { id weight } } } } } }`,
      {},
      judge,
    );
    const all = myAwardAssignments.edges.map((e: any) => e.node);
    const open = all.find((a: any) => a.cycle.phase === "JUDGING" && !a.complete && !a.conflict && !a.scores.length);
    const finished = all.filter((a: any) => a.cycle.phase === "PUBLISHED" || a.cycle.phase === "DECIDED");

    const { context, page } = await run.page({ phone: true });
    await logIn(page, "13800000003");
    await page.waitForURL(/\/judge$/);
    await page.getByRole("heading", { name: "当前评审" }).waitFor();
    const current = page.getByRole("list", { name: "当前评审" });
    const card = current.locator("article", { hasText: open.nomineeName }).first();
    await card.getByText("待评分").waitFor();
    // Finished cycles are listed apart, folded, so the work at hand comes first.
    if (finished.length) {
      await page.getByText(`往期评审（${finished.length}）`).waitFor();
      expect(await current.locator("article", { hasText: "评审已结束" }).count()).toBe(0);
    }
    await run.screenshot(page, "judge-list-current-past-375");

    await card.getByRole("link", { name: open.nomineeName }).click();
    await page.getByRole("heading", { name: "评分表" }).waitFor();
    await page.locator(".card-sub").getByText("待评分").waitFor();
    await page.getByText("请为每项评选条件打分（0–10 分的整数），评审截止前可随时修改。").waitFor();

    const scores = page.getByLabel(/· 得分$/);
    await scores.nth(0).fill("11");
    await scores.nth(1).fill("8.5");
    await page.getByRole("button", { name: "保存评分" }).click();
    await page.getByText("得分须在0到10之间").waitFor();
    await page.getByText("得分须为0到10之间的整数").waitFor();
    // Not silently changed: what the judge typed is still there.
    expect(await scores.nth(0).inputValue()).toBe("11");
    expect(await scores.nth(1).inputValue()).toBe("8.5");
    const unsaved = await run.gql(
      `query ($id: ID!) { node(id: $id) { ... on AwardJudgeAssignment { scores { id } } } }`,
      { id: open.id },
      judge,
    );
    expect(unsaved.node.scores).toHaveLength(0);

    const values = open.cycle.criteria.map((_: unknown, i: number) => 6 + (i % 4));
    for (let i = 0; i < values.length; i++) await scores.nth(i).fill(String(values[i]));
    const points = values.reduce((a: number, b: number) => a + b, 0);
    await page.getByText(`本表合计 ${points} / ${values.length * 10} 分`).waitFor();
    await page.getByRole("button", { name: "保存评分" }).click();
    const savedNote = page.getByText("评分已保存");
    await savedNote.waitFor();
    // The confirmation is on screen where the judge pressed the button, not above the form.
    const box = (await savedNote.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    const weights = open.cycle.criteria.map((c: any) => c.weight);
    const weighted =
      values.reduce((sum: number, v: number, i: number) => sum + v * weights[i], 0) /
      weights.reduce((a: number, b: number) => a + b, 0);
    await page.getByText(`加权得分 ${Math.round(weighted * 100) / 100} / 10 分`).waitFor();
    await page.locator(".card-sub").getByText("已评分").waitFor();
    await run.screenshot(page, "judge-scored-375");

    await page.getByRole("link", { name: "返回评审任务" }).click();
    await current.locator("article", { hasText: open.nomineeName }).first().getByText("已评分").waitFor();
    await context.close();
  });
});

/** axe-core's own script, injected into the page under test. */
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The serious and critical violations axe finds on the page as it stands, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, which the page's Content-Security-Policy does not cover.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: any }).axe;
    // The "accessible name differs from its visible label" is an experimental rule: on too.
    const result = await axe.run(document, { rules: { "label-content-name-mismatch": { enabled: true } } });
    return result.violations
      .filter((v: any) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v: any) =>
          `${v.id} (${v.nodes.length}): ${v.nodes
            .slice(0, 3)
            .map((n: any) => n.target.join(" "))
            .join(" | ")}`,
      );
  });
}

/** Opens a page and waits until it has drawn its data (its heading, and no spinner). */
async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.locator(".spinner, .ant-spin-spinning").first().waitFor({ state: "hidden" });
}

/** Every page's serious/critical violations, keyed by page; {} when there are none. */
async function audit(page: Page, paths: string[], tag: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await openPage(page, path);
    const violations = await axeViolations(page);
    if (violations.length) found[`${tag} ${path}`] = violations;
  }
  return found;
}

async function demoIds() {
  const staff = await run.token("13800000002");
  const judge = await run.token("13800000003");
  const admin = await run.token("13800000001");
  const data = await run.gql(
    `{ cohorts(first: 1, filter: { status: IN_PROGRESS }) { edges { node { id sessions { id } } } }
       events(first: 1) { edges { node { id } } }
       awardCycles(first: 1, filter: { phase: JUDGING }) { edges { node { id } } } }`,
    {},
    staff,
  );
  const chambers = await run.gql(`{ chambers(first: 1) { edges { node { id } } } }`, {}, admin);
  const assignments = await run.gql(`{ myAwardAssignments(first: 1) { edges { node { id } } } }`, {}, judge);
  const inbox = await run.gql(
    `{ problems(first: 1, filter: { open: true }) { edges { node { id } } } }`,
    {},
    await run.token("13800000006"),
  );
  const cohort = data.cohorts.edges[0].node;
  return {
    cohort: encodeURIComponent(cohort.id),
    session: encodeURIComponent(cohort.sessions[0].id),
    event: encodeURIComponent(data.events.edges[0].node.id),
    cycle: encodeURIComponent(data.awardCycles.edges[0].node.id),
    chamber: encodeURIComponent(chambers.chambers.edges[0].node.id),
    assignment: encodeURIComponent(assignments.myAwardAssignments.edges[0].node.id),
    problem: encodeURIComponent(inbox.problems.edges[0].node.id),
  };
}

const PUBLIC = (ids: Awaited<ReturnType<typeof demoIds>>) => [
  "/",
  "/courses",
  "/cohorts",
  `/cohorts/${ids.cohort}`,
  "/events",
  `/events/${ids.event}`,
  "/honor-roll",
  "/verify",
  "/login",
  "/register",
];
const PORTAL = [
  "/me/cohorts",
  "/me/events",
  "/me/check-in",
  "/me/calendar",
  "/me/profile",
  "/me/notifications",
  "/me/password",
];

describe("9. accessibility: no serious or critical axe violation; a larger-text mode", () => {
  it("the public pages and the trainee portal at 375 px, in Chinese and English", async () => {
    const ids = await demoIds();
    const found: Record<string, string[]> = {};
    const { context, page } = await run.page({ phone: true });
    const inLanguage = async (locale: string) => {
      await page.goto("/verify");
      await page.evaluate((l) => window.localStorage.setItem("zuofu.locale", l), locale);
    };
    for (const locale of ["zh-CN", "en"]) {
      await inLanguage(locale);
      Object.assign(found, await audit(page, PUBLIC(ids), locale));
    }
    await inLanguage("zh-CN");
    await logIn(page, "13800000004");
    await page.waitForURL(/\/me\//);
    for (const locale of ["zh-CN", "en"]) {
      await inLanguage(locale);
      Object.assign(found, await audit(page, PORTAL, locale));
    }
    await context.close();
    expect(found).toEqual({});
  }, 600_000);

  it("the enterprise's service-desk pages at 375 px, in Chinese and English", async () => {
    const { context, page } = await run.page({ phone: true });
    await logIn(page, "13800000005");
    await page.waitForURL(/\/me\//);
    const token = await run.token("13800000005");
    const mine = await run.gql(`{ problems(first: 1) { edges { node { id } } } }`, {}, token);
    const problem = mine.problems.edges[0].node.id as string;
    const found: Record<string, string[]> = {};
    for (const locale of ["zh-CN", "en"]) {
      await page.evaluate((l) => window.localStorage.setItem("zuofu.locale", l), locale);
      const pages = ["/me/desk/report", "/me/desk/problems", `/me/desk/problems/${problem}`, "/me/desk/bind"];
      Object.assign(found, await audit(page, pages, locale));
    }
    expect(found).toEqual({});
    await context.close();
  }, 300_000);

  it("the judge's workspace at 375 px", async () => {
    const ids = await demoIds();
    const { context, page } = await run.page({ phone: true });
    await logIn(page, "13800000003");
    await page.waitForURL(/\/judge$/);
    expect(await audit(page, ["/judge", `/judge/assignments/${ids.assignment}`], "zh-CN")).toEqual({});
    await context.close();
  });

  it("the commissioner's workspace at 375 px, in Chinese and English", async () => {
    const { context, page } = await run.page({ phone: true });
    await logIn(page, "13800000008");
    await page.waitForURL(/\/commissioner$/);
    const found: Record<string, string[]> = {};
    for (const locale of ["zh-CN", "en"]) {
      await page.evaluate((l) => window.localStorage.setItem("zuofu.locale", l), locale);
      Object.assign(
        found,
        await audit(page, ["/commissioner", "/commissioner/visits", "/commissioner/visits/new"], locale),
      );
    }
    await page.evaluate(() => window.localStorage.setItem("zuofu.locale", "zh-CN"));
    expect(found).toEqual({});
    await context.close();
  });

  it("the console at 1366 px, every page of staff and admin", async () => {
    const ids = await demoIds();
    const { context, page } = await run.page({ viewport: { width: 1366, height: 900 } });
    await logIn(page, "13800000001");
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    const found = await audit(
      page,
      [
        "/console/dashboard",
        "/console/cohorts",
        `/console/cohorts/${ids.cohort}`,
        `/console/sessions/${ids.session}/attendance`,
        "/console/courses",
        "/console/events",
        `/console/events/${ids.event}`,
        "/console/speakers",
        "/console/awards",
        `/console/awards/${ids.cycle}`,
        "/console/enterprises",
        "/console/trainees",
        "/console/enterprise-contacts",
        "/console/imports",
        "/console/delivery-failures",
        "/console/desk/coverage",
        "/console/desk/commissioners",
        "/console/desk/departments",
        "/console/chambers",
        `/console/chambers/${ids.chamber}`,
        "/console/users",
        "/console/audit",
        "/console/desk",
        `/console/desk/problems/${ids.problem}`,
        "/console/desk/board",
        "/console/desk/figures",
      ],
      "zh-CN",
    );
    expect(found).toEqual({});
    await context.close();
  }, 600_000);

  it("the service desk's pages at 1366 px for a department's handler and the district head", async () => {
    const ids = await demoIds();
    const found: Record<string, string[]> = {};
    for (const [phone, landing, paths] of [
      ["13800000006", /\/console\/desk\/inbox$/, ["/console/desk/inbox", `/console/desk/problems/${ids.problem}`]],
      ["13800000009", /\/console\/desk\/board$/, ["/console/desk/board", "/console/desk/figures"]],
    ] as const) {
      const { context, page } = await run.page({ viewport: { width: 1366, height: 900 } });
      await logIn(page, phone);
      await page.waitForURL(landing);
      Object.assign(found, await audit(page, [...paths], "zh-CN"));
      await context.close();
    }
    expect(found).toEqual({});
  }, 300_000);

  it("larger text stays on across visits and keeps every portal page within a phone's width", async () => {
    const ids = await demoIds();
    const { context, page } = await run.page({ phone: true });
    await page.goto("/");
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(await size()).toBe(14);
    await page.getByRole("button", { name: "大字" }).click();
    expect(await size()).toBe(17.5);
    await logIn(page, "13800000004");
    await page.waitForURL(/\/me\//);
    expect(await page.getByRole("button", { name: "大字" }).getAttribute("aria-pressed")).toBe("true");
    const overflowing: string[] = [];
    for (const path of [...PUBLIC(ids), ...PORTAL]) {
      await openPage(page, path);
      expect(await size()).toBe(17.5);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) overflowing.push(`${path}: ${width}px`);
    }
    await run.screenshot(page, "large-text-profile-375");
    expect(overflowing).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 300_000);
});

/** A valid mainland ID number (GB 11643 check character) for a birth date and sequence. */
function idCard(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body17 + "10X98765432"[sum % 11];
}

describe("8. wording and layout", () => {
  it("the honor roll: 排名不分先后, by year and award, searchable", async () => {
    const { context, page } = await run.page({ phone: true });
    await page.goto("/honor-roll");
    await page
      .getByRole("heading", { name: /^\d{4}年度 · / })
      .first()
      .waitFor();
    expect(await page.getByText("排名不分先后").count()).toBeGreaterThan(0);
    expect(await page.getByText(/第\s*\d+\s*名/).count()).toBe(0);
    // Each year's award is one whole list: its heading shows once, before and after more are loaded.
    const headings = () => page.locator("h2.honor-group-title").allTextContents();
    const before = await headings();
    expect(new Set(before).size).toBe(before.length);
    await page.getByRole("button", { name: "显示更多" }).click();
    await page.waitForFunction((n) => document.querySelectorAll("h2.honor-group-title").length > n, before.length);
    const after = await headings();
    expect(new Set(after).size).toBe(after.length);
    expect(after.slice(0, before.length)).toEqual(before);
    const first = (await page.locator(".honor-names strong").first().textContent())!;
    await page.getByLabel("搜索").fill(first);
    await page.waitForFunction(
      (name) =>
        Array.from(document.querySelectorAll(".honor-names strong")).every((e) => e.textContent!.includes(name)),
      first,
    );
    await run.screenshot(page, "honor-roll-grouped-375");
    await context.close();
  });

  it("titles once, pinyin order, 不限 and English cohort numbers on the public pages", async () => {
    const { context, page } = await run.page({ phone: true });
    await page.goto("/courses");
    await page.locator(".card h2").first().waitFor();
    const titles = await page.locator(".card h2").allTextContents();
    expect(titles).toEqual([...titles].sort(new Intl.Collator("zh-CN").compare));

    await page.goto("/cohorts");
    const card = page.locator("article.card").first();
    const title = (await card.locator("h3").textContent())!;
    expect(title).toMatch(/ 第\d+期$/);
    expect(await card.getByText(title.replace(/ 第\d+期$/, "")).count()).toBe(1);

    await page.goto("/events");
    await page.locator("article.card").first().waitFor();
    expect(await page.getByText(/(作孚沙龙|作孚讲堂)\s*\1/).count()).toBe(0);

    await page.getByRole("button", { name: "EN" }).click();
    await page.goto("/cohorts");
    const english = (await page.locator("article.card h3").first().textContent())!;
    expect(english).toMatch(/, cohort \d+$/);
    expect(
      await page
        .locator("article.card")
        .first()
        .getByText(/第\d+期/)
        .count(),
    ).toBe(0);
    await context.close();
  });

  it("the console at 375 px: the menu button beside, not over, the title; the active tab in view; the cancel dialog's buttons", async () => {
    const staff = await run.token("13800000002");
    const data = await run.gql(
      `{ cohorts(first: 1, filter: { status: OPEN }) { edges { node { id title enrollmentOpensAt enrollmentClosesAt } } } }`,
      {},
      staff,
    );
    const cohort = data.cohorts.edges[0].node;
    const { context, page } = await run.page({ phone: true });
    await logIn(page, "13800000002");
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    await page.goto(`/console/cohorts/${encodeURIComponent(cohort.id)}`);
    const heading = page.getByRole("heading", { name: cohort.title });
    await heading.waitFor();
    const menu = (await page.getByRole("button", { name: "菜单", exact: true }).boundingBox())!;
    const title = (await heading.boundingBox())!;
    expect(menu.y + menu.height <= title.y || title.y + title.height <= menu.y).toBe(true);
    if (!cohort.enrollmentOpensAt || !cohort.enrollmentClosesAt) await page.getByText("不限").first().waitFor();

    const tab = page.getByRole("tab", { name: "学员评价" });
    await tab.click();
    const box = (await tab.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await tab.getAttribute("aria-selected")).toBe("true");
    await run.screenshot(page, "console-cohort-375");

    await page.getByRole("button", { name: "取消班次" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "确认取消班次" }).waitFor();
    await dialog.getByRole("button", { name: "暂不取消" }).click();
    await dialog.waitFor({ state: "hidden" });
    await context.close();
  });

  it("性别 follows the ID number typed in the profile", async () => {
    const { context, page } = await run.page({ phone: true });
    await logIn(page, "13800000004");
    await page.waitForURL(/\/me\//);
    await page.goto("/me/profile");
    await page.getByRole("button", { name: /修\s*改|填\s*写/ }).click();
    await page.getByLabel("身份证号码").fill(idCard("50010919800101002"));
    expect(await page.getByRole("radio", { name: "女" }).isChecked()).toBe(true);
    await page.getByLabel("身份证号码").fill(idCard("50010919800101001"));
    expect(await page.getByRole("radio", { name: "男" }).isChecked()).toBe(true);
    await context.close();
  });
});
