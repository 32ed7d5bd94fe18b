import { act, fireEvent, render, screen } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { beijingDay } from "../../../app/format";
import { setLocale } from "../../../app/i18n";
import { logVisitMutation, myEnterprisesQuery } from "../commissioners.documents";
import { VisitFormPage } from "../visit-form-page";

const FIRM = "RW50ZXJwcmlzZTox";

const mine: MockedResponse = {
  // Read again after a visit is saved (the list of enterprises shows the last visit).
  maxUsageCount: 3,
  request: { query: myEnterprisesQuery, variables: { first: 100 } },
  result: {
    data: {
      commissionerAssignments: {
        __typename: "CommissionerAssignmentConnection",
        totalCount: 1,
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
        edges: [
          {
            __typename: "CommissionerAssignmentEdge",
            cursor: "c1",
            node: {
              __typename: "CommissionerAssignment",
              id: "Q29tbWlzc2lvbmVyQXNzaWdubWVudDox",
              lastVisitOn: null,
              visitOverdue: true,
              enterprise: { __typename: "Enterprise", id: FIRM, name: "重庆测试机电", town: "北温泉街道" },
            },
          },
        ],
      },
    },
  },
};

function logged(input: object, answer: object): MockedResponse {
  return {
    request: { query: logVisitMutation, variables: { input } },
    result: { data: { logVisit: { __typename: "LogVisitPayload", ...answer } } },
  };
}

function renderPage(mocks: MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[`/commissioner/visits/new?enterprise=${FIRM}`]}>
        <Routes>
          <Route path="/commissioner/visits/new" element={<VisitFormPage />} />
          <Route path="/commissioner/visits" element={<p>走访记录页</p>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe("the commissioner's visit form (/commissioner/visits/new)", () => {
  beforeEach(() => act(() => setLocale("zh-CN")));

  it("asks for whom the commissioner met and what they found, and sends nothing without them", async () => {
    renderPage([mine]);
    fireEvent.click(await screen.findByRole("button", { name: "保存走访记录" }));
    expect(await screen.findByText("请填写走访对象")).toBeTruthy();
    expect(screen.getByText("请填写走访情况")).toBeTruthy();
    expect(screen.queryByText("走访记录页")).toBeNull();
  });

  it("shows the server's refusal beside its field, keeps what was typed, and stays on the form", async () => {
    const input = { enterpriseId: FIRM, visitedOn: beijingDay(), met: "何建国（总经理）", findings: "订单饱满。" };
    renderPage([
      mine,
      logged(input, {
        visit: null,
        userErrors: [
          {
            __typename: "UserError",
            code: "VISIT_BEFORE_ASSIGNMENT",
            field: ["input", "visitedOn"],
            message: "走访日期不能早于您开始服务该企业的日期（2026-12-05）",
          },
        ],
      }),
    ]);
    fireEvent.change(await screen.findByLabelText("走访对象"), { target: { value: input.met } });
    fireEvent.change(screen.getByLabelText("走访情况"), { target: { value: input.findings } });
    fireEvent.click(screen.getByRole("button", { name: "保存走访记录" }));
    expect(await screen.findByText("走访日期不能早于您开始服务该企业的日期（2026-12-05）")).toBeTruthy();
    expect((screen.getByLabelText("走访对象") as HTMLInputElement).value).toBe(input.met);
    expect(screen.queryByText("走访记录页")).toBeNull();
  });

  it("goes to the enterprise's visit log once saved", async () => {
    const input = { enterpriseId: FIRM, visitedOn: beijingDay(), met: "财务总监", findings: "资金周转偏紧。" };
    renderPage([
      mine,
      logged(input, { visit: { __typename: "Visit", id: "VmlzaXQ6MQ", visitedOn: input.visitedOn }, userErrors: [] }),
    ]);
    fireEvent.change(await screen.findByLabelText("走访对象"), { target: { value: input.met } });
    fireEvent.change(screen.getByLabelText("走访情况"), { target: { value: input.findings } });
    fireEvent.click(screen.getByRole("button", { name: "保存走访记录" }));
    expect(await screen.findByText("走访记录页")).toBeTruthy();
  });
});
