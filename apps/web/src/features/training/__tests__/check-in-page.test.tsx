import { StrictMode } from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { MemoryRouter } from "react-router";
import { CheckInPage } from "../check-in-page";
import { checkInMutation } from "../training.documents";

const CODE = "207.29404401.abcdefghijklmnopqrstuv";

function checkInAnswer(code: string, result: Record<string, unknown>): MockedResponse {
  return {
    request: { query: checkInMutation, variables: { input: { code } } },
    result: {
      data: { checkIn: { __typename: "CheckInPayload", attendance: null, userErrors: [], ...result } },
    },
  };
}

const attendance = {
  __typename: "Attendance",
  id: "QXR0ZW5kYW5jZTox",
  present: true,
  recordedAt: "2026-11-28T01:05:00.000Z",
  session: {
    __typename: "ClassSession",
    id: "Q2xhc3NTZXNzaW9uOjIwNw",
    topic: "企业文化与社会责任",
    startsAt: "2026-11-28T01:00:00.000Z",
    endsAt: "2026-11-28T04:00:00.000Z",
    cohort: { __typename: "Cohort", id: "Q29ob3J0OjQx", title: "卢作孚企业家精神专题培训班 第3期" },
  },
};

function renderAt(path: string, mocks: MockedResponse[]) {
  return render(
    <StrictMode>
      <MockedProvider mocks={mocks}>
        <MemoryRouter initialEntries={[path]}>
          <CheckInPage />
        </MemoryRouter>
      </MockedProvider>
    </StrictMode>,
  );
}

describe("QR self check-in", () => {
  it("checks in once with the scanned code and says for which session", async () => {
    const answer = checkInAnswer(CODE, { attendance });
    const result = jest.fn(() => answer.result as { data: Record<string, unknown> });
    renderAt(`/me/check-in?code=${encodeURIComponent(CODE)}`, [{ ...answer, result, maxUsageCount: 2 }]);
    expect(await screen.findByText("签到成功")).toBeTruthy();
    // StrictMode runs the page's effects twice; the code is still sent once.
    expect(result).toHaveBeenCalledTimes(1);
    expect(screen.getByText("企业文化与社会责任")).toBeTruthy();
    expect(screen.getByText("2026年11月28日周六 09:00–12:00")).toBeTruthy();
  });

  it("shows why a code is refused beside the code, and takes a pasted one", async () => {
    renderAt(`/me/check-in?code=${encodeURIComponent(CODE)}`, [
      checkInAnswer(CODE, {
        userErrors: [
          {
            __typename: "UserError",
            code: "CHECKIN_CODE_EXPIRED",
            field: ["input", "code"],
            message: "签到码已过期，请扫描最新的二维码",
          },
        ],
      }),
      checkInAnswer("207.29404402.abcdefghijklmnopqrstuv", { attendance }),
    ]);
    const field = await screen.findByLabelText("签到码");
    await waitFor(() =>
      expect(field.closest(".ant-form-item")!.textContent).toContain("签到码已过期，请扫描最新的二维码"),
    );
    expect((field as HTMLInputElement).value).toBe(CODE);
    fireEvent.change(field, { target: { value: " 207.29404402.abcdefghijklmnopqrstuv " } });
    fireEvent.click(screen.getByRole("button", { name: /签\s*到/ }));
    expect(await screen.findByText("签到成功")).toBeTruthy();
  });
});
