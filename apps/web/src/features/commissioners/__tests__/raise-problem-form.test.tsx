import { act, fireEvent, render, screen } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { setLocale } from "../../../app/i18n";
import { raiseProblemMutation } from "../commissioners.documents";
import { RaiseProblemForm } from "../raise-problem-form";

const visit = {
  __typename: "Visit" as const,
  id: "VmlzaXQ6MQ",
  visitedOn: "2026-12-01",
  met: "何建国（总经理）",
  findings: "数控技工缺口约30人。",
  enterprise: { __typename: "Enterprise" as const, id: "RW50ZXJwcmlzZTox", name: "重庆测试机电" },
  problems: [],
};

function raised(answer: object): MockedResponse {
  return {
    request: {
      query: raiseProblemMutation,
      variables: {
        input: {
          category: "EMPLOYMENT",
          title: "数控技工招聘难",
          description: visit.findings,
          enterpriseId: visit.enterprise.id,
          visitId: visit.id,
        },
      },
    },
    result: { data: { reportProblem: { __typename: "ReportProblemPayload", ...answer } } },
  };
}

async function fill() {
  fireEvent.mouseDown(screen.getByRole("combobox", { name: "问题类别" }));
  fireEvent.click(await screen.findByText("用工"));
  fireEvent.change(screen.getByLabelText("问题标题"), { target: { value: "数控技工招聘难" } });
  fireEvent.click(screen.getByRole("button", { name: "提交问题" }));
}

describe("a problem raised from a visit", () => {
  beforeEach(() => act(() => setLocale("zh-CN")));

  it("asks for a category and a title before sending anything; the description starts from the findings", async () => {
    render(
      <MockedProvider mocks={[]}>
        <RaiseProblemForm visit={visit} onClose={() => undefined} />
      </MockedProvider>,
    );
    expect((screen.getByLabelText("问题描述") as HTMLTextAreaElement).value).toBe(visit.findings);
    fireEvent.click(screen.getByRole("button", { name: "提交问题" }));
    expect(await screen.findByText("请填写问题类别")).toBeTruthy();
    expect(screen.getByText("请填写问题标题")).toBeTruthy();
  });

  it("shows the desk's refusal and keeps what was typed", async () => {
    render(
      <MockedProvider
        mocks={[
          raised({
            problem: null,
            userErrors: [
              {
                __typename: "UserError",
                code: "NOT_LINKED_ENTERPRISE",
                field: ["input", "enterpriseId"],
                message: "您不能为该企业反映问题",
              },
            ],
          }),
        ]}
      >
        <RaiseProblemForm visit={visit} onClose={() => undefined} />
      </MockedProvider>,
    );
    await fill();
    expect(await screen.findByText("您不能为该企业反映问题")).toBeTruthy();
    expect(screen.queryByText("问题已提交直通车")).toBeNull();
    expect((screen.getByLabelText("问题标题") as HTMLInputElement).value).toBe("数控技工招聘难");
  });
});
