import { fireEvent, render, screen } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { setToken } from "../../../app/auth";
import { meQuery, SessionProvider } from "../../../app/session";
import { CohortPage } from "../cohort-page";
import { cancelEnrollmentMutation, cohortQuery, enrollMutation } from "../training.documents";

const cohort = {
  __typename: "Cohort",
  id: "Q29ob3J0OjQy",
  number: 9,
  title: "民营企业家经营管理研修班 第9期",
  startsOn: "2026-12-28",
  endsOn: "2026-12-30",
  venue: "西南大学经济管理学院",
  capacity: 60,
  seatsTaken: 60,
  waitlistLength: 2,
  status: "OPEN",
  admission: "AUTO",
  openForEnrollment: true,
  enrollmentClosesAt: null,
  course: { __typename: "Course", id: "Q291cnNlOjE", title: "民营企业家经营管理研修班" },
};

const trainee: MockedResponse = {
  request: { query: meQuery },
  result: { data: { me: { __typename: "User", id: "VXNlcjo0", name: "陈志刚", roles: ["TRAINEE"] } } },
};

const enrollment = (status: string, waitlistPosition: number | null) => ({
  __typename: "Enrollment",
  id: "RW5yb2xsbWVudDo5OTk",
  status,
  outcome: null,
  waitlistPosition,
  reason: null,
});

function payload(field: "enroll" | "cancelEnrollment", mine: ReturnType<typeof enrollment> | null, userErrors = []) {
  return {
    data: {
      [field]: {
        __typename: field === "enroll" ? "EnrollPayload" : "CancelEnrollmentPayload",
        enrollment: mine && {
          ...mine,
          cohort: { __typename: "Cohort", id: cohort.id, seatsTaken: 60, waitlistLength: 3, myEnrollment: mine },
        },
        userErrors,
      },
    },
  };
}

/** The cohort page as the API answers it: the panel reads the cohort from the cache the mutations update. */
const cohortAnswer: MockedResponse = {
  request: { query: cohortQuery, variables: { id: cohort.id } },
  result: {
    data: {
      node: {
        ...cohort,
        enrollmentOpensAt: null,
        completionThreshold: 80,
        course: { ...cohort.course, category: null, summary: null, organizers: [] },
        sessions: [],
        myEnrollment: null,
      },
    },
  },
};

function renderPanel(mocks: MockedResponse[], signedIn = true) {
  if (signedIn) setToken("token");
  return render(
    <MockedProvider mocks={[...(signedIn ? [trainee] : []), cohortAnswer, ...mocks]}>
      <MemoryRouter initialEntries={[`/cohorts/${cohort.id}`]}>
        <SessionProvider>
          <Routes>
            <Route path="/cohorts/:cohortId" element={<CohortPage />} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe("enrollment on the cohort page", () => {
  beforeEach(() => window.localStorage.clear());

  it("sends a visitor to log in, and back to this cohort afterwards", async () => {
    renderPanel([], false);
    const link = await screen.findByRole("link", { name: "登录后报名" });
    expect(link.getAttribute("href")).toBe("/login?next=%2Fcohorts%2FQ29ob3J0OjQy");
  });

  it("puts a trainee on the waitlist of a full AUTO cohort and says where they stand", async () => {
    renderPanel([
      {
        request: { query: enrollMutation, variables: { input: { cohortId: cohort.id } } },
        result: payload("enroll", enrollment("WAITLISTED", 3)),
      },
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "报名候补" }));
    expect(await screen.findByText("名额已满，您在候补名单第 3 位，有人取消时将按顺序递补。")).toBeTruthy();
    expect(screen.getByText("候补中")).toBeTruthy();
    expect(screen.getByRole("button", { name: "取消报名" })).toBeTruthy();
  });

  it("shows why an enrollment was refused, and keeps the button", async () => {
    renderPanel([
      {
        request: { query: enrollMutation, variables: { input: { cohortId: cohort.id } } },
        result: {
          data: {
            enroll: {
              __typename: "EnrollPayload",
              enrollment: null,
              userErrors: [
                {
                  __typename: "UserError",
                  code: "ENROLLMENT_CLOSED",
                  field: ["input", "cohortId"],
                  message: "不在报名时间内",
                },
              ],
            },
          },
        },
      },
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "报名候补" }));
    expect((await screen.findByRole("alert")).textContent).toContain("不在报名时间内");
    expect(screen.getByRole("button", { name: "报名候补" })).toBeTruthy();
  });

  it("asks before cancelling, then offers to enroll again", async () => {
    const waiting = enrollment("WAITLISTED", 1);
    renderPanel([
      {
        request: { query: enrollMutation, variables: { input: { cohortId: cohort.id } } },
        result: payload("enroll", waiting),
      },
      {
        request: { query: cancelEnrollmentMutation, variables: { input: { enrollmentId: waiting.id } } },
        result: payload("cancelEnrollment", null),
      },
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "报名候补" }));
    fireEvent.click(await screen.findByRole("button", { name: "取消报名" }));
    expect(screen.getByRole("group", { name: "确定取消报名？名额将让给候补学员。" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "确定取消" }));
    expect(await screen.findByText("已取消报名")).toBeTruthy();
  });
});
