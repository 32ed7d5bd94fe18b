import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { beijingDay } from "../../../app/format";
import { setLocale } from "../../../app/i18n";
import type { StaffProblemRowFragment } from "../../../gql/graphql";
import { BulkDeskModal } from "../bulk-desk-modal";
import { assignProblemsMutation, deskDepartmentsQuery, triageProblemsMutation } from "../desk-staff.documents";

const row = (n: number, title: string) => ({
  __typename: "Problem",
  id: `UHJvYmxlbTo${n}`,
  title,
  category: "FINANCING" as const,
  status: "TRIAGED" as const,
  level: "DEPARTMENT" as const,
  dueAt: null,
  overdue: false,
  escalations: 0,
  createdAt: "2026-12-01T02:00:00.000Z",
  heldByViewer: false,
  enterprise: { __typename: "Enterprise", id: `RW50ZXJwcmlzZTo${n}`, name: `重庆企业${n}` },
  department: null,
});
const rows: StaffProblemRowFragment[] = [row(1, "流动资金贷款续贷困难"), row(2, "技工招聘难")];
const DEPT = { __typename: "Department" as const, id: "RGVwYXJ0bWVudDox", name: "区发展改革委" };

const departments: MockedResponse = {
  request: { query: deskDepartmentsQuery },
  result: { data: { departments: [DEPT, { __typename: "Department", id: "RGVwYXJ0bWVudDoy", name: "区人力社保局" }] } },
};

function assigned(input: object, answer: object): MockedResponse {
  return {
    request: { query: assignProblemsMutation, variables: { input } },
    result: { data: { assignProblems: { __typename: "AssignProblemsPayload", ...answer } } },
  };
}

function renderModal(step: "TRIAGE" | "ASSIGN", mocks: MockedResponse[]) {
  const onClose = jest.fn();
  render(
    <MockedProvider mocks={[departments, ...mocks]}>
      <BulkDeskModal step={step} rows={rows} onClose={onClose} />
    </MockedProvider>,
  );
  return onClose;
}

async function pickDepartment() {
  fireEvent.mouseDown(screen.getByRole("combobox", { name: "承办部门" }));
  fireEvent.click(await screen.findByText("区发展改革委"));
}

const confirm = () => fireEvent.click(screen.getByRole("button", { name: "确认交办" }));

describe("bulk triage and assignment on the desk's queue", () => {
  beforeEach(() => act(() => setLocale("zh-CN")));

  it("names the problems first, and answers a missing department and a past due date beside their fields", async () => {
    renderModal("ASSIGN", []);
    expect(screen.getByText("批量交办2个问题")).toBeTruthy();
    expect(screen.getByText("流动资金贷款续贷困难：重庆企业1")).toBeTruthy();
    confirm();
    expect(await screen.findByText("请填写承办部门")).toBeTruthy();
    const due = screen.getByLabelText("办理期限");
    fireEvent.mouseDown(due);
    fireEvent.change(due, { target: { value: beijingDay() } });
    fireEvent.blur(due);
    confirm();
    expect(await screen.findByText(/办理期限须在.*到.*之间/)).toBeTruthy();
  });

  it("assigns both with the category's due dates and says where each went", async () => {
    const onClose = renderModal("ASSIGN", [
      assigned(
        { problemIds: rows.map((r) => r.id), departmentId: DEPT.id, dueOn: null, note: null },
        {
          problems: rows.map((r, i) => ({
            __typename: "Problem",
            id: r.id,
            status: "ASSIGNED",
            dueAt: i === 0 ? "2026-12-20T02:00:00.000Z" : "2026-12-15T02:00:00.000Z",
            department: DEPT,
          })),
          userErrors: [],
        },
      ),
    ]);
    await pickDepartment();
    confirm();
    const summary = await screen.findByRole("status");
    expect(within(summary).getByText("已交办2个问题")).toBeTruthy();
    expect(within(summary).getByText("流动资金贷款续贷困难：已交办区发展改革委，办理期限2026年12月20日")).toBeTruthy();
    expect(within(summary).getByText("技工招聘难：已交办区发展改革委，办理期限2026年12月15日")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /关\s*闭/ }));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it("when the API refuses one problem, names it with the reason and says the others were left as they were", async () => {
    const onClose = renderModal("TRIAGE", [
      {
        request: {
          query: triageProblemsMutation,
          variables: { input: { problemIds: rows.map((r) => r.id), note: null } },
        },
        result: {
          data: {
            triageProblems: {
              __typename: "TriageProblemsPayload",
              problems: null,
              userErrors: [
                {
                  __typename: "UserError",
                  code: "WRONG_STATUS",
                  field: ["input", "problemIds", "1"],
                  message: "当前状态（TRIAGED）不允许此操作",
                },
              ],
            },
          },
        },
      },
    ]);
    fireEvent.click(screen.getByRole("button", { name: "确认受理" }));
    const summary = await screen.findByRole("status");
    expect(within(summary).getByText("未受理：有问题不能受理，整批均未办理")).toBeTruthy();
    expect(within(summary).getByText("流动资金贷款续贷困难：未办理，保持原状")).toBeTruthy();
    expect(within(summary).getByText("技工招聘难：当前状态（TRIAGED）不允许此操作")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /关\s*闭/ }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(false));
  });
});
