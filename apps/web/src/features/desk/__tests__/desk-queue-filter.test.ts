import { toProblemFilter } from "../desk-queue-page";

describe("the desk queue's filter", () => {
  it("reads report days as whole Beijing days, the last one included, and leaves out what is not set", () => {
    expect(
      toProblemFilter({
        status: "ASSIGNED",
        overdue: true,
        reportedFrom: "2026-11-01",
        reportedTo: "2026-11-30",
        search: "  用地  ",
      }),
    ).toEqual({
      status: "ASSIGNED",
      overdue: true,
      reportedFrom: "2026-10-31T16:00:00.000Z",
      reportedTo: "2026-11-30T16:00:00.000Z",
      search: "用地",
    });
    expect(
      toProblemFilter({ status: "", category: "", departmentId: "", overdue: false, reportedFrom: "", search: " " }),
    ).toEqual({});
  });
});
