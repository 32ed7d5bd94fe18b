import { BrowserRun, logIn } from "./harness";

let run: BrowserRun;
beforeAll(async () => {
  run = await BrowserRun.start();
});
afterAll(() => run?.close());

const COVERAGE = `{ deskCoverage { keyEnterprises overdueEnterprises } }`;

describe("commissioners (亲清特使)", () => {
  it("staff assign an enterprise in the console; the commissioner visits it on a phone and raises a problem; coverage follows", async () => {
    const staff = await run.token("13800000002");
    // A small enterprise with no commissioner yet: it becomes key, unvisited, so due for a visit.
    const towns = await run.gql(`{ deskCoverage { byTown { town smallWithoutContact } } }`, {}, staff);
    const town = towns.deskCoverage.byTown.find(
      (r: { town: string | null; smallWithoutContact: number }) => r.town && r.smallWithoutContact,
    ).town;
    const small = await run.gql(
      `query($town: String) { deskCoverage { smallWithoutContact(town: $town, first: 1) { edges { node { id name } } } } }`,
      { town },
      staff,
    );
    const firm = small.deskCoverage.smallWithoutContact.edges[0].node as { id: string; name: string };
    const before = (await run.gql(COVERAGE, {}, staff)).deskCoverage;

    const desk = await run.page({ viewport: { width: 1366, height: 900 } });
    await logIn(desk.page, "13800000002");
    await desk.page.waitForURL(/\/console/);
    await desk.page.goto("/console/desk/commissioners");
    await desk.page.getByRole("heading", { name: "亲清特使" }).waitFor();
    await desk.page.getByPlaceholder("搜索姓名或手机号").fill("蒋丽萍");
    await desk.page.getByPlaceholder("搜索姓名或手机号").press("Enter");
    const row = desk.page.getByRole("row", { name: /蒋丽萍/ });
    await row.getByRole("button", { name: "指派企业" }).click();
    const dialog = desk.page.getByRole("dialog", { name: "为蒋丽萍指派企业" });
    await dialog.getByRole("combobox", { name: "企业" }).click();
    await dialog.getByRole("combobox", { name: "企业" }).fill(firm.name);
    await desk.page.locator(".ant-select-item-option", { hasText: firm.name }).first().click();
    await dialog.getByRole("button", { name: "指派企业" }).click();
    await desk.page.getByText("已指派").waitFor();
    await run.screenshot(desk.page, "desk-commissioner-assigned-1366");
    const assigned = (await run.gql(COVERAGE, {}, staff)).deskCoverage;
    expect(assigned).toEqual({
      keyEnterprises: before.keyEnterprises + 1,
      overdueEnterprises: before.overdueEnterprises + 1,
    });

    const phone = await run.page({ phone: true });
    await logIn(phone.page, "13800000008");
    await phone.page.waitForURL(/\/commissioner$/);
    const card = phone.page.getByRole("article").filter({ hasText: firm.name });
    await card.getByText("待走访").waitFor();
    await card.getByRole("link", { name: "记录走访" }).click();
    await phone.page.getByRole("heading", { name: "记录走访" }).waitFor();
    // Nothing typed: the form says what is missing and sends nothing.
    await phone.page.getByRole("button", { name: "保存走访记录" }).click();
    await phone.page.getByText("请填写走访对象").waitFor();
    await phone.page.getByLabel("走访对象").fill("企业负责人（总经理）");
    await phone.page.getByLabel("走访情况").fill("首次走访：企业反映一线技工招聘困难。");
    await phone.page.getByRole("button", { name: "保存走访记录" }).click();
    await phone.page.waitForURL(/\/commissioner\/visits\?enterprise=/);
    const visit = phone.page.getByRole("article").filter({ hasText: "首次走访" });
    await visit.getByRole("button", { name: "从此次走访反映问题" }).click();
    await visit.getByRole("combobox", { name: "问题类别" }).click();
    await phone.page.locator(".ant-select-item-option", { hasText: "用工" }).first().click();
    await visit.getByLabel("问题标题").fill("一线技工招聘困难");
    await visit.getByRole("button", { name: "提交问题" }).click();
    await visit.getByText("问题已提交直通车").waitFor();
    await visit.getByRole("listitem").filter({ hasText: "一线技工招聘困难" }).waitFor();
    await run.screenshot(phone.page, "desk-commissioner-visit-375");
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);

    // The problem reached the desk's queue as the commissioner's, and the coverage counts the visit.
    const queue = await run.gql(
      `query($f: ProblemFilter) { problems(first: 1, filter: $f) { edges { node { title reporterKind visit { met } } } } }`,
      { f: { enterpriseId: firm.id } },
      staff,
    );
    expect(queue.problems.edges[0].node).toEqual({
      title: "一线技工招聘困难",
      reporterKind: "COMMISSIONER",
      visit: { met: "企业负责人（总经理）" },
    });
    expect((await run.gql(COVERAGE, {}, staff)).deskCoverage).toEqual({
      keyEnterprises: before.keyEnterprises + 1,
      overdueEnterprises: before.overdueEnterprises,
    });
    await desk.page.goto("/console/desk/coverage");
    await desk.page.getByRole("heading", { name: "走访覆盖" }).waitFor();
    await desk.page.getByText(String(before.overdueEnterprises), { exact: true }).first().waitFor();
    await run.screenshot(desk.page, "desk-coverage-1366");
    await phone.context.close();
    await desk.context.close();
  }, 300_000);
});
