import { useCallback, useRef, useState, type ReactNode } from "react";
import { Button } from "antd";
import { DownOutlined, UserOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { NotificationBell } from "../../features/notifications/notification-bell";
import { ButtonLink } from "../button-link";
import { browserZoneDiffers } from "../format";
import { useT } from "../i18n";
import { LanguageSwitch } from "../language-switch";
import { TextSizeSwitch } from "../text-size";
import { appMessages } from "../messages";
import { ANY_CONSOLE_ROLES, hasAnyRole, passwordPathFor } from "../roles";
import { useSession } from "../session";
import { useDismiss } from "../use-dismiss";

export function AppHeader(): ReactNode {
  const t = useT(appMessages);
  const { viewer } = useSession();
  return (
    <>
      <header className="app-header">
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" data-text="作孚" />
          <span className="brand-full">{t("instituteName")}</span>
          <span className="brand-short" aria-hidden="true" data-text={t("brand")} />
        </Link>
        <div className="header-tools">
          <TextSizeSwitch />
          <LanguageSwitch />
          {viewer ? (
            <>
              <NotificationBell />
              <UserMenu />
            </>
          ) : (
            <nav aria-label={t("mainNav")} className="header-links">
              <ButtonLink type="text" to="/login">
                {t("login")}
              </ButtonLink>
              <ButtonLink type="primary" to="/register">
                {t("register")}
              </ButtonLink>
            </nav>
          )}
        </div>
      </header>
      {browserZoneDiffers() && <p className="zone-note">{t("zoneNote")}</p>}
    </>
  );
}

/** A disclosure (button + list of links), light enough for the first load on a phone. */
function UserMenu(): ReactNode {
  const t = useT(appMessages);
  const { viewer, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, button);

  if (!viewer) return null;
  const links = [
    ...(hasAnyRole(viewer.roles, ANY_CONSOLE_ROLES) ? [{ to: "/console", label: t("console") }] : []),
    ...(viewer.roles.includes("TRAINEE") ? [{ to: "/me/cohorts", label: t("portal") }] : []),
    ...(viewer.roles.includes("JUDGE") ? [{ to: "/judge", label: t("judging") }] : []),
    ...(viewer.roles.includes("COMMISSIONER") ? [{ to: "/commissioner", label: t("myEnterprises") }] : []),
    viewer.roles.includes("ENTERPRISE_CONTACT")
      ? { to: "/me/desk/problems", label: t("deskProblems") }
      : { to: "/me/desk/bind", label: t("deskBind") },
    { to: "/me/notifications", label: t("notificationSettings") },
    { to: passwordPathFor(viewer.roles), label: t("changePassword") },
    { to: passwordPathFor(viewer.roles).replace(/password$/, "phone"), label: t("changePhone") },
  ];
  return (
    <div className="user-menu" ref={root}>
      <Button
        ref={button}
        type="text"
        className="user-button"
        aria-label={`${t("userMenu")}: ${viewer.name}`}
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={() => setOpen(!open)}
      >
        <UserOutlined aria-hidden="true" />
        <span className="user-name">{viewer.name}</span>
        <DownOutlined aria-hidden="true" />
      </Button>
      {open && (
        <ul id="user-menu-panel" className="user-menu-panel">
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to} onClick={() => setOpen(false)}>
                {link.label}
              </Link>
            </li>
          ))}
          <li className="separator" aria-hidden="true" />
          <li>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                signOut();
              }}
            >
              {t("logout")}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
