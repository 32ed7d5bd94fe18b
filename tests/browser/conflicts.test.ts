import { BrowserRun, logIn } from "./harness";

let run: BrowserRun;
beforeAll(async () => {
  run = await BrowserRun.start();
});
afterAll(() => run?.close());

const CANDIDATES = `query ($id: ID!) { node(id: $id) { ... on AwardNomination { nomineeName enterprise { id name }
  judgeCandidates { judge { id name } conflict conflictReason } } } }`;

describe("conflicts of interest", () => {
  it("are shown before assigning: the picker names each judge's affiliations and the reason, and a refusal reads as words", async () => {
    const staff = await run.token("13800000002");
    const { awardCycles } = await run.gql(
      `{ awardCycles(first: 5, filter: { phase: NOMINATING }) { edges { node { id title
        nominations(first: 20) { edges { node { id } } } } } } }`,
      {},
      staff,
    );
    const cycle = awardCycles.edges[0].node;
    // The demo data gives judges affiliations: one of this year's open nominations shows a conflict.
    const nominations = await Promise.all(
      cycle.nominations.edges.map(async (e: any) => (await run.gql(CANDIDATES, { id: e.node.id }, staff)).node),
    );
    const index = nominations.findIndex((n: any) => n.judgeCandidates.some((c: any) => c.conflict));
    expect(index).toBeGreaterThanOrEqual(0);
    const nomination = nominations[index];
    const nominationId = cycle.nominations.edges[index].node.id;
    const conflicted = nomination.judgeCandidates.find((c: any) => c.conflict);
    const free = nomination.judgeCandidates.find((c: any) => !c.conflict);

    const { context, page } = await run.page();
    await logIn(page, "13800000002");
    await page.getByRole("heading", { name: "工作台" }).waitFor();

    // The judges' page lists each judge with their affiliations.
    await page.getByRole("menuitem", { name: "评委库" }).click();
    await page.getByRole("heading", { name: "评委库" }).waitFor();
    await page.getByRole("row", { name: new RegExp(conflicted.judge.name) }).waitFor();
    await run.screenshot(page, "console-judges");

    await page.getByRole("menuitem", { name: "评选表彰" }).click();
    await page.getByRole("link", { name: cycle.title, exact: true }).first().click();
    await page.getByRole("heading", { name: cycle.title, exact: true }).waitFor();
    await page
      .getByRole("row", { name: new RegExp(nomination.nomineeName) })
      .getByRole("button", { name: "分配评委" })
      .click();
    const dialog = page.getByRole("dialog", { name: `分配评委：${nomination.nomineeName}` });
    const warning = dialog.getByRole("alert").filter({ hasText: "存在利益冲突，不能分配" });
    await warning.waitFor();
    await warning.getByText(conflicted.judge.name).waitFor();
    await warning.getByText(conflicted.conflictReason).waitFor();
    expect(conflicted.conflictReason).toMatch(/^评委与被提名对象同属(商会)?“.+”$/);

    // In the picker the conflicted judge is listed, marked and cannot be chosen.
    await dialog.getByRole("combobox").click();
    const option = page.locator(".ant-select-item-option", { hasText: `${conflicted.judge.name}（利益冲突）` });
    await option.waitFor();
    expect(await option.getAttribute("aria-disabled")).toBe("true");
    await run.screenshot(page, "console-judge-conflict-warning");

    // A conflict that appears while the dialog is open: the refusal names the judge and the reason in words.
    await page.locator(".ant-select-item-option", { hasText: free.judge.name }).first().click();
    await run.gql(
      `mutation ($i: SetJudgeAffiliationsInput!) { setJudgeAffiliations(input: $i) { userErrors { code } } }`,
      { i: { judgeId: free.judge.id, enterpriseIds: [nomination.enterprise.id], chamberIds: [] } },
      staff,
    );
    // Closes the picker's list, which covers the dialog's buttons.
    await dialog.getByText(`分配评委：${nomination.nomineeName}`).click();
    await dialog.getByRole("button", { name: "增加评委" }).click();
    await dialog.getByText(`评委${free.judge.name}与被提名对象存在利益冲突（同属一家企业），不能分配`).waitFor();
    expect(await dialog.getByText("SAME_ENTERPRISE").count()).toBe(0);
    const after = await run.gql(CANDIDATES, { id: nominationId }, staff);
    expect(after.node.judgeCandidates.find((c: any) => c.judge.id === free.judge.id).conflict).toBe("SAME_ENTERPRISE");
    await context.close();
  });
});
