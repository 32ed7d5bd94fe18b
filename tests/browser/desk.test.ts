import type { Page } from "playwright-core";
import { BrowserRun, logIn } from "./harness";

/**
 * The service desk (直通车), issue 14: one problem travels through every state (reported → triaged →
 * assigned → in progress → answered → rated not satisfied → reopened one level up → … → closed) and
 * every level (department → leader in charge → district head, and back down), each step done in the
 * browser by the account whose role it is: the enterprise's contact on its phone pages (我要反映,
 * 我的诉求), the desk, the department and the leaders in the console.
 */

let run: BrowserRun;
beforeAll(async () => {
  run = await BrowserRun.start();
});
afterAll(() => run?.close());

const TITLE = "二期厂房用地指标迟迟未批";
const STATE = `query ($id: ID!) { node(id: $id) { ... on Problem { status level department { name } timeline { kind level } } } }`;

/** A signed-in browser at desk size for one demo account. */
async function as(phone: string, landing: RegExp): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await run.page({ viewport: { width: 1366, height: 900 } });
  await logIn(page, phone);
  await page.waitForURL(landing);
  return { page, close: () => context.close() };
}

/** Opens the problem from a list (queue, inbox, board) by its title, as a person would. */
async function openFromList(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("link", { name: TITLE }).click();
  await page.getByRole("heading", { name: TITLE }).waitFor();
}

/** antd spaces a two-character button's label (答 复): its name as a pattern. */
const ANSWER = /^答\s*复$/;

/** Takes one step from the problem's page: its button, its form, its own button in the dialog. */
async function step(page: Page, action: string | RegExp, fields: Record<string, string> = {}) {
  await page.getByRole("group", { name: "操作" }).getByRole("button", { name: action }).click();
  const dialog = page.getByRole("dialog");
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole("button", { name: action }).click();
  // A dialog that stays open says why (a user error, a failed request): its text goes with the failure.
  await dialog.waitFor({ state: "detached" }).catch(async (error: Error) => {
    throw new Error(`${error.message}\nthe dialog says: ${await dialog.textContent()}`);
  });
}

