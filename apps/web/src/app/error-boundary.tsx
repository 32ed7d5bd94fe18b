import { Component, type ErrorInfo, type ReactNode } from "react";
import { Button } from "antd";
import { useT } from "./i18n";
import { appMessages } from "./messages";
import { PageNotice } from "./page-state";

/**
 * A page that failed to render or load (often a new release replaced its chunk) shows a way to
 * reload instead of a blank screen. `resetKey` (the path) clears the error on navigation.
 */
export class ErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    return this.state.error ? <PageFailed /> : this.props.children;
  }
}

function PageFailed(): ReactNode {
  const t = useT(appMessages);
  return (
    <PageNotice
      title={t("loadError")}
      text={t("networkError")}
      action={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("retry")}
        </Button>
      }
    />
  );
}
