import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { qrVideo } from "./fake-camera";
import { BrowserRun, logIn } from "./harness";

let run: BrowserRun;
beforeAll(async () => {
  run = await BrowserRun.start();
});
afterAll(() => run?.close());

interface CohortRow {
  id: string;
  title: string;
  admission: "AUTO" | "REVIEW";
  seatsTaken: number;
  capacity: number;
  sessions: { id: string }[];
}

/** The demo data's open cohorts (one of each admission mode) and the one running now. */
async function demoCohorts(): Promise<{ auto: CohortRow; review: CohortRow; running: CohortRow }> {
  const fields = "id title admission seatsTaken capacity sessions { id }";
  const data = await run.gql(`{
    open: cohorts(first: 10, filter: { openForEnrollment: true }) { edges { node { ${fields} } } }
    running: cohorts(first: 1, filter: { status: IN_PROGRESS }) { edges { node { ${fields} } } }
  }`);
  const open: CohortRow[] = data.open.edges.map((e: any) => e.node);
  return {
    auto: open.find((c) => c.admission === "AUTO")!,
    review: open.find((c) => c.admission === "REVIEW")!,
    running: data.running.edges[0].node,
  };
}

/** The text of the figure labelled `label` on the home page. */
const figure = (page: Page, label: string) => page.locator(".stat", { hasText: label }).locator("dd");

describe("a visitor", () => {
  it("reads the Institute's figures and their chart by year", async () => {
    const { context, page } = await run.page({ phone: true });
    await page.goto("/");
    await figure(page, "培训班期数").getByText("41").waitFor();
    expect(await figure(page, "培训人次").textContent()).toBe("3,512");
    await page.getByText("历年培训班期数与培训人次").waitFor();
    await page.locator("svg.year-chart rect").first().waitFor();
    // The chart's figures are also a table, for screen readers and small screens.
    await page.getByText("查看数据表").click();
    await page.getByRole("rowheader", { name: "2018" }).waitFor();
    await run.screenshot(page, "home-statistics-375");
    await context.close();
  });

  it("verifies a real certificate by its code, and learns that an unknown code is not one", async () => {
    const token = await run.token("13800000004");
    const { me } = await run.gql(
      "{ me { trainee { certificates { serial holderName verificationCode revokedAt } } } }",
      {},
      token,
    );
    const certificate = me.trainee.certificates.find((c: any) => !c.revokedAt && c.serial.startsWith("ZF2"));
    const { context, page } = await run.page({ phone: true });
    await page.goto("/verify");
    await page.getByLabel("验证码或证书编号").fill(certificate.verificationCode);
    await page.getByRole("button", { name: /查\s*验/ }).click();
    await page.waitForURL(new RegExp(`/verify/${certificate.verificationCode}$`));
    await page.getByText("证书有效").waitFor();
    await page.getByText(certificate.serial).waitFor();
    await page.getByText(certificate.holderName).waitFor();
    await run.screenshot(page, "verify-valid-375");

    await page.getByLabel("验证码或证书编号").fill("NOSUCHCODE000000");
    await page.getByRole("button", { name: /查\s*验/ }).click();
    await page.getByText("未找到该证书").waitFor();

    // The serial printed on the certificate works as well.
    await page.getByLabel("验证码或证书编号").fill(certificate.serial);
    await page.getByRole("button", { name: /查\s*验/ }).click();
    await page.getByText("证书有效").waitFor();
    await page.getByText(certificate.holderName).waitFor();

    // What a certificate's QR code opens, read in English.
    await page.getByRole("button", { name: "EN" }).click();
    await page.goto(`/verify/${certificate.verificationCode}`);
    await page.getByText("Valid certificate").waitFor();
    await run.screenshot(page, "verify-valid-en-375");
    await context.close();
  });
});

