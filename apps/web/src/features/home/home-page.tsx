import type { ReactNode } from "react";
import { ButtonLink } from "../../app/button-link";
import { useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { useSession } from "../../app/session";
import { homeMessages } from "./home.messages";
import { StatisticsSection } from "./statistics-section";
import "./home.css";

const ACTIVITIES = [
  ["trainingTitle", "trainingText"],
  ["salonTitle", "salonText"],
  ["awardTitle", "awardText"],
  ["responsibilityTitle", "responsibilityText"],
] as const;

/** The public landing page: who the Institute is and what it does, from the district's article. */
export function HomePage(): ReactNode {
  const t = useT(homeMessages);
  const app = useT(appMessages);
  const { viewer } = useSession();
  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <p className="hero-kicker">{t("kicker")}</p>
        <h1 id="hero-title">{app("instituteName")}</h1>
        <p className="hero-lead">{t("lead")}</p>
        <p>{t("intro1")}</p>
        <p>{t("intro2")}</p>
        <div className="hero-actions">
          {viewer ? (
            <ButtonLink size="large" className="hero-cta" to="/cohorts">
              {t("coursesCta")}
            </ButtonLink>
          ) : (
            <>
              <ButtonLink size="large" className="hero-cta" to="/register">
                {t("registerCta")}
              </ButtonLink>
              <ButtonLink size="large" ghost to="/login">
                {t("loginCta")}
              </ButtonLink>
            </>
          )}
          <ButtonLink size="large" ghost to="/verify">
            {t("verifyCta")}
          </ButtonLink>
        </div>
      </section>
      <StatisticsSection />
      <section className="home-section" aria-labelledby="what-title">
        <h2 id="what-title">{t("whatTitle")}</h2>
        <ul className="activity-grid">
          {ACTIVITIES.map(([title, text]) => (
            <li key={title} className="activity">
              <h3>{t(title)}</h3>
              <p>{t(text)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
