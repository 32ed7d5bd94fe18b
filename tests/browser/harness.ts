import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startBuiltServer, type BuiltServer } from "../../apps/api/src/testing/built-server";

const ROOT = resolve(__dirname, "../..");
export const SCREENSHOTS = join(ROOT, "test-output", "browser");

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface PageOptions {
  phone?: boolean;
  viewport?: { width: number; height: number };
  timezoneId?: string;
}

/** The real server (built API serving the built web app) on a fresh SQLite file with the demo data. */
export class BrowserRun {
  private constructor(
    readonly url: string,
    private readonly server: BuiltServer,
    readonly browser: Browser,
    private readonly dir: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<BrowserRun> {
    const dir = mkdtempSync(join(tmpdir(), "zuofu-browser-"));
    const server = await startBuiltServer(
      {
        DATABASE_URL: `sqlite:${join(dir, "zuofu.sqlite")}`,
        DEMO_DATA: "1",
        NODE_ENV: "development",
        LOG_LEVEL: "warn",
        SMS_PROVIDER: "inbox",
        SMS_INBOX: join(dir, "sms-inbox.jsonl"),
        ...env,
      },
      { stdout: "inherit", readyWithinMs: 60_000 },
    );
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_FLAGS,
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    return new BrowserRun(server.url, server, browser, dir);
  }

  /**
   * A new browser profile: desk-sized by default, phone-sized with { phone: true }, in Beijing
   * time unless `timezoneId` puts the browser elsewhere.
   */
  async page(opts: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext(this.contextOptions(opts));
    return { context, page: await context.newPage() };
  }

  /**
   * A Chromium of its own whose camera shows `video` (a Y4M file, see fake-camera.ts), the camera
   * allowed without asking: for the pages that read QR codes with it. Close the browser after.
   */
  async cameraPage(video: string, opts: PageOptions = {}): Promise<{ browser: Browser; page: Page }> {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        ...CHROMIUM_FLAGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    const context = await browser.newContext(this.contextOptions(opts));
    return { browser, page: await context.newPage() };
  }

  private contextOptions(opts: PageOptions) {
    return {
      viewport: opts.phone ? { width: 375, height: 740 } : (opts.viewport ?? { width: 1280, height: 860 }),
      locale: "zh-CN",
      // Where most of the Institute's users are; the app reads Beijing time wherever the browser is.
      timezoneId: opts.timezoneId ?? "Asia/Shanghai",
      baseURL: this.url,
    };
  }

  /** Asks the API directly (to look up what the page should show, or to check what it stored). */
  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const response = await fetch(`${this.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
    return body.data!;
  }

  /** A session token of a demo account, for `gql`. */
  async token(phone: string, password = "zuofu-demo"): Promise<string> {
    const data = await this.gql<{ login: { token: string } }>(
      "mutation ($input: LoginInput!) { login(input: $input) { token } }",
      { input: { phone, password } },
    );
    return data.login.token;
  }

  /** The newest code the phone received for the purpose (the server's SMS inbox), waiting up to 5 s for it. */
  async lastCode(phone: string, purpose: string): Promise<string> {
    const file = join(this.dir, "sms-inbox.jsonl");
    for (let i = 0; i < 50; i++) {
      const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
      const found = lines
        .map((line) => JSON.parse(line) as { to: string; purpose: string; code: string | null })
        .reverse()
        .find((m) => m.to === phone && m.purpose === purpose && m.code);
      if (found?.code) return found.code;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${purpose} code reached ${phone}`);
  }

  /** Presses 获取验证码 as a person would, reads the text on "the phone", and types the code in. */
  async fillPhoneCode(page: Page, phone: string, purpose: string): Promise<string> {
    await page.getByRole("button", { name: /获取验证码|重新获取/ }).click();
    await page.getByText(/验证码已发送至/).waitFor();
    const code = await this.lastCode(phone, purpose);
    await page.getByRole("textbox", { name: "验证码" }).fill(code);
    return code;
  }

  async screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Logs in through the login form, as a person would. */
export async function logIn(page: Page, phone: string, password = "zuofu-demo"): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
}