describe("a trainee", () => {
  it("registers, enrolls in the open AUTO cohort, sees the seat, and cancels", async () => {
    const { auto } = await demoCohorts();
    const { context, page } = await run.page({ phone: true });
    await page.goto("/register");
    await page.getByLabel("姓名").fill("报名学员");
    await page.getByLabel("手机号").fill("13912340001");
    await run.fillPhoneCode(page, "13912340001", "REGISTER");
    await page.getByLabel("密码", { exact: true }).fill("secret123");
    await page.getByLabel("确认密码").fill("secret123");
    await page.getByRole("button", { name: "注册并登录" }).click();
    await page.waitForURL(/\/me\/profile/);

    await page.goto("/cohorts?open=1");
    await page.getByRole("link", { name: auto.title }).waitFor();
    await run.screenshot(page, "cohorts-375");
    await page.getByRole("link", { name: auto.title }).click();
    await page.getByRole("heading", { name: auto.title }).waitFor();
    await page.getByText(`已录取 ${auto.seatsTaken} / ${auto.capacity} 人`).waitFor();
    await page.getByRole("button", { name: "立即报名" }).click();
    await page.getByText("您已被录取，请按课程安排准时参加。").waitFor();
    await page.getByText(`已录取 ${auto.seatsTaken + 1} / ${auto.capacity} 人`).waitFor();
    await run.screenshot(page, "cohort-enrolled-375");

    await page.getByRole("button", { name: /账号菜单/ }).click();
    await page.getByRole("link", { name: "学员中心" }).click();
    await page.waitForURL(/\/me\/cohorts/);
    await page.getByRole("heading", { name: "我的培训" }).waitFor();
    const card = page.locator("article", { hasText: auto.title });
    await card.getByText("已录取").first().waitFor();
    await run.screenshot(page, "my-cohorts-375");

    await card.getByRole("button", { name: "取消报名" }).click();
    await card.getByRole("button", { name: "确定取消" }).click();
    await card.getByText("报名已取消。").waitFor();

    const after = await run.gql("query ($id: ID!) { node(id: $id) { ... on Cohort { seatsTaken } } }", {
      id: auto.id,
    });
    expect(after.node.seatsTaken).toBe(auto.seatsTaken);
    await context.close();
  });

  it("opens the staff screen's QR link and is told when check-in is not open", async () => {
    const { auto } = await demoCohorts();
    const staff = await run.token("13800000002");
    // The open cohort's first class day is a month away: its code is genuine, the time is not.
    const { sessionCheckInCode } = await run.gql(
      "query ($id: ID!) { sessionCheckInCode(sessionId: $id) { code } }",
      { id: auto.sessions[0].id },
      staff,
    );
    const { context, page } = await run.page({ phone: true });
    await logIn(page, "13800000004");
    await page.waitForURL(/\/me/);
    await page.goto(`/me/check-in?code=${encodeURIComponent(sessionCheckInCode.code)}`);
    await page.getByText("现在不是该课程的签到时间").waitFor();
    expect(await page.getByLabel("签到码").inputValue()).toBe(sessionCheckInCode.code);
    await run.screenshot(page, "check-in-375");
    await context.close();
  });
});

describe("a trainee at events", () => {
  it("registers for an upcoming event from the calendar and gets the QR ticket, then cancels", async () => {
    const { events } = await run.gql(
      `query ($from: DateTimeISO) { events(first: 20, filter: { openForRegistration: true, from: $from }, order: EARLIEST_FIRST) {
        edges { node { id title seatsLeft } } } }`,
      { from: new Date().toISOString() },
    );
    const event = events.edges.map((e: any) => e.node).find((e: any) => e.seatsLeft > 0);
    const { context, page } = await run.page({ phone: true });
    await page.goto("/register");
    await page.getByLabel("姓名").fill("活动学员");
    await page.getByLabel("手机号").fill("13912340002");
    await run.fillPhoneCode(page, "13912340002", "REGISTER");
    await page.getByLabel("密码", { exact: true }).fill("secret123");
    await page.getByLabel("确认密码").fill("secret123");
    await page.getByRole("button", { name: "注册并登录" }).click();
    await page.waitForURL(/\/me\/profile/);

    await page.goto("/events?open=1");
    await page.getByRole("link", { name: event.title }).first().waitFor();
    await run.screenshot(page, "events-375");
    await page.getByRole("link", { name: event.title }).first().click();
    await page.getByRole("heading", { name: event.title }).waitFor();
    await page.getByRole("button", { name: "立即报名" }).click();
    await page.getByText("您已报名成功，请凭下方二维码入场。").waitFor();
    await page.locator('img[alt="入场二维码"]').waitFor();
    await run.screenshot(page, "event-ticket-375");

    await page.goto("/me/events");
    const card = page.locator("article", { hasText: event.title });
    await card.getByRole("button", { name: "出示入场码" }).click();
    await card.locator('img[alt="入场二维码"]').waitFor();
    await run.screenshot(page, "my-events-375");

    await page.goto(`/events/${encodeURIComponent(event.id)}`);
    await page.getByRole("button", { name: "取消报名" }).click();
    await page.getByRole("button", { name: "确定取消" }).click();
    await page.getByText("已取消报名").waitFor();
    // The seat is free again, and so is the way back in.
    await page.getByRole("button", { name: "立即报名" }).waitFor();
    await context.close();
  });
});

