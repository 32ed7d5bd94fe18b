import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { assignmentQuery, submitScoresMutation } from "../awards.documents";
import { JudgeAssignmentPage } from "../judge-assignment-page";

const ID = "QXdhcmRKdWRnZUFzc2lnbm1lbnQ6MQ";
const criteria = [
  { __typename: "AwardCriterion", id: "c1", name: "经营业绩", description: null, weight: 60, position: 1 },
  { __typename: "AwardCriterion", id: "c2", name: "社会责任", description: "带动就业与公益", weight: 40, position: 2 },
];

const assignment = {
  __typename: "AwardJudgeAssignment",
  id: ID,
  nomineeName: "重庆神驰机电股份有限公司",
  complete: false,
  weightedScore: null,
  conflict: null,
  conflictReason: null,
  conflictDeclaredAt: null,
  scores: [],
  cycle: {
    __typename: "AwardCycle",
    id: "cy1",
    title: "2026年度优秀民营企业",
    year: 2026,
    phase: "JUDGING",
    // Far ahead: the sheet is open while judging has not ended.
    judgingEndsAt: "2099-12-12T06:44:00.000Z",
    program: { __typename: "AwardProgram", id: "p1", name: "优秀民营企业" },
    criteria,
  },
  nomination: {
    __typename: "AwardNomination",
    id: "n1",
    nomineeKind: "ENTERPRISE",
    nomineeName: "重庆神驰机电股份有限公司",
    justification: "坚持诚信经营。",
    eligible: true,
    enterprise: { __typename: "Enterprise", id: "e1", name: "重庆神驰机电股份有限公司" },
    trainee: null,
    dossier: {
      __typename: "AwardDossier",
      eligible: true,
      frozenAt: "2026-11-22T14:44:00.000Z",
      eligibility: [],
      honors: [],
      socialRecords: [],
      training: [],
      events: [],
      priorAwards: [],
    },
  },
};

const sent = {
  nominationId: "n1",
  scores: [
    { criterionId: "c1", score: 8, comment: "业绩突出" },
    { criterionId: "c2", score: 7, comment: null },
  ],
};

function scoresAnswer(result: Record<string, unknown>): MockedResponse {
  return {
    request: { query: submitScoresMutation, variables: { input: sent } },
    result: {
      data: { submitScores: { __typename: "SubmitScoresPayload", assignment: null, userErrors: [], ...result } },
    },
  };
}

function renderPage(mocks: MockedResponse[]) {
  return render(
    <MockedProvider
      mocks={[
        { request: { query: assignmentQuery, variables: { id: ID } }, result: { data: { node: assignment } } },
        ...mocks,
      ]}
    >
      <MemoryRouter initialEntries={[`/judge/assignments/${ID}`]}>
        <Routes>
          <Route path="/judge/assignments/:assignmentId" element={<JudgeAssignmentPage />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

async function fillAndSave() {
  fireEvent.change(await screen.findByLabelText("经营业绩 · 得分"), { target: { value: "8" } });
  fireEvent.change(screen.getByLabelText("经营业绩 · 评语"), { target: { value: " 业绩突出 " } });
  fireEvent.change(screen.getByLabelText("社会责任 · 得分"), { target: { value: "7" } });
  fireEvent.click(screen.getByRole("button", { name: "保存评分" }));
}

describe("the judge's score sheet", () => {
  it("sends one score per criterion, with its comment, and says it is saved", async () => {
    renderPage([
      scoresAnswer({
        assignment: {
          ...assignment,
          complete: true,
          weightedScore: 7.6,
          scores: sent.scores.map((s, i) => ({
            __typename: "AwardScore",
            id: `s${i}`,
            score: s.score,
            comment: s.comment,
            updatedAt: "2026-11-28T01:00:00.000Z",
            criterion: { __typename: "AwardCriterion", id: s.criterionId },
          })),
        },
      }),
    ]);
    await fillAndSave();
    expect(await screen.findByText("评分已保存")).toBeTruthy();
    expect(screen.getByText(/加权得分 7\.6 \/ 10 分/)).toBeTruthy();
  });

  it("refuses a half point or an 11 beside its field, as typed, and sends nothing", async () => {
    renderPage([]);
    fireEvent.change(await screen.findByLabelText("经营业绩 · 得分"), { target: { value: "8.5" } });
    fireEvent.change(screen.getByLabelText("社会责任 · 得分"), { target: { value: "11" } });
    fireEvent.click(screen.getByRole("button", { name: "保存评分" }));
    const item = (label: string) => screen.getByLabelText(label).closest(".ant-form-item")!.textContent;
    await waitFor(() => expect(item("经营业绩 · 得分")).toContain("得分须为0到10之间的整数"));
    expect(item("社会责任 · 得分")).toContain("得分须在0到10之间");
    expect((screen.getByLabelText("经营业绩 · 得分") as HTMLInputElement).value).toBe("8.5");
  });

  it("asks for every score before sending", async () => {
    renderPage([]);
    fireEvent.click(await screen.findByRole("button", { name: "保存评分" }));
    await waitFor(() =>
      expect(screen.getByLabelText("社会责任 · 得分").closest(".ant-form-item")!.textContent).toContain("请填写得分"),
    );
  });

  it("shows the server's refusal above the sheet and keeps the scores typed", async () => {
    renderPage([
      scoresAnswer({
        userErrors: [
          { __typename: "UserError", code: "JUDGING_CLOSED", field: ["input", "nominationId"], message: "评审已截止" },
        ],
      }),
    ]);
    await fillAndSave();
    expect((await screen.findByRole("alert")).textContent).toContain("评审已截止");
    expect((screen.getByLabelText("经营业绩 · 得分") as HTMLInputElement).value).toBe("8");
  });
});
