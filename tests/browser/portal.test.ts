import { BrowserRun, logIn } from "./harness";

let run: BrowserRun;
beforeAll(async () => {
  run = await BrowserRun.start();
});
afterAll(() => run?.close());

describe("a visitor", () => {
  it("opens the home page in Chinese", async () => {
    const { context, page } = await run.page();
    await page.goto("/");
    await page.getByText("中国（卢作孚）民营经济学院").first().waitFor();
    await run.screenshot(page, "home");
    await context.close();
  });

  it("switches to English, and the choice is remembered", async () => {
    const { context, page } = await run.page();
    await page.goto("/login");
    await page.getByRole("heading", { name: "登录" }).waitFor();
    await page
      .getByRole("button", { name: /English|EN/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await run.screenshot(page, "login-en");
    await context.close();
  });
});

describe("a trainee", () => {
  it("registers on a phone-sized screen with an SMS code, lands on the profile, and the server's errors show beside the field", async () => {
    const { context, page } = await run.page({ phone: true });
    await page.goto("/register");
    await page.getByLabel("姓名").fill("浏览器学员");
    await page.getByLabel("手机号").fill("13912345678");
    // Asking for a code with a wrong phone: the phone field says so, nothing is sent.
    await page.getByLabel("手机号").fill("1391234");
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByText("请输入有效的中国大陆手机号").waitFor();
    await page.getByLabel("手机号").fill("13912345678");
    const code = await run.fillPhoneCode(page, "13912345678", "REGISTER");
    // The button counts down before another code may be asked for.
    await page.getByRole("button", { name: /\d+ 秒后重新获取/ }).waitFor();
    expect(await page.getByRole("button", { name: /秒后重新获取/ }).isDisabled()).toBe(true);
    await page.getByLabel("密码", { exact: true }).fill("secret123");
    await page.getByLabel("确认密码").fill("secret123");
    // A wrong code: the server's userError appears under the code field.
    await page.getByRole("textbox", { name: "验证码" }).fill(code === "000000" ? "000001" : "000000");
    await page.getByRole("button", { name: "注册并登录" }).click();
    await page.getByText("验证码不正确").waitFor();
    await run.screenshot(page, "register-error-375");
    await page.getByRole("textbox", { name: "验证码" }).fill(code);
    await page.getByRole("button", { name: "注册并登录" }).click();
    await page.waitForURL(/\/me\/profile/);
    const nameField = page.getByLabel("姓名");
    await nameField.waitFor();
    for (let i = 0; i < 50 && (await nameField.inputValue()) !== "浏览器学员"; i++) await page.waitForTimeout(200);
    expect(await nameField.inputValue()).toBe("浏览器学员");
    await run.screenshot(page, "profile-375");
    await context.close();
  });

  it("signs in with an SMS code instead of the password", async () => {
    const { context, page } = await run.page({ phone: true });
    await page.goto("/login");
    await page.getByText("验证码登录").click();
    await page.getByLabel("手机号").fill("13800000004");
    await run.fillPhoneCode(page, "13800000004", "LOGIN");
    await run.screenshot(page, "login-by-code-375");
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.waitForURL(/\/me/);
    await context.close();
  });

  it("resets a forgotten password with a code, and then changes the phone number", async () => {
    const { context, page } = await run.page({ phone: true });
    // An account of its own, so that the demo trainee's password stays as the other tests expect.
    const phone = "13912349999";
    await page.goto("/register");
    await page.getByLabel("姓名").fill("忘记密码者");
    await page.getByLabel("手机号").fill(phone);
    await run.fillPhoneCode(page, phone, "REGISTER");
    await page.getByLabel("密码", { exact: true }).fill("secret123");
    await page.getByLabel("确认密码").fill("secret123");
    await page.getByRole("button", { name: "注册并登录" }).click();
    await page.waitForURL(/\/me\/profile/);
    await context.clearCookies();
    await page.evaluate("localStorage.clear()");

    await page.goto("/login");
    await page.getByRole("link", { name: "忘记密码？" }).click();
    await page.getByRole("heading", { name: "找回密码" }).waitFor();
    await page.getByLabel("手机号").fill(phone);
    await run.fillPhoneCode(page, phone, "RESET_PASSWORD");
    await page.getByLabel("新密码", { exact: true }).fill("newpass456");
    await page.getByLabel("确认新密码").fill("newpass456");
    await page.getByRole("button", { name: "重置密码并登录" }).click();
    await page.waitForURL(/\/me/);

    await page.goto("/me/phone");
    await page.getByRole("heading", { name: "更换手机号" }).waitFor();
    const next = "13912348888";
    await page.getByLabel("新手机号").fill(next);
    await run.fillPhoneCode(page, next, "CHANGE_PHONE");
    await page.getByLabel("当前密码").fill("wrong-pass-1");
    await page.getByRole("button", { name: "更换手机号" }).click();
    await page.getByText("当前密码不正确").waitFor();
    await page.getByLabel("当前密码").fill("newpass456");
    await page.getByRole("button", { name: "更换手机号" }).click();
    await page.getByText(`手机号已更换为 ${next}`).waitFor();
    await run.screenshot(page, "phone-changed-375");
    const token = await run.token(next, "newpass456");
    expect(token).toBeTruthy();
    await context.close();
  });

  it("shows the page in English with the code button labelled", async () => {
    const { context, page } = await run.page();
    await page.goto("/forgot-password");
    await page
      .getByRole("button", { name: /English|EN/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Reset password" }).waitFor();
    await page.getByRole("button", { name: "Get code" }).waitFor();
    await context.close();
  });

  it("a wrong password is refused with a clear message", async () => {
    const { context, page } = await run.page();
    await logIn(page, "13800000004", "wrong-password-1");
    await page.getByText("手机号或密码错误").waitFor();
    await context.close();
  });

  it("subscribes to a personal calendar, makes a new link when one leaks, and turns it off", async () => {
    const { context, page } = await run.page({ phone: true });
    await logIn(page, "13800000004");
    await page.waitForURL(/\/me/);
    await page.getByRole("link", { name: "日历订阅" }).click();
    await page.getByRole("heading", { name: "日历订阅", level: 1 }).waitFor();
    const shownLink = async () => {
      await page.getByText("订阅链接已生成").waitFor();
      const url = (await page.getByText(/\/calendar\/.+\.ics$/).textContent())!;
      expect(await page.getByRole("link", { name: "添加到日历" }).getAttribute("href")).toBe(
        url.replace(/^http:/, "webcal:"),
      );
      return url;
    };
    await page.getByRole("button", { name: /生成订阅链接/ }).click();
    const first = await shownLink();
    // What a calendar app fetches: the trainee's classes and events, with a reminder an hour before.
    const feed = await fetch(first);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const ics = await feed.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("TRIGGER:-PT60M");
    await page.getByRole("status").filter({ hasText: "订阅已开启" }).waitFor();
    await run.screenshot(page, "calendar-feed-375");

    await page.getByLabel("提醒时间").click();
    await page.getByTitle("提前 1 天提醒").click();
    await page.getByRole("button", { name: "重新生成链接" }).click();
    await page.getByRole("status").filter({ hasText: "提前 1 天提醒" }).waitFor();
    const second = await shownLink();
    expect(second).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    expect(await (await fetch(second)).text()).toContain("TRIGGER:-PT1440M");

    await page.getByRole("button", { name: "停用订阅" }).click();
    await page
      .getByRole("group", { name: "停用后链接立即失效，确定吗？" })
      .getByRole("button", { name: /^停\s*用$/ })
      .click();
    await page.getByText("日历订阅已停用").waitFor();
    await page.getByRole("status").filter({ hasText: "订阅已于" }).waitFor();
    expect((await fetch(second)).status).toBe(404);
    await context.close();
  });
});

describe("staff", () => {
  it("log in to the console and find an enterprise of the article", async () => {
    const { context, page } = await run.page();
    await logIn(page, "13800000002");
    await page.waitForURL(/\/console/);
    await page.goto("/console/enterprises");
    await page.getByRole("searchbox", { name: "搜索企业" }).fill("神驰");
    await page.getByRole("searchbox", { name: "搜索企业" }).press("Enter");
    await page.getByText("重庆神驰机电股份有限公司").first().waitFor();
    await run.screenshot(page, "console-enterprises");
    await context.close();
  });
});
