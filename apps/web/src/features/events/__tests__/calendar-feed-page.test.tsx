import { act, fireEvent, render, screen, within } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { MemoryRouter } from "react-router";
import { setLocale } from "../../../app/i18n";
import { CalendarFeedPage, feedUrls, reminderText } from "../calendar-feed-page";
import { calendarFeedMessages } from "../calendar-feed.messages";
import { createCalendarFeedMutation, myCalendarFeedQuery, revokeCalendarFeedMutation } from "../events.documents";

const FEED_ID = "Q2FsZW5kYXJGZWVkOjc";

const feed = (revokedAt: string | null = null) => ({
  __typename: "CalendarFeed" as const,
  id: FEED_ID,
  issuedAt: "2026-11-20T02:00:00.000Z",
  reminderMinutes: 60,
  revokedAt,
});

function mine(calendarFeed: ReturnType<typeof feed> | null): MockedResponse {
  return {
    request: { query: myCalendarFeedQuery },
    result: {
      data: {
        me: {
          __typename: "User",
          id: "VXNlcjo0",
          trainee: { __typename: "Trainee", id: "VHJhaW5lZTox", calendarFeed },
        },
      },
    },
  };
}

function created(reminderMinutes: number, answer: object): MockedResponse {
  return {
    request: { query: createCalendarFeedMutation, variables: { input: { reminderMinutes } } },
    result: { data: { createCalendarFeed: { __typename: "CreateCalendarFeedPayload", ...answer } } },
  };
}

function renderPage(mocks: MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter>
        <CalendarFeedPage />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe("the trainee's calendar subscription (/me/calendar)", () => {
  beforeEach(() => act(() => setLocale("zh-CN")));

  it("makes a link, shows it once with a button that opens the calendar app, and says the subscription is on", async () => {
    renderPage([mine(null), created(60, { path: "/calendar/secret-token.ics", feed: feed(), userErrors: [] })]);
    expect(await screen.findByText("尚未开启日历订阅。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "生成订阅链接" }));
    expect(await screen.findByText("订阅链接已生成")).toBeTruthy();
    expect(screen.getByText("http://localhost/calendar/secret-token.ics")).toBeTruthy();
    expect(screen.getByRole("link", { name: "添加到日历" }).getAttribute("href")).toBe(
      "webcal://localhost/calendar/secret-token.ics",
    );
    expect(screen.getByRole("status").textContent).toMatch(/^订阅已开启：链接生成于 .+，提前 1 小时提醒。$/);
    expect(screen.getByRole("button", { name: "重新生成链接" })).toBeTruthy();
  });

  it("shows a refused reminder beside its field and shows no link", async () => {
    renderPage([
      mine(null),
      created(60, {
        path: null,
        feed: null,
        userErrors: [
          {
            __typename: "UserError",
            code: "OUT_OF_RANGE",
            field: ["input", "reminderMinutes"],
            message: "提醒时间须在 0 到 10080 分钟之间",
          },
        ],
      }),
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "生成订阅链接" }));
    expect(await screen.findByText("提醒时间须在 0 到 10080 分钟之间")).toBeTruthy();
    expect(screen.queryByText("订阅链接已生成")).toBeNull();
    expect(screen.getByText("尚未开启日历订阅。")).toBeTruthy();
  });

  it("asks before turning the subscription off, then says it is off", async () => {
    renderPage([
      mine(feed()),
      {
        request: { query: revokeCalendarFeedMutation, variables: { input: { feedId: FEED_ID } } },
        result: {
          data: {
            revokeCalendarFeed: {
              __typename: "RevokeCalendarFeedPayload",
              feed: feed("2026-12-01T08:00:00.000Z"),
              userErrors: [],
            },
          },
        },
      },
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "停用订阅" }));
    const confirm = screen.getByRole("group", { name: "停用后链接立即失效，确定吗？" });
    fireEvent.click(within(confirm).getByRole("button", { name: /^停\s*用$/ }));
    expect(await screen.findByText("日历订阅已停用")).toBeTruthy();
    expect(screen.getByText(/^订阅已于 .+ 停用，旧链接已失效。$/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "停用订阅" })).toBeNull();
    expect(screen.getByRole("button", { name: "生成订阅链接" })).toBeTruthy();
  });

  it("names reminders the way calendar apps do, and turns the link into webcal://", () => {
    const t = (key: keyof (typeof calendarFeedMessages)["zh-CN"], params?: Record<string, string | number>) =>
      calendarFeedMessages["zh-CN"][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k]));
    expect([0, 15, 90, 120, 1440, 10080].map((m) => reminderText(m, t))).toEqual([
      "不提醒",
      "提前 15 分钟提醒",
      "提前 90 分钟提醒",
      "提前 2 小时提醒",
      "提前 1 天提醒",
      "提前 7 天提醒",
    ]);
    expect(feedUrls("/calendar/x.ics", "https://zuofu.example.cn")).toEqual({
      https: "https://zuofu.example.cn/calendar/x.ics",
      webcal: "webcal://zuofu.example.cn/calendar/x.ics",
    });
  });
});
