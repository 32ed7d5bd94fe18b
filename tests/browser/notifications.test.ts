import { BrowserRun, logIn } from "./harness";

let run: BrowserRun;
beforeAll(async () => {
  // No reminder loop: a class starting tomorrow (by the wall clock) would add unread notifications mid-test.
  run = await BrowserRun.start({ BACKGROUND_JOBS: "0" });
});
afterAll(() => run?.close());

/**
 * The demo data gives the demo trainee an unread notification only when their latest enrollment
 * is completed; when it does not, staff admit them to a cohort that reviews applications, which
 * notifies them as any admission does.
 */
async function ensureUnread(trainee: string): Promise<void> {
  const { unreadNotificationCount } = await run.gql("{ unreadNotificationCount }", {}, trainee);
  if (unreadNotificationCount > 0) return;
  const staff = await run.token("13800000002");
  const open = await run.gql(
    "{ cohorts(first: 20, filter: { openForEnrollment: true }) { edges { node { id admission } } } }",
  );
  for (const { node } of open.cohorts.edges as { node: { id: string; admission: string } }[]) {
    if (node.admission !== "REVIEW") continue;
    const { enroll } = await run.gql(
      "mutation ($input: EnrollInput!) { enroll(input: $input) { enrollment { id status } userErrors { code } } }",
      { input: { cohortId: node.id } },
      trainee,
    );
    if (enroll.enrollment?.status !== "PENDING") continue;
    const { reviewEnrollment } = await run.gql(
      "mutation ($input: ReviewEnrollmentInput!) { reviewEnrollment(input: $input) { userErrors { code } } }",
      { input: { enrollmentId: enroll.enrollment.id, decision: "APPROVE" } },
      staff,
    );
    expect(reviewEnrollment.userErrors).toEqual([]);
    return;
  }
  throw new Error("no cohort to admit the demo trainee to");
}

describe("notifications", () => {
  it("the demo trainee sees the unread count on the bell, reads the list and marks all read", async () => {
    const trainee = await run.token("13800000004");
    await ensureUnread(trainee);
    const before = await run.gql<{ unreadNotificationCount: number }>("{ unreadNotificationCount }", {}, trainee);
    expect(before.unreadNotificationCount).toBeGreaterThan(0);

    const { context, page } = await run.page({ phone: true });
    await logIn(page, "13800000004");
    await page.waitForURL(/\/me\//);
    // Any unread count: the reminder worker may add "class tomorrow" reminders for the demo sessions meanwhile.
    const bell = page.getByRole("button", { name: /^通知：\d+ 条未读$/ });
    await bell.waitFor();
    await run.screenshot(page, "notification-bell-375");

    await bell.click();
    const panel = page.getByRole("region", { name: "通知" });
    // "全部标为已读" in the panel's foot shows before the list has loaded: wait for an unread row itself.
    await panel.locator("li.is-unread").first().waitFor();
    await panel.getByRole("button", { name: "标为已读", exact: true }).first().waitFor();
    await run.screenshot(page, "notification-panel-375");

    await panel.getByRole("button", { name: "全部标为已读" }).click();
    await page.getByRole("button", { name: "通知", exact: true }).waitFor();
    expect(await page.getByTestId("bell-count").count()).toBe(0);
    await panel.locator("li.is-read").first().waitFor();
    expect(await panel.locator("li.is-unread").count()).toBe(0);

    const after = await run.gql<{ unreadNotificationCount: number }>("{ unreadNotificationCount }", {}, trainee);
    expect(after.unreadNotificationCount).toBe(0);
    await context.close();
  });

  it("staff download a cohort roster as XLSX", async () => {
    const data = await run.gql<{ cohorts: { edges: { node: { id: string; title: string } }[] } }>(
      "{ cohorts(first: 1, filter: { status: IN_PROGRESS }) { edges { node { id title } } } }",
    );
    const cohort = data.cohorts.edges[0].node;

    const { context, page } = await run.page();
    await logIn(page, "13800000002");
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    await page.goto(`/console/cohorts/${encodeURIComponent(cohort.id)}`);
    await page.getByRole("heading", { name: cohort.title }).waitFor();

    await page.getByRole("button", { name: "导出学员名单" }).click();
    const answered = page.waitForResponse(
      (response) =>
        response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes("CreateExportUrl"),
    );
    // Opening the signed URL starts a download; the test fetches the same URL itself below.
    const downloading = page.waitForEvent("download").catch(() => null);
    await page.getByRole("menuitem", { name: "Excel（.xlsx）" }).click();
    const body = (await (await answered).json()) as {
      data: { createExportUrl: { url: string | null; userErrors: unknown[] } };
    };
    expect(body.data.createExportUrl.userErrors).toEqual([]);
    const url = body.data.createExportUrl.url!;
    expect(url).toBeTruthy();
    await downloading;

    const response = await page.request.get(url);
    expect(response.ok()).toBe(true);
    const bytes = await response.body();
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(response.headers()["content-type"]).toContain("spreadsheetml");
    await context.close();
  });
});
