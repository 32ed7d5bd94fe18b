import type { ReactNode } from "react";
import { Tag } from "antd";
import { Link } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatDay } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { PagedList } from "../../app/paged-list";
import { usePagedQuery } from "../../app/paged-query";
import { myEnterprisesQuery } from "./commissioners.documents";
import { commissionerMessages } from "./commissioners.messages";

/** Days without a visit after which a key enterprise is due one (the API's VISIT_DUE_DAYS). */
export const VISIT_DUE_DAYS = 90;

/** 我的企业 (/commissioner): the key enterprises a commissioner serves, longest unvisited first. */
export function MyEnterprisesPage(): ReactNode {
  const t = useT(commissionerMessages);
  const app = useT(appMessages);
  const locale = useLocale();
  const paged = usePagedQuery(myEnterprisesQuery, {
    variables: {},
    select: (data) => data.commissionerAssignments,
    pageSize: 50,
  });
  return (
    <>
      <h1 className="page-title">{t("myEnterprises")}</h1>
      <p className="muted">{t("myEnterprisesIntro", { days: VISIT_DUE_DAYS })}</p>
      <PagedList
        paged={paged}
        label={t("myEnterprises")}
        empty={t("noEnterprises")}
        renderItem={(a) => (
          <article className="card" aria-labelledby={`enterprise-${a.id}`}>
            <div className="card-head">
              <h2 id={`enterprise-${a.id}`} className="card-title">
                <Link to={`/commissioner/visits?enterprise=${encodeURIComponent(a.enterprise.id)}`}>
                  {a.enterprise.name}
                </Link>
              </h2>
              {a.visitOverdue && <Tag color="red">{t("overdue")}</Tag>}
            </div>
            <p className="muted">
              {a.enterprise.town ? `${a.enterprise.town} · ` : ""}
              {app("labelled", {
                label: t("lastVisit"),
                value: a.lastVisitOn ? formatDay(a.lastVisitOn, locale) : t("neverVisited"),
              })}
            </p>
            <ButtonLink to={`/commissioner/visits/new?enterprise=${encodeURIComponent(a.enterprise.id)}`}>
              {t("logVisit")}
            </ButtonLink>
          </article>
        )}
      />
    </>
  );
}