describe("the service desk in the browser", () => {
  it("one problem through every state and every level, each step by its role", async () => {
    // The enterprise's contact reports it on a phone (我要反映).
    const { context: phoneContext, page: phone } = await run.page({ phone: true });
    // antd draws button-style radios over hidden inputs: a person presses the button, its label.
    const choose = (name: string) =>
      phone
        .locator("label")
        .filter({ has: phone.getByRole("radio", { name, exact: true }) })
        .click();
    await logIn(phone, "13800000005");
    await phone.waitForURL(/\/me\//);
    await phone.getByRole("navigation").getByRole("link", { name: "我要反映" }).click();
    await phone.getByRole("heading", { name: "我要反映" }).waitFor();
    await choose("用地");
    await phone.getByLabel("标题").fill(TITLE);
    await phone.getByLabel("问题描述").fill("二期厂房扩建需新增用地约20亩，申请半年仍无答复。");
    await phone.getByRole("button", { name: /提交反映/ }).click();
    await phone.waitForURL(/\/me\/desk\/problems\/.+/);
    const id = decodeURIComponent(phone.url().split("/").pop()!);
    const staffToken = await run.token("13800000002");
    const state = async () => (await run.gql(STATE, { id }, staffToken)).node;
    expect((await state()).status).toBe("REPORTED");

    // Desk staff: find it in the queue, triage it, assign it to the demo handler's department with a summary.
    const staff = await as("13800000002", /\/console\/dashboard/);
    await staff.page.getByRole("menuitem", { name: "直通车问题" }).click();
    await staff.page.getByRole("heading", { name: "直通车问题" }).waitFor();
    await staff.page.getByLabel("搜索").fill(TITLE);
    await staff.page.getByRole("button", { name: /查\s*询/ }).click();
    const select = staff.page.getByRole("checkbox", { name: `选择问题“${TITLE}”` });
    await select.check();
    await staff.page.getByRole("button", { name: "批量受理" }).click();
    await staff.page.getByRole("dialog").getByRole("button", { name: "确认受理" }).click();
    await staff.page.getByRole("status").getByText("已受理1个问题").waitFor();
    await staff.page.getByRole("button", { name: "关闭", exact: true }).click();
    expect((await state()).status).toBe("TRIAGED");
    await select.check();
    await staff.page.getByRole("button", { name: "批量交办" }).click();
    const assign = staff.page.getByRole("dialog");
    // Without a department the form answers beside the field and sends nothing.
    await assign.getByRole("button", { name: "确认交办" }).click();
    await assign.getByText("请填写承办部门").waitFor();
    const department = assign.getByLabel("承办部门");
    await department.click();
    await department.fill("区发展改革委");
    await department.press("Enter");
    await assign.getByRole("button", { name: "确认交办" }).click();
    await staff.page
      .getByRole("status")
      .getByText(/已交办区发展改革委，办理期限/)
      .waitFor();
    await run.screenshot(staff.page, "desk-bulk-assign-1366");
    await staff.page.getByRole("button", { name: "关闭", exact: true }).click();
    expect(await state()).toMatchObject({
      status: "ASSIGNED",
      level: "DEPARTMENT",
      department: { name: "区发展改革委" },
    });

    // The department's handler: the inbox, start, a progress note, the answer.
    const handler = await as("13800000006", /\/console\/desk\/inbox/);
    await openFromList(handler.page, "/console/desk/inbox");
    await step(handler.page, "开始办理");
    expect((await state()).status).toBe("IN_PROGRESS");
    await step(handler.page, "添加办理进展", { 办理进展: "已与区规划自然资源局对接，正在核实指标。" });
    await step(handler.page, ANSWER, { 答复: "已纳入明年年度用地计划。" });
    expect((await state()).status).toBe("ANSWERED");

    // The enterprise is not satisfied (on its phone, with a reason): the problem reopens with the leader in charge.
    const rate = async (rating: string, comment: string, said: string) => {
      await phone.goto(`/me/desk/problems/${encodeURIComponent(id)}`);
      await choose(rating);
      await phone.getByLabel("评语（选填）").fill(comment);
      await phone.getByRole("button", { name: /提交评价/ }).click();
      await phone.getByText(said).waitFor();
    };
    await rate("不满意", "明年太晚，影响投产。", "已收到，问题已重新交办上一级处理");
    expect(await state()).toMatchObject({ status: "REOPENED", level: "LEADER" });

    // The leader in charge: the board, then up to the district head.
    const leader = await as("13800000007", /\/console\/desk\/board/);
    await openFromList(leader.page, "/console/desk/board");
    await step(leader.page, "上报上一级", { 说明: "涉及跨部门用地调整，请区长协调。" });
    expect((await state()).level).toBe("DISTRICT_HEAD");

    // The district head: the board at level 3, and back down to the leader with instructions.
    const head = await as("13800000009", /\/console\/desk\/board/);
    await head.page.getByRole("link", { name: TITLE }).waitFor();
    await head.page
      .getByRole("row", { name: new RegExp(TITLE) })
      .getByRole("button", { name: "退回下一级" })
      .click();
    const back = head.page.getByRole("dialog");
    await back.getByRole("button", { name: "退回下一级" }).click();
    await back.getByText("请填写指示").waitFor();
    await back.getByLabel("指示").fill("请分管区领导牵头，本月内给企业明确答复。");
    await back.getByRole("button", { name: "退回下一级" }).click();
    await back.waitFor({ state: "detached" });
    expect(await state()).toMatchObject({ status: "ASSIGNED", level: "LEADER" });

    // The leader again: the instructions are on the page; answered this time.
    await openFromList(leader.page, "/console/desk/board");
    await leader.page.getByText("请分管区领导牵头，本月内给企业明确答复。").first().waitFor();
    await step(leader.page, "开始办理");
    await step(leader.page, ANSWER, { 答复: "已协调提前至本年四季度供地。" });
    await rate("满意", "办理及时，谢谢。", "感谢您的评价");
    expect(await state()).toMatchObject({ status: "CLOSED", level: "LEADER" });

    // Staff see the whole way on the problem's page.
    await openFromList(staff.page, "/console/desk");
    const kinds = (await state()).timeline.map((e: { kind: string; level: string }) => `${e.kind}@${e.level}`);
    expect(kinds).toEqual([
      "REPORTED@DEPARTMENT",
      "TRIAGED@DEPARTMENT",
      "ASSIGNED@DEPARTMENT",
      "STARTED@DEPARTMENT",
      "NOTE@DEPARTMENT",
      "ANSWERED@DEPARTMENT",
      "RATED@DEPARTMENT",
      "ESCALATED@LEADER",
      "ESCALATED@DISTRICT_HEAD",
      "SENT_BACK@LEADER",
      "STARTED@LEADER",
      "ANSWERED@LEADER",
      "RATED@LEADER",
      "CLOSED@LEADER",
    ]);
    for (const label of ["反映问题", "受理", "交办", "办理进展", "上报", "退回", "办结"])
      await staff.page.locator(".ant-timeline").getByText(label, { exact: true }).first().waitFor();
    expect(await staff.page.getByRole("group", { name: "操作" }).getByRole("button").count()).toBe(0);
    await run.screenshot(staff.page, "desk-problem-closed-1366");
    for (const session of [staff, handler, leader, head]) await session.close();
    await phoneContext.close();
  }, 300_000);

  it("the figures: the running total since the start, by month as a chart, and the export link", async () => {
    const leader = await as("13800000007", /\/console\/desk\/board/);
    await leader.page.getByRole("menuitem", { name: "直通车统计" }).click();
    await leader.page.getByText("累计办结（自开通以来）").waitFor();
    const handled = await leader.page.locator(".figure-cards > *").first().textContent();
    expect(Number(/([\d,]+)$/.exec(handled!)![1].replace(/,/g, ""))).toBeGreaterThanOrEqual(5800);
    expect(await leader.page.locator("svg.chart-svg rect").count()).toBeGreaterThan(30);
    // Leaders read the figures; exporting stays with desk staff, as every export.
    expect(await leader.page.getByRole("button", { name: /导出/ }).count()).toBe(0);
    await run.screenshot(leader.page, "desk-figures-1366");
    await leader.close();
    const staff = await as("13800000002", /\/console\/dashboard/);
    await staff.page.goto("/console/desk/figures");
    await staff.page.getByRole("button", { name: /导出直通车统计/ }).click();
    const download = staff.page.waitForEvent("download");
    await staff.page.getByRole("menuitem", { name: /Excel/ }).click();
    expect((await download).suggestedFilename()).toMatch(/直通车办理统计\.xlsx$/);
    await staff.close();
  }, 120_000);
});
