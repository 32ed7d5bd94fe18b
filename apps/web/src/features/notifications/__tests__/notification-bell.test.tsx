import { act, render, screen } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { MemoryRouter } from "react-router";
import { setLocale } from "../../../app/i18n";
import { NotificationBell, unreadBadge } from "../notification-bell";
import { unreadNotificationCountQuery } from "../notifications.documents";

function countAnswer(count: number): MockedResponse {
  return {
    request: { query: unreadNotificationCountQuery },
    result: { data: { unreadNotificationCount: count } },
  };
}

function renderBell(count: number) {
  return render(
    <MockedProvider mocks={[countAnswer(count)]}>
      <MemoryRouter>
        <NotificationBell />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe("notification bell", () => {
  beforeEach(() => act(() => setLocale("zh-CN")));

  it("shows the unread count on the bell and says it to screen readers", async () => {
    renderBell(3);
    expect(await screen.findByRole("button", { name: "通知：3 条未读" })).toBeTruthy();
    expect(screen.getByTestId("bell-count").textContent).toBe("3");
  });

  it("shows no number when everything is read", async () => {
    renderBell(0);
    const bell = await screen.findByRole("button", { name: "通知" });
    // Still no badge once the count has arrived.
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(bell.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByTestId("bell-count")).toBeNull();
  });

  it("caps the badge at 99+", () => {
    expect(unreadBadge(undefined)).toBeNull();
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe("7");
    expect(unreadBadge(99)).toBe("99");
    expect(unreadBadge(100)).toBe("99+");
  });

  it("reads in English too", async () => {
    act(() => setLocale("en"));
    renderBell(12);
    expect(await screen.findByRole("button", { name: "Notifications: 12 unread" })).toBeTruthy();
  });
});
