import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { App } from "antd";
import { MemoryRouter, Route, Routes } from "react-router";
import { setToken } from "../../../app/auth";
import { setLocale } from "../../../app/i18n";
import { meQuery, SessionProvider } from "../../../app/session";
import type { Role } from "../../../gql/graphql";
import { answerProblemMutation, deskProblemQuery, sendProblemBackMutation } from "../desk-staff.documents";
import { actionsFor, ConsoleProblemPage } from "../console-problem-page";

const ID = "UHJvYmxlbTo0Mg";

const problem = (over: object = {}) => ({
  __typename: "Problem",
  id: ID,
  title: "厂房扩建用地指标",
  category: "LAND",
  status: "IN_PROGRESS",
  level: "DEPARTMENT",
  dueAt: "2026-12-01T02:00:00.000Z",
  overdue: true,
  escalations: 0,
  createdAt: "2026-11-01T02:00:00.000Z",
  heldByViewer: true,
  enterprise: { __typename: "Enterprise", id: "RW50ZXJwcmlzZTox", name: "重庆测试机电" },
  department: { __typename: "Department", id: "RGVwYXJ0bWVudDox", name: "区规划自然资源局" },
  description: "二期厂房扩建需新增用地约20亩。",
  reporterKind: "ENTERPRISE",
  answer: null,
  answeredAt: null,
  rating: null,
  instructions: null,
  late: true,
  closedAt: null,
  timeline: [
    {
      __typename: "ProblemEvent",
      id: "UHJvYmxlbUV2ZW50OjE",
      kind: "REPORTED",
      level: "DEPARTMENT",
      note: null,
      createdAt: "2026-11-01T02:00:00.000Z",
      department: null,
      attachments: [
        {
          __typename: "ProblemAttachment",
          id: "UHJvYmxlbUF0dGFjaG1lbnQ6MQ",
          fileName: "用地红线图.pdf",
          byteSize: 245760,
          url: "/attachments/UHJvYmxlbUF0dGFjaG1lbnQ6MQ?h=u6&exp=1796500000&sig=abc",
        },
      ],
    },
    {
      __typename: "ProblemEvent",
      id: "UHJvYmxlbUV2ZW50OjI",
      kind: "ASSIGNED",
      level: "DEPARTMENT",
      note: "请尽快办理",
      createdAt: "2026-11-02T02:00:00.000Z",
      department: { __typename: "Department", id: "RGVwYXJ0bWVudDox", name: "区规划自然资源局" },
      attachments: [],
    },
  ],
  ...over,
});

const me = (roles: Role[]): MockedResponse => ({
  request: { query: meQuery },
  result: { data: { me: { __typename: "User", id: "VXNlcjo2", name: "承办人", roles } } },
});
const shown = (over: object = {}): MockedResponse => ({
  request: { query: deskProblemQuery, variables: { id: ID } },
  result: { data: { node: problem(over) } },
  maxUsageCount: 5,
});

function renderPage(roles: Role[], mocks: MockedResponse[]) {
  setToken("token");
  render(
    <MockedProvider mocks={[me(roles), ...mocks]}>
      <App>
        <MemoryRouter initialEntries={[`/console/desk/problems/${ID}`]}>
          <SessionProvider>
            <Routes>
              <Route path="/console/desk/problems/:problemId" element={<ConsoleProblemPage />} />
            </Routes>
          </SessionProvider>
        </MemoryRouter>
      </App>
    </MockedProvider>,
  );
}

