import { act, fireEvent, render, screen, within } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { App } from "antd";
import { MemoryRouter } from "react-router";
import { setToken } from "../../../app/auth";
import { setLocale } from "../../../app/i18n";
import { meQuery, SessionProvider } from "../../../app/session";
import { deskProblemsQuery } from "../desk-staff.documents";
import { EscalationBoardPage } from "../escalation-board-page";

const ID = "UHJvYmxlbTo3";
const row = {
  __typename: "Problem",
  id: ID,
  title: "融资担保续保受阻",
  category: "FINANCING",
  status: "ASSIGNED",
  level: "LEADER",
  dueAt: "2026-12-08T02:00:00.000Z",
  overdue: false,
  escalations: 1,
  createdAt: "2026-11-20T02:00:00.000Z",
  heldByViewer: true,
  enterprise: { __typename: "Enterprise", id: "RW50ZXJwcmlzZTox", name: "重庆测试机电" },
  department: { __typename: "Department", id: "RGVwYXJ0bWVudDox", name: "区金融发展中心" },
};

const board: MockedResponse = {
  request: {
    query: deskProblemsQuery,
    variables: { filter: { open: true, level: "LEADER" }, orderBy: "DUE_FIRST", first: 20, after: null },
  },
  result: {
    data: {
      problems: {
        __typename: "ProblemConnection",
        totalCount: 1,
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "MQ" },
        edges: [{ __typename: "ProblemEdge", cursor: "MQ", node: row }],
      },
    },
  },
  maxUsageCount: 5,
};

describe("the leaders' escalation board", () => {
  beforeEach(() => {
    window.localStorage.clear();
    act(() => setLocale("zh-CN"));
  });

  it("lists the leader's escalated problems and sends one back only with instructions, answered beside the field", async () => {
    setToken("token");
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: meQuery },
            result: {
              data: { me: { __typename: "User", id: "VXNlcjo3", name: "杨文斌", roles: ["LEADER_IN_CHARGE"] } },
            },
          },
          board,
        ]}
      >
        <App>
          <MemoryRouter>
            <SessionProvider>
              <EscalationBoardPage />
            </SessionProvider>
          </MemoryRouter>
        </App>
      </MockedProvider>,
    );
    const link = await screen.findByRole("link", { name: "融资担保续保受阻" });
    const line = link.closest("tr")!;
    expect(within(line).getByText("区金融发展中心")).toBeTruthy();
    fireEvent.click(within(line).getByRole("button", { name: "退回下一级" }));
    const dialog = await screen.findByRole("dialog");
    const send = () => fireEvent.click(within(dialog).getAllByRole("button", { name: "退回下一级" }).at(-1)!);
    send();
    expect(await within(dialog).findByText("请填写指示")).toBeTruthy();
    // Past the limit (pasted past the box's own maxlength), in the API's words, before anything is sent.
    const field = within(dialog).getByLabelText("指示") as HTMLTextAreaElement;
    field.removeAttribute("maxlength");
    fireEvent.change(field, { target: { value: "x".repeat(1000) + "超" } });
    send();
    expect(await within(dialog).findByText("指示不能超过1000个字符")).toBeTruthy();
  });
});