describe("staff", () => {
  it("approve a PENDING enrollment of the open REVIEW cohort", async () => {
    const { review } = await demoCohorts();
    const staff = await run.token("13800000002");
    const pendingOf = async () =>
      (
        await run.gql(
          "query ($id: ID!) { node(id: $id) { ... on Cohort { enrollments(status: PENDING) { totalCount } } } }",
          { id: review.id },
          staff,
        )
      ).node.enrollments.totalCount as number;
    const pending = await pendingOf();
    expect(pending).toBeGreaterThan(0);

    const { context, page } = await run.page();
    await logIn(page, "13800000002");
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    await run.screenshot(page, "console-dashboard");
    await page.getByRole("menuitem", { name: "培训班" }).click();
    await page.getByRole("link", { name: review.title }).first().click();
    await page.getByRole("heading", { name: review.title }).waitFor();
    await page.getByRole("tab", { name: new RegExp(`待审核 ${pending}`) }).click();
    const rows = page.getByRole("tabpanel").locator("tbody tr.data-row");
    await rows.first().waitFor();
    // The first cell is the row's selection box (bulk review); the name comes next.
    const name = (await rows.first().locator("td:not(.data-table-control)").first().textContent())!;
    expect(name).not.toBe("");
    await rows
      .first()
      .getByRole("button", { name: /通\s*过/ })
      .click();
    await page.getByRole("tab", { name: new RegExp(`待审核 ${pending - 1}`) }).waitFor();
    // The count and the list refresh one after the other: wait for the row to go.
    await page.getByRole("tabpanel").locator("tbody tr.data-row", { hasText: name }).waitFor({ state: "detached" });
    await run.screenshot(page, "console-review-queue");

    expect(await pendingOf()).toBe(pending - 1);
    const seats = await run.gql("query ($id: ID!) { node(id: $id) { ... on Cohort { seatsTaken } } }", {
      id: review.id,
    });
    expect(seats.node.seatsTaken).toBe(review.seatsTaken + 1);
    await context.close();
  });

  it("take attendance for a session of the running cohort, and show its QR code on the big screen", async () => {
    const { running } = await demoCohorts();
    const staff = await run.token("13800000002");
    const { context, page } = await run.page();
    await logIn(page, "13800000002");
    await page.waitForURL(/\/console/);
    await page.getByRole("menuitem", { name: "培训班" }).click();
    await page.getByRole("link", { name: running.title }).first().click();
    await page.getByRole("tab", { name: /课程安排/ }).waitFor();
    await page.getByRole("link", { name: "考勤" }).first().click();
    await page.waitForURL(/\/attendance$/);
    // The address changes before the page's chunk has loaded: wait for the roster itself.
    await page.getByRole("heading", { name: /^考勤：/ }).waitFor();

    const rows = page.locator("tbody tr.data-row");
    await rows.first().waitFor();
    const first = rows.first();
    const name = (await first.locator("td").nth(1).textContent())!;
    // Late: attended, marked apart.
    await first.getByLabel(`考勤状态：${name}`).selectOption("LATE");
    await page.getByText("有 1 处修改未保存").waitFor();
    await page.getByRole("button", { name: "保存本页考勤" }).click();
    await page.getByText(/已保存 \d+ 人的考勤/).waitFor();
    await run.screenshot(page, "console-attendance");

    const { node } = await run.gql(
      `query ($id: ID!) { node(id: $id) { ... on ClassSession {
        attendances { present status method enrollmentId }
        cohort { enrollments(first: 100, status: ENROLLED) { edges { node { id trainee { name } } } } }
      } } }`,
      { id: running.sessions[0].id },
      staff,
    );
    const enrollment = node.cohort.enrollments.edges.find((e: any) => e.node.trainee.name === name).node;
    const mark = node.attendances.find((a: any) => a.enrollmentId === enrollment.id);
    expect(mark).toMatchObject({ present: true, status: "LATE", method: "STAFF" });

    const screen = await context.newPage();
    await screen.goto(`/console/sessions/${encodeURIComponent(running.sessions[0].id)}/screen`);
    // The placeholder shares the label; the drawn code is an image carrying its URL.
    const qr = screen.locator('img[alt="签到二维码"]');
    await qr.waitFor();
    expect(await qr.getAttribute("data-value")).toMatch(/\/me\/check-in\?code=/);
    await run.screenshot(screen, "console-check-in-screen");
    await context.close();
  });
});

