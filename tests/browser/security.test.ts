import type { Page } from "playwright-core";
import { BrowserRun, logIn } from "./harness";

let run: BrowserRun;
beforeAll(async () => {
  run = await BrowserRun.start();
});
afterAll(() => run?.close());

/**
 * Every Content-Security-Policy violation the page reports: the DOM's `securitypolicyviolation`
 * events (recorded by a script the browser adds before the page's own, which the policy does not
 * govern) and Chromium's console errors about the policy.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) found.push(message.text());
  });
  page.on("pageerror", (error) => found.push(`page error: ${error.message}`));
  await page.exposeFunction("reportViolation", (text: string) => found.push(text));
  // A string: this file is compiled without the DOM's types; the browser runs it as it is.
  await page.addInitScript(`document.addEventListener("securitypolicyviolation", (e) =>
    window.reportViolation(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));`);
  return found;
}

describe("the web app under its Content-Security-Policy", () => {
  it("is served with the policy, frame-ancestors 'none' and helmet's headers", async () => {
    const res = await fetch(`${run.url}/events`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const api = await fetch(`${run.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ statistics { cohorts } }" }),
    });
    expect(api.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("shows public pages, the trainee portal and the staff console with no violation", async () => {
    const visited: string[] = [];
    const visit = async (page: Page, path: string) => {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      // Something of the page's own was drawn: the app ran, not only the loading text.
      await page.locator("#root .ant-layout, #root .ant-card, #root main").first().waitFor();
      visited.push(path);
    };

    const visitor = await run.page();
    const visitorViolations = await watchViolations(visitor.page);
    for (const path of ["/", "/events", "/cohorts", "/honor-roll", "/login", "/register"])
      await visit(visitor.page, path);
    await visitor.context.close();

    const trainee = await run.page({ phone: true });
    const traineeViolations = await watchViolations(trainee.page);
    await logIn(trainee.page, "13800000004");
    await trainee.page.waitForURL(/\/me\//);
    for (const path of ["/me/profile", "/me/events", "/me/calendar"]) await visit(trainee.page, path);
    await trainee.context.close();

    const admin = await run.page();
    const adminViolations = await watchViolations(admin.page);
    await logIn(admin.page, "13800000001");
    await admin.page.waitForURL(/\/console/);
    for (const path of ["/console/dashboard", "/console/imports", "/console/awards", "/console/audit"])
      await visit(admin.page, path);
    await run.screenshot(admin.page, "csp-console-audit");
    await admin.context.close();

    expect(visited).toHaveLength(13);
    expect({ visitor: visitorViolations, trainee: traineeViolations, admin: adminViolations }).toEqual({
      visitor: [],
      trainee: [],
      admin: [],
    });
  });
});
