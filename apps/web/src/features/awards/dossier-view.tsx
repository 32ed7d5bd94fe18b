import type { ReactNode } from "react";
import { honorKindLabels, honorLevelLabels, programmeLabels } from "../../app/enum-labels";
import { cohortTitle } from "@zuofu/shared";
import { formatDateTime, formatDay, formatDays, formatNumber } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import type { DossierFieldsFragment } from "../../gql/graphql";
import { eventKindLabels } from "../events/events.labels";
import { eligibilityRuleLabels } from "./awards.labels";
import { awardMessages } from "./awards.messages";

/** A nominee's record as the cycle sees it: each eligibility rule with its evidence, then the record itself. */
export function DossierView({ dossier }: { dossier: DossierFieldsFragment }): ReactNode {
  const t = useT(awardMessages);
  const locale = useLocale();
  const none = <p className="muted">{t("none")}</p>;
  return (
    <div>
      <p className="muted">
        {dossier.frozenAt ? t("dossierFrozen", { date: formatDateTime(dossier.frozenAt, locale) }) : t("dossierLive")}
      </p>
      <section className="dossier-section" aria-labelledby="eligibility-title">
        <h3 id="eligibility-title">{t("eligibility")}</h3>
        {dossier.eligibility.length === 0 ? (
          none
        ) : (
          <ul className="plain-list">
            {dossier.eligibility.map((check, i) => (
              <li key={i} className={check.met ? "rule-met" : "rule-not-met"}>
                {check.met ? "✓" : "✗"}{" "}
                {eligibilityRuleLabels[locale][check.rule.type]
                  .replace("{honor}", check.rule.honorKind ? honorKindLabels[locale][check.rule.honorKind] : "")
                  .replace("{years}", String(check.rule.years ?? ""))}{" "}
                <span className="muted">{check.met ? t("met") : t("notMet")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="dossier-section" aria-labelledby="honors-title">
        <h3 id="honors-title">{t("honors")}</h3>
        {dossier.honors.length === 0
          ? none
          : dossier.honors.map((h, i) => (
              <p key={i} style={{ margin: 0 }}>
                {h.year} · {honorKindLabels[locale][h.kind]}（{honorLevelLabels[locale][h.level]}）
              </p>
            ))}
      </section>
      <section className="dossier-section" aria-labelledby="social-title">
        <h3 id="social-title">{t("socialRecords")}</h3>
        {dossier.socialRecords.length === 0
          ? none
          : dossier.socialRecords.map((r, i) => (
              <p key={i} style={{ margin: 0 }}>
                {r.year} · {programmeLabels[locale][r.programme]} ·{" "}
                {t("yuan", { amount: formatNumber(r.amountYuan, locale) })}
                {r.description ? ` · ${r.description}` : ""}
              </p>
            ))}
      </section>
      <section className="dossier-section" aria-labelledby="training-title">
        <h3 id="training-title">{t("training")}</h3>
        {dossier.training.length === 0
          ? none
          : dossier.training.map((c, i) => (
              <p key={i} style={{ margin: 0 }}>
                {c.traineeName} · {cohortTitle(c.courseTitle, c.cohortNumber, locale)} ·{" "}
                {formatDays(c.startsOn, c.endsOn, locale)}
                {c.certificateSerial ? ` · ${c.certificateSerial}` : ""}
              </p>
            ))}
      </section>
      <section className="dossier-section" aria-labelledby="events-title">
        <h3 id="events-title">{t("events")}</h3>
        {dossier.events.length === 0
          ? none
          : dossier.events.map((e, i) => (
              <p key={i} style={{ margin: 0 }}>
                {e.traineeName} · {eventKindLabels[locale][e.kind]} · {e.title} · {formatDay(e.startsOn, locale)}
              </p>
            ))}
      </section>
      <section className="dossier-section" aria-labelledby="prior-title">
        <h3 id="prior-title">{t("priorAwards")}</h3>
        {dossier.priorAwards.length === 0
          ? none
          : dossier.priorAwards.map((a, i) => (
              <p key={i} style={{ margin: 0 }}>
                {a.year} · {a.programName} · {a.winnerName}
              </p>
            ))}
      </section>
    </div>
  );
}
