import { enterprisePhoneOnFile } from "../../apps/api/src/demo/identifiers";
import { BrowserRun, logIn } from "./harness";

/** The enterprise's side of the service desk (直通车) on a phone: bind, report with a file, follow, rate. */

let run: BrowserRun;
beforeAll(async () => {
  run = await BrowserRun.start();
});
afterAll(() => run?.close());

const CONTACT = "13800000005"; // 何建国, contact of one demo enterprise
const STAFF = "13800000002";
const HANDLER = "13800000006"; // 唐晓琳, a handler of 区发展改革委

/** A one-pixel PNG: a "photo" of the problem. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe("an enterprise's contact at 375 px", () => {
  jest.setTimeout(240_000);

  it("binds a second enterprise with a code to its phone on file, reports with a photo, follows the timeline, rates the answer", async () => {
    const contactToken = await run.token(CONTACT);
    const mine = await run.gql<{ myDeskEnterprises: { id: string }[] }>(
      `{ myDeskEnterprises { id } }`,
      {},
      contactToken,
    );
    const listed = await run.gql<{
      enterprises: { edges: { node: { id: string; name: string; creditCode: string } }[] };
    }>(`{ enterprises(first: 5) { edges { node { id name creditCode } } } }`);
    const target = listed.enterprises.edges
      .map((e) => e.node)
      .find((e) => !mine.myDeskEnterprises.some((m) => m.id === e.id))!;

    const { context, page } = await run.page({ phone: true });
    // antd draws button-style radios over hidden inputs: a person presses the button, its label.
    const choose = (name: string) =>
      page
        .locator("label")
        .filter({ has: page.getByRole("radio", { name, exact: true }) })
        .click();
    await logIn(page, CONTACT);
    await page.waitForURL(/\/me\//);

    // 绑定企业: a malformed code is refused in the form; then the code to the enterprise's phone binds at once.
    await page.getByRole("navigation").getByRole("link", { name: "绑定企业" }).click();
    await page.getByRole("heading", { name: "绑定企业" }).waitFor();
    await page.getByLabel("统一社会信用代码").fill("123");
    await page
      .getByRole("button", { name: "绑 定" })
      .or(page.getByRole("button", { name: "绑定" }))
      .first()
      .click();
    await page.getByText(/统一社会信用代码无效/).waitFor();
    await page.getByLabel("统一社会信用代码").fill(target.creditCode);
    const phone = enterprisePhoneOnFile(target.creditCode);
    await page.getByRole("textbox", { name: "企业登记手机号" }).fill(phone);
    await run.fillPhoneCode(page, phone, "BIND_ENTERPRISE");
    await page.getByRole("button", { name: /^绑\s*定$/ }).click();
    await page.getByText(`已绑定“${target.name}”`).waitFor();
    await run.screenshot(page, "desk-bind-375");

    // 我要反映: the person speaks for two enterprises now and picks one; a file of a forbidden type is refused by the server.
    await page.getByRole("navigation").getByRole("link", { name: "我要反映" }).click();
    await page.getByRole("heading", { name: "我要反映" }).waitFor();
    await page.getByRole("button", { name: /提交反映/ }).click();
    await page.getByText("请填写标题").or(page.getByText("请填写名称")).first().waitFor();
    await page.getByRole("radio", { name: target.name }).check();
    await choose("融资");
    await page.getByLabel("标题").fill("流动资金贷款续贷困难");
    await page.getByLabel("问题描述").fill("银行要求追加抵押，企业无法按期续贷，请协调。");
    await page.getByLabel("附件（选填）").setInputFiles({
      name: "说明.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("MZ this is not a PDF"),
    });
    await page.getByRole("button", { name: /提交反映/ }).click();
    await page.getByText(/附件“说明.pdf”的类型不允许/).waitFor();
    await page.getByRole("button", { name: "移除 说明.pdf" }).click();
    await page.getByLabel("附件（选填）").setInputFiles({ name: "现场照片.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: /提交反映/ }).click();
    await page.waitForURL(/\/me\/desk\/problems\/.+/);
    await page.getByRole("heading", { name: "流动资金贷款续贷困难" }).waitFor();
    await page.getByText("企业反映问题").waitFor();
    const link = page.getByRole("link", { name: "下载 现场照片.png" });
    const href = await link.getAttribute("href");
    const download = await fetch(`${run.url}${href}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    const problemId = decodeURIComponent(page.url().split("/").pop()!);

    // Staff accept and assign it, the department answers: through the API.
    const staff = await run.token(STAFF);
    const { departments } = await run.gql<{ departments: { id: string; name: string }[] }>(
      `{ departments { id name } }`,
      {},
      staff,
    );
    const dept = departments.find((d) => d.name === "区发展改革委")!;
    const mutate = async (token: string, field: string, type: string, input: object) => {
      const data = await run.gql(
        `mutation($i: ${type}!) { ${field}(input: $i) { userErrors { code message } } }`,
        { i: input },
        token,
      );
      expect(data[field].userErrors).toEqual([]);
    };
    await mutate(staff, "triageProblem", "TriageProblemInput", { problemId });
    await mutate(staff, "assignProblems", "AssignProblemsInput", { problemIds: [problemId], departmentId: dept.id });
    const handler = await run.token(HANDLER);
    await mutate(handler, "answerProblem", "AnswerProblemInput", {
      problemId,
      answer: "已协调银行办理续贷，免追加抵押。",
    });

    // 我的诉求: the list shows it answered; the detail has every step and the rating form.
    await page.getByRole("navigation").getByRole("link", { name: "我的诉求" }).click();
    const card = page
      .getByRole("list", { name: "诉求列表" })
      .getByRole("listitem")
      .filter({ hasText: "流动资金贷款续贷困难" });
    await card.getByText("已答复").first().waitFor();
    await card.getByRole("link", { name: "流动资金贷款续贷困难" }).first().click();
    await page.getByText("已协调银行办理续贷，免追加抵押。").first().waitFor();
    for (const step of ["企业反映问题", "工作人员受理", "交办承办部门", "答复"])
      await page.getByRole("list", { name: "办理过程" }).getByText(step, { exact: true }).first().waitFor();
    // Not satisfied needs a reason; satisfied closes it.
    await choose("不满意");
    await page.getByRole("button", { name: /提交评价/ }).click();
    await page.getByText("选择“不满意”时请说明原因").waitFor();
    await choose("满意");
    await page.getByLabel("评语（选填）").fill("办理及时，谢谢。");
    await page.getByRole("button", { name: /提交评价/ }).click();
    await page.getByText("感谢您的评价").waitFor();
    await page.reload();
    await page.getByText("已办结").first().waitFor();
    await page.getByRole("list", { name: "办理过程" }).getByText("企业评价").waitFor();
    await run.screenshot(page, "desk-problem-rated-375");
    await context.close();
  });
});
