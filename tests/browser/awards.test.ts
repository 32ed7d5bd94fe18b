import { BrowserRun, logIn } from "./harness";

let run: BrowserRun;
beforeAll(async () => {
  run = await BrowserRun.start();
});
afterAll(() => run?.close());

/** The demo data's cycle being judged this year, by the demo judge among others. */
async function judgingCycle(): Promise<{ id: string; title: string; year: number }> {
  const data = await run.gql(
    "{ awardCycles(first: 5, filter: { phase: JUDGING }) { edges { node { id title year } } } }",
  );
  return data.awardCycles.edges[0].node;
}

describe("awards", () => {
  it("a judge reads a dossier and scores every criterion, and declares a conflict on another nomination", async () => {
    const cycle = await judgingCycle();
    const judge = await run.token("13800000003");
    const { myAwardAssignments } = await run.gql(
      `query ($cycleId: ID) { myAwardAssignments(first: 100, filter: { cycleId: $cycleId }) {
        edges { node { id nomineeName complete conflict scores { id } } } } }`,
      { cycleId: cycle.id },
      judge,
    );
    const open = myAwardAssignments.edges.map((e: any) => e.node).filter((a: any) => !a.complete && !a.conflict);
    const [toScore, toDecline] = open;

    const { context, page } = await run.page({ phone: true });
    await logIn(page, "13800000003");
    await page.waitForURL(/\/judge$/);
    await page.getByRole("heading", { name: "评审任务" }).waitFor();
    await run.screenshot(page, "judge-assignments-375");

    await page.getByRole("link", { name: toScore.nomineeName }).first().click();
    await page.getByRole("heading", { name: "评分表" }).waitFor();
    await page.getByText("评选条件").first().waitFor();
    const scores = page.getByLabel(/· 得分$/);
    const count = await scores.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await scores.nth(i).fill(String(6 + (i % 4)));
    await page
      .getByLabel(/· 评语$/)
      .first()
      .fill("经营稳健，社会责任突出。");
    await page.getByRole("button", { name: "保存评分" }).click();
    await page.getByText("评分已保存").waitFor();
    await run.screenshot(page, "judge-score-sheet-375");

    await page.getByRole("link", { name: "返回评审任务" }).click();
    await page.getByRole("link", { name: toDecline.nomineeName }).first().click();
    await page.getByRole("button", { name: "申明回避" }).click();
    await page.getByLabel("回避原因").fill("被提名人为本人近亲属。");
    await page.getByRole("dialog").getByRole("button", { name: "申明回避" }).click();
    await page.getByText("您已申明回避：被提名人为本人近亲属。").waitFor();

    const after = await run.gql(
      `query ($a: ID!, $b: ID!) {
        a: node(id: $a) { ... on AwardJudgeAssignment { complete scores { score comment } } }
        b: node(id: $b) { ... on AwardJudgeAssignment { conflict conflictReason } }
      }`,
      { a: toScore.id, b: toDecline.id },
      judge,
    );
    expect(after.a.complete).toBe(true);
    expect(after.a.scores).toHaveLength(count);
    expect(after.b).toEqual({ conflict: "DECLARED", conflictReason: "被提名人为本人近亲属。" });
    await context.close();
  });

  it("staff decide and publish the cycle, and its winner appears on the public honor roll", async () => {
    const cycle = await judgingCycle();
    const { context, page } = await run.page();
    await logIn(page, "13800000002");
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    await page.getByRole("menuitem", { name: "评选表彰" }).click();
    await page.getByRole("link", { name: cycle.title }).first().click();
    await page.getByRole("heading", { name: cycle.title }).waitFor();

    // Not every judge has finished: deciding now takes an explicit choice and a reason.
    await page.getByRole("button", { name: "进入“已评定”" }).click();
    const dialog = page.getByRole("dialog", { name: /进入“已评定”/ });
    await dialog.getByRole("switch", { name: /评分未完成也评定/ }).click();
    await dialog.getByLabel("原因").fill("评审截止前召开评审会议，缺评委已书面确认意见。");
    await dialog.getByRole("button", { name: "进入“已评定”" }).click();
    await page.locator(".ant-tag", { hasText: "已评定" }).first().waitFor();

    await page.getByRole("tab", { name: "获奖名单" }).click();
    const firstWinner = page.getByRole("tabpanel").locator("tbody tr.data-row").first();
    await firstWinner.waitFor();
    const winner = (await firstWinner.locator("td").nth(1).textContent())!;
    await run.screenshot(page, "console-award-decided");

    await page.getByRole("button", { name: "进入“已公布”" }).click();
    await page
      .getByRole("dialog", { name: /进入“已公布”/ })
      .getByRole("button", { name: "进入“已公布”" })
      .click();
    await page.locator(".ant-tag", { hasText: "已公布" }).first().waitFor();
    await context.close();

    const visitor = await run.page({ phone: true });
    await visitor.page.goto(`/honor-roll?year=${cycle.year}`);
    // Under its year's and award's heading, 排名不分先后.
    const group = visitor.page.locator("section", {
      has: visitor.page.getByRole("heading", { name: `${cycle.year}年度 · ${cycle.title.replace(/^\d+年度/, "")}` }),
    });
    await group.locator(".honor-names").getByText(winner, { exact: true }).first().waitFor();
    await run.screenshot(visitor.page, "honor-roll-375");
    await visitor.context.close();
  });
});
