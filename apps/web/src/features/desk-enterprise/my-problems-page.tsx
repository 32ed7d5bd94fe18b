import type { ReactNode } from "react";
import { Link } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatDateTime } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PagedList } from "../../app/paged-list";
import { usePagedQuery } from "../../app/paged-query";
import { myProblemsQuery } from "./desk-enterprise.documents";
import { problemCategoryLabels as categoryLabels } from "../../app/enum-labels";
import { deskMessages } from "./desk-enterprise.messages";
import { StatusTag } from "./status-tag";
import "./desk-enterprise.css";

/** 我的诉求 (/me/desk/problems): the problems of the enterprises the person speaks for, newest first. */
export function MyProblemsPage(): ReactNode {
  const t = useT(deskMessages);
  const locale = useLocale();
  const paged = usePagedQuery(myProblemsQuery, { variables: {}, select: (data) => data.problems });
  return (
    <>
      <h1 className="page-title">{t("myProblemsTitle")}</h1>
      <p className="muted">
        {t("myProblemsIntro")} <Link to="/me/desk/report">{t("reportTitle")}</Link>
      </p>
      <PagedList
        paged={paged}
        label={t("problemsList")}
        empty={
          <>
            {t("noProblems")}{" "}
            <ButtonLink type="primary" to="/me/desk/report">
              {t("reportTitle")}
            </ButtonLink>
          </>
        }
        renderItem={(p) => (
          <article className="card">
            <div className="card-head">
              <h2>
                <Link to={`/me/desk/problems/${encodeURIComponent(p.id)}`}>{p.title}</Link>
              </h2>
              <StatusTag status={p.status} />
            </div>
            <p className="card-sub muted">
              {p.enterprise.name} · {categoryLabels[locale][p.category]} · {formatDateTime(p.createdAt, locale)}
            </p>
          </article>
        )}
      />
    </>
  );
}
