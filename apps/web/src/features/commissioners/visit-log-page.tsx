import { useState, type ReactNode } from "react";
import { Button, Tag } from "antd";
import { Link, useSearchParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { problemCategoryLabels, problemStatusLabels } from "../../app/enum-labels";
import { formatDay } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { lazyComponent } from "../../app/lazy";
import { appMessages } from "../../app/messages";
import { PagedList } from "../../app/paged-list";
import { usePagedQuery } from "../../app/paged-query";
import type { CommissionerVisitsQuery } from "../../gql/graphql";
import { visitsQuery } from "./commissioners.documents";
import { commissionerMessages } from "./commissioners.messages";

type Visit = CommissionerVisitsQuery["visits"]["edges"][number]["node"];

/** The problem form (antd's Form and Select) loads when a visit's button opens it, not with the log. */
const RaiseProblemForm = lazyComponent(() => import("./raise-problem-form"), "RaiseProblemForm", null);

/** 走访记录 (/commissioner/visits, ?enterprise= for one enterprise): latest first, problems raised from each. */
export function VisitLogPage(): ReactNode {
  const t = useT(commissionerMessages);
  const [params] = useSearchParams();
  const enterpriseId = params.get("enterprise");
  const paged = usePagedQuery(visitsQuery, {
    variables: { filter: enterpriseId ? { enterpriseId } : null },
    select: (data) => data.visits,
    pageSize: 20,
  });
  const name = enterpriseId ? paged.nodes[0]?.enterprise.name : undefined;
  return (
    <>
      <h1 className="page-title">{name ? t("visitsOf", { name }) : t("visitLog")}</h1>
      <p className="muted">{t("visitLogIntro")}</p>
      <p className="page-toolbar">
        <ButtonLink
          type="primary"
          to={`/commissioner/visits/new${enterpriseId ? `?enterprise=${encodeURIComponent(enterpriseId)}` : ""}`}
        >
          {t("logVisit")}
        </ButtonLink>
        {enterpriseId ? <Link to="/commissioner/visits">{t("allVisits")}</Link> : null}
      </p>
      <PagedList
        paged={paged}
        label={t("visitLog")}
        empty={t("noVisits")}
        renderItem={(visit) => <VisitCard visit={visit} />}
      />
    </>
  );
}

function VisitCard({ visit }: { visit: Visit }): ReactNode {
  const t = useT(commissionerMessages);
  const app = useT(appMessages);
  const locale = useLocale();
  const [raising, setRaising] = useState(false);
  return (
    <article className="card" aria-labelledby={`visit-${visit.id}`}>
      <div className="card-head">
        <h2 id={`visit-${visit.id}`} className="card-title">
          {visit.enterprise.name}
        </h2>
        <span className="muted">{formatDay(visit.visitedOn, locale)}</span>
      </div>
      <p>{app("labelled", { label: t("met"), value: visit.met })}</p>
      <p style={{ whiteSpace: "pre-wrap" }}>{visit.findings}</p>
      {visit.problems.length > 0 && (
        <section aria-label={t("raised")}>
          <h3>{t("raised")}</h3>
          <ul className="plain-list">
            {visit.problems.map((p) => (
              <li key={p.id}>
                <Tag>{problemCategoryLabels[locale][p.category]}</Tag>
                {p.title} <Tag color="blue">{problemStatusLabels[locale][p.status]}</Tag>
              </li>
            ))}
          </ul>
        </section>
      )}
      {raising ? (
        <RaiseProblemForm visit={visit} onClose={() => setRaising(false)} />
      ) : (
        <Button onClick={() => setRaising(true)}>{t("raiseProblem")}</Button>
      )}
    </article>
  );
}
