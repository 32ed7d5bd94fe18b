import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { getToken } from "../../../app/auth";
import { SessionProvider } from "../../../app/session";
import { loginMutation } from "../accounts.documents";
import { LoginPage } from "../login-page";

const input = { phone: "13800000004", password: "zuofu-demo1" };

function loginAnswer(login: Record<string, unknown>): MockedResponse {
  return {
    request: { query: loginMutation, variables: { input } },
    result: { data: { login: { __typename: "LoginPayload", token: null, user: null, userErrors: [], ...login } } },
  };
}

function renderLogin(mocks: MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={["/login"]}>
        <SessionProvider>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/me/profile" element={<p>trainee portal</p>} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>
    </MockedProvider>,
  );
}

function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText("手机号"), { target: { value: input.phone } });
  fireEvent.change(screen.getByLabelText("密码"), { target: { value: input.password } });
  fireEvent.click(screen.getByRole("button", { name: /登\s*录/ }));
}

/** The antd form item (label, control and its error text) that holds the control labelled `label`. */
function formItemOf(label: string): HTMLElement {
  return screen.getByLabelText(label).closest(".ant-form-item") as HTMLElement;
}

describe("login page", () => {
  beforeEach(() => window.localStorage.clear());

  it("shows the server's error beside the phone field and keeps what was typed", async () => {
    renderLogin([
      loginAnswer({
        userErrors: [
          { __typename: "UserError", code: "ACCOUNT_DISABLED", field: ["input", "phone"], message: "该账号已停用" },
        ],
      }),
    ]);

    fillAndSubmit();

    await waitFor(() => expect(formItemOf("手机号").textContent).toContain("该账号已停用"));
    expect(formItemOf("密码").textContent).not.toContain("该账号已停用");
    expect(screen.queryByRole("alert", { name: /未能提交/ })).toBeNull();
    expect((screen.getByLabelText("手机号") as HTMLInputElement).value).toBe(input.phone);
    expect((screen.getByLabelText("密码") as HTMLInputElement).value).toBe(input.password);
    expect(getToken()).toBeNull();
  });

  it("shows an error that names no field above the form", async () => {
    renderLogin([
      loginAnswer({
        userErrors: [{ __typename: "UserError", code: "TOO_MANY_ATTEMPTS", field: null, message: "请稍后再试" }],
      }),
    ]);

    fillAndSubmit();

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("请稍后再试");
    expect(formItemOf("手机号").textContent).not.toContain("请稍后再试");
  });

  it("checks the phone number before asking the server", async () => {
    renderLogin([]);
    fireEvent.change(screen.getByLabelText("手机号"), { target: { value: "12345" } });
    fireEvent.change(screen.getByLabelText("密码"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: /登\s*录/ }));

    await waitFor(() => expect(formItemOf("手机号").textContent).toContain("请输入有效的中国大陆手机号"));
  });

  it("signs a trainee in and opens the portal", async () => {
    renderLogin([
      loginAnswer({
        token: "session-token",
        user: { __typename: "User", id: "VXNlcjo0", name: "李华", roles: ["TRAINEE"] },
      }),
    ]);

    fillAndSubmit();

    expect(await screen.findByText("trainee portal")).toBeTruthy();
    expect(getToken()).toBe("session-token");
  });
});