describe("staff at the event door", () => {
  it("check a ticket in with the camera, and the same ticket read again is told apart", async () => {
    const staff = await run.token("13800000002");
    const trainee = await run.token("13800000004");
    // A salon that opens for check-in now (from 2 h before its start), with the demo trainee's ticket.
    const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const { createEvent } = await run.gql(
      `mutation ($i: CreateEventInput!) { createEvent(input: $i) { event { id } userErrors { message } } }`,
      {
        i: {
          kind: "SALON",
          title: "摄像头核验沙龙",
          startsAt: soon(30),
          endsAt: soon(150),
          venue: "作孚学院报告厅",
          capacity: 20,
        },
      },
      staff,
    );
    expect(createEvent.userErrors).toEqual([]);
    const eventId = createEvent.event.id;
    const { changeEventStatus } = await run.gql(
      `mutation ($i: ChangeEventStatusInput!) { changeEventStatus(input: $i) { userErrors { message } } }`,
      { i: { eventId, status: "PUBLISHED" } },
      staff,
    );
    expect(changeEventStatus.userErrors).toEqual([]);
    const { registerForEvent } = await run.gql(
      `mutation ($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { id ticketCode trainee { name } } userErrors { message } } }`,
      { i: { eventId } },
      trainee,
    );
    expect(registerForEvent.userErrors).toEqual([]);
    const { ticketCode, trainee: holder } = registerForEvent.registration;

    // The phone's camera sees the ticket's QR code, as the trainee holds it up at the door.
    const dir = mkdtempSync(join(tmpdir(), "zuofu-camera-"));
    const video = join(dir, "ticket.y4m");
    qrVideo(video, ticketCode);
    const { browser, page } = await run.cameraPage(video, { phone: true });
    try {
      await logIn(page, "13800000002");
      await page.waitForURL(/\/console/);
      await page.goto(`/console/events/${encodeURIComponent(eventId)}`);
      await page.getByRole("button", { name: "用摄像头扫码" }).click();
      await page.getByText(`${holder.name} 已入场`).waitFor();
      await run.screenshot(page, "ticket-camera-375");
      // Still in view a few seconds later, the ticket is read again: the desk says it was already used.
      await page.getByText(new RegExp(`^${holder.name} 已于 \\d{2}:\\d{2}:\\d{2} 入场，请勿重复核验$`)).waitFor();
      const { node } = await run.gql(
        `query ($id: ID!) { node(id: $id) { ... on EventRegistration { checkedInAt } } }`,
        { id: registerForEvent.registration.id },
        staff,
      );
      expect(node.checkedInAt).not.toBeNull();
      await page.getByRole("button", { name: "关闭摄像头" }).click();
      await page.getByRole("button", { name: "用摄像头扫码" }).waitFor();
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
