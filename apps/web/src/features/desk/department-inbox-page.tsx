import { useState, type ReactNode } from "react";
import { Checkbox } from "antd";
import { useT } from "../../app/i18n";
import { usePagedQuery } from "../../app/paged-table";
import { deskProblemsQuery } from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";
import { ProblemTable } from "./problem-table";

/** A department's handlers: what the department owes an answer to, the earliest due date (the overdue) first. */
export function DepartmentInboxPage(): ReactNode {
  const t = useT(deskStaffMessages);
  const [overdue, setOverdue] = useState(false);
  const paged = usePagedQuery(deskProblemsQuery, {
    variables: {
      filter: { open: true, level: "DEPARTMENT", ...(overdue ? { overdue: true } : {}) },
      orderBy: "DUE_FIRST",
    },
    select: (data) => data.problems,
  });
  return (
    <>
      <h1 className="page-title">{t("inboxTitle")}</h1>
      <p className="muted">{t("inboxIntro")}</p>
      <div className="page-toolbar">
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          {t("overdueOnlyBox")}
        </Checkbox>
      </div>
      <ProblemTable paged={paged} empty={t("inboxEmpty")} />
    </>
  );
}
