import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { ATTACHMENT_LIMITS } from "@zuofu/shared";
import { BindEnterprisePage } from "../bind-enterprise-page";
import { ProblemPage } from "../problem-page";
import { ReportProblemPage } from "../report-problem-page";
import {
  myDeskEnterprisesQuery,
  problemQuery,
  reportProblemMutation,
  requestEnterpriseContactMutation,
} from "../desk-enterprise.documents";

const FIRM = {
  __typename: "Enterprise",
  id: "RW50ZXJwcmlzZTox",
  name: "重庆测试机电",
  creditCode: "91500109MA5U000001",
};
/** A valid credit code (GB 32100 check character) of an enterprise the server does not know. */
const UNKNOWN_CODE = "91500109MA608PNHX1";

const enterprisesAnswer = (enterprises: unknown[]): MockedResponse => ({
  request: { query: myDeskEnterprisesQuery },
  result: { data: { myDeskEnterprises: enterprises, myContactRequests: [] } },
  maxUsageCount: 10,
});

function renderAt(path: string, route: string, element: React.ReactNode, mocks: MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={route} element={element} />
          <Route path="/me/desk/problems/:problemId" element={<p>the problem</p>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

/** The antd form item (label, control and its error text) of the field labelled `label`. */
function formItemOf(label: string): HTMLElement {
  return screen.getByText(label, { selector: "label" }).closest(".ant-form-item") as HTMLElement;
}

describe("绑定企业", () => {
  it("refuses a malformed credit code in the form, and asks for the phone and code when binding by code", async () => {
    renderAt("/me/desk/bind", "/me/desk/bind", <BindEnterprisePage />, [enterprisesAnswer([])]);
    fireEvent.change(screen.getByLabelText("统一社会信用代码"), { target: { value: "123" } });
    fireEvent.click(screen.getByRole("button", { name: /绑\s*定/ }));
    await waitFor(() => expect(formItemOf("统一社会信用代码").textContent).toContain("统一社会信用代码无效"));
    expect(formItemOf("企业登记手机号").textContent).toContain("请填写手机号");
  });

  it("shows the server's refusal beside the credit code (an enterprise it does not know)", async () => {
    const refused: MockedResponse = {
      request: { query: requestEnterpriseContactMutation, variables: { input: { creditCode: UNKNOWN_CODE } } },
      result: {
        data: {
          requestEnterpriseContact: {
            __typename: "RequestEnterpriseContactPayload",
            request: null,
            userErrors: [
              {
                __typename: "UserError",
                code: "NOT_FOUND",
                field: ["input", "creditCode"],
                message: "找不到该统一社会信用代码",
              },
            ],
          },
        },
      },
    };
    renderAt("/me/desk/bind", "/me/desk/bind", <BindEnterprisePage />, [enterprisesAnswer([]), refused]);
    fireEvent.click(screen.getByText("提交申请，由工作人员确认"));
    fireEvent.change(screen.getByLabelText("统一社会信用代码"), { target: { value: UNKNOWN_CODE } });
    fireEvent.click(screen.getByRole("button", { name: /提交申请/ }));
    await waitFor(() => expect(formItemOf("统一社会信用代码").textContent).toContain("找不到该统一社会信用代码"));
    expect((screen.getByLabelText("统一社会信用代码") as HTMLInputElement).value).toBe(UNKNOWN_CODE);
  });
});

describe("我要反映", () => {
  it("sends a person who speaks for no enterprise to 绑定企业", async () => {
    renderAt("/me/desk/report", "/me/desk/report", <ReportProblemPage />, [enterprisesAnswer([])]);
    expect(await screen.findByText("您还不是任何企业的联络人。请先绑定企业。")).toBeTruthy();
    expect(screen.getByRole("link", { name: "绑定企业" }).getAttribute("href")).toBe("/me/desk/bind");
  });

  it("asks for the category, title and description, and refuses a file over the limit before sending", async () => {
    renderAt("/me/desk/report", "/me/desk/report", <ReportProblemPage />, [enterprisesAnswer([FIRM])]);
    const submit = await screen.findByRole("button", { name: /提交反映/ });
    fireEvent.click(submit);
    await waitFor(() => expect(formItemOf("问题类别").textContent).toContain("请填写问题类别"));
    expect(formItemOf("标题").textContent).toContain("请填写标题");
    expect(formItemOf("问题描述").textContent).toContain("请填写问题描述");
    const big = new File([new Uint8Array(ATTACHMENT_LIMITS.maxBytes + 1)], "扫描件.pdf", { type: "application/pdf" });
    fireEvent.change(screen.getByLabelText("附件（选填）"), { target: { files: [big] } });
    await waitFor(() => expect(formItemOf("附件（选填）").textContent).toContain("“扫描件.pdf”超过 2 MB"));
    // Removing it clears the error.
    fireEvent.click(screen.getByRole("button", { name: "移除 扫描件.pdf" }));
    await waitFor(() => expect(formItemOf("附件（选填）").textContent).not.toContain("扫描件.pdf"));
  });

  it("shows the server's refusal of a file under the attachments", async () => {
    const input = {
      enterpriseId: FIRM.id,
      category: "FINANCING",
      title: "续贷困难",
      description: "请协调银行。",
      attachments: [{ fileName: "a.pdf", contentBase64: "data:application/pdf;base64,TVo=" }],
    };
    const refused: MockedResponse = {
      request: { query: reportProblemMutation, variables: { input } },
      result: {
        data: {
          reportProblem: {
            __typename: "ReportProblemPayload",
            problem: null,
            userErrors: [
              {
                __typename: "UserError",
                code: "ATTACHMENT_TYPE_FORBIDDEN",
                field: ["input", "attachments"],
                message: "附件“a.pdf”的类型不允许",
              },
            ],
          },
        },
      },
    };
    renderAt("/me/desk/report", "/me/desk/report", <ReportProblemPage />, [enterprisesAnswer([FIRM]), refused]);
    await screen.findByRole("button", { name: /提交反映/ });
    fireEvent.click(screen.getByText("融资"));
    fireEvent.change(screen.getByLabelText("标题"), { target: { value: "续贷困难" } });
    fireEvent.change(screen.getByLabelText("问题描述"), { target: { value: "请协调银行。" } });
    const exe = new File([new Uint8Array([0x4d, 0x5a])], "a.pdf", { type: "application/pdf" });
    fireEvent.change(screen.getByLabelText("附件（选填）"), { target: { files: [exe] } });
    await screen.findByRole("button", { name: "移除 a.pdf" });
    fireEvent.click(screen.getByRole("button", { name: /提交反映/ }));
    await waitFor(() => expect(formItemOf("附件（选填）").textContent).toContain("附件“a.pdf”的类型不允许"));
    expect(screen.queryByText("the problem")).toBeNull();
  });
});

describe("我的诉求: a problem's page", () => {
  const answered = {
    __typename: "Problem",
    id: "UHJvYmxlbTox",
    title: "续贷困难",
    description: "请协调银行。",
    category: "FINANCING",
    status: "ANSWERED",
    level: "DEPARTMENT",
    rating: null,
    answer: "已协调。",
    answeredAt: "2026-12-05T01:00:00.000Z",
    dueAt: "2026-12-20T01:00:00.000Z",
    createdAt: "2026-12-01T01:00:00.000Z",
    enterprise: FIRM,
    department: { __typename: "Department", id: "RGVwYXJ0bWVudDox", name: "区金融发展中心" },
    timeline: [
      {
        __typename: "ProblemEvent",
        id: "UHJvYmxlbUV2ZW50OjE=",
        kind: "REPORTED",
        level: "DEPARTMENT",
        note: null,
        byEnterprise: true,
        createdAt: "2026-12-01T01:00:00.000Z",
        department: null,
        attachments: [],
      },
    ],
  };
  const problemAnswer: MockedResponse = {
    request: { query: problemQuery, variables: { id: answered.id } },
    result: { data: { node: answered } },
    maxUsageCount: 5,
  };

  it("asks for a rating, and for a reason when not satisfied; a note or a file to add information", async () => {
    renderAt(`/me/desk/problems/${answered.id}`, "/me/desk/problems/:problemId", <ProblemPage />, [problemAnswer]);
    const rate = await screen.findByRole("button", { name: /提交评价/ });
    fireEvent.click(rate);
    await waitFor(() => expect(screen.getByText("请填写评分")).toBeTruthy());
    fireEvent.click(screen.getByText("不满意"));
    fireEvent.click(rate);
    await waitFor(() => expect(screen.getByText("选择“不满意”时请说明原因")).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: /提交补充/ }));
    await waitFor(() => expect(formItemOf("补充说明").textContent).toContain("请填写补充说明或选择附件"));
  });
});