describe("a problem's page in the console", () => {
  beforeEach(() => {
    window.localStorage.clear();
    act(() => setLocale("zh-CN"));
  });

  it("offers each role the steps the API allows it, and nothing else", () => {
    const at = (status: string, level: string, held: boolean) =>
      ({ status, level, heldByViewer: held }) as Parameters<typeof actionsFor>[0];
    expect(actionsFor(at("REPORTED", "DEPARTMENT", false), true)).toEqual(["TRIAGE"]);
    expect(actionsFor(at("TRIAGED", "DEPARTMENT", false), true)).toEqual(["ASSIGN"]);
    expect(actionsFor(at("ASSIGNED", "DEPARTMENT", false), true)).toEqual(["TRANSFER", "ESCALATE"]);
    expect(actionsFor(at("ASSIGNED", "DEPARTMENT", true), false)).toEqual(["START", "ANSWER", "ESCALATE"]);
    expect(actionsFor(at("IN_PROGRESS", "LEADER", true), false)).toEqual(["NOTE", "ANSWER", "ESCALATE", "SEND_BACK"]);
    expect(actionsFor(at("REOPENED", "DISTRICT_HEAD", true), false)).toEqual(["START", "ANSWER", "SEND_BACK"]);
    expect(actionsFor(at("ANSWERED", "LEADER", true), false)).toEqual([]);
    expect(actionsFor(at("IN_PROGRESS", "DEPARTMENT", false), false)).toEqual([]);
  });

  it("shows the details and the whole timeline; an empty answer is answered beside its field, the API's refusal too", async () => {
    renderPage(
      ["DEPARTMENT_HANDLER"],
      [
        shown(),
        {
          request: {
            query: answerProblemMutation,
            variables: { input: { problemId: ID, answer: "已纳入年度用地计划" } },
          },
          result: {
            data: {
              answerProblem: {
                __typename: "AnswerProblemPayload",
                problem: null,
                userErrors: [
                  {
                    __typename: "UserError",
                    code: "ALREADY_ANSWERED",
                    field: ["input", "problemId"],
                    message: "该问题已被答复",
                  },
                ],
              },
            },
          },
        },
      ],
    );
    expect(await screen.findByRole("heading", { name: "厂房扩建用地指标" })).toBeTruthy();
    expect(screen.getByText("重庆测试机电")).toBeTruthy();
    expect(screen.getByText("逾期")).toBeTruthy();
    expect(screen.getByText("反映问题")).toBeTruthy();
    expect(screen.getByText("请尽快办理")).toBeTruthy();
    // The enterprise's file, on the step that brought it, through the link signed for this viewer.
    const file = screen.getByRole("link", { name: "下载 用地红线图.pdf" });
    expect(file.getAttribute("href")).toBe("/attachments/UHJvYmxlbUF0dGFjaG1lbnQ6MQ?h=u6&exp=1796500000&sig=abc");
    expect(screen.getByText("240 KB")).toBeTruthy();
    const actions = screen.getByRole("group", { name: "操作" });
    expect(within(actions).queryByRole("button", { name: /受\s*理/ })).toBeNull();
    fireEvent.click(within(actions).getByRole("button", { name: /答\s*复/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(
      within(dialog)
        .getAllByRole("button", { name: /答\s*复/ })
        .at(-1)!,
    );
    expect(await within(dialog).findByText("请填写答复")).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText("答复"), { target: { value: "已纳入年度用地计划" } });
    fireEvent.click(
      within(dialog)
        .getAllByRole("button", { name: /答\s*复/ })
        .at(-1)!,
    );
    expect(await within(dialog).findByText("该问题已被答复")).toBeTruthy();
    expect((within(dialog).getByLabelText("答复") as HTMLTextAreaElement).value).toBe("已纳入年度用地计划");
  });

  it("the leader sends a problem back down only with instructions", async () => {
    renderPage(
      ["LEADER_IN_CHARGE"],
      [
        shown({ level: "LEADER", status: "ASSIGNED" }),
        {
          request: {
            query: sendProblemBackMutation,
            variables: { input: { problemId: ID, instructions: "请规划自然资源局牵头办理" } },
          },
          result: {
            data: {
              sendProblemBack: {
                __typename: "SendProblemBackPayload",
                problem: {
                  __typename: "Problem",
                  id: ID,
                  status: "ASSIGNED",
                  level: "DEPARTMENT",
                  instructions: "请规划自然资源局牵头办理",
                },
                userErrors: [],
              },
            },
          },
        },
      ],
    );
    const actions = await screen.findByRole("group", { name: "操作" });
    fireEvent.click(within(actions).getByRole("button", { name: "退回下一级" }));
    const dialog = await screen.findByRole("dialog");
    const send = () => fireEvent.click(within(dialog).getAllByRole("button", { name: "退回下一级" }).at(-1)!);
    send();
    expect(await within(dialog).findByText("请填写指示")).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText("指示"), { target: { value: "请规划自然资源局牵头办理" } });
    send();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});
