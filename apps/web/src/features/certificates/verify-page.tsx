import type { ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Alert, Button, Form, Input } from "antd";
import { useNavigate, useParams } from "react-router";
import { formatDateTime, formatDays } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PageError, PageLoading } from "../../app/page-state";
import { useRules } from "../../app/validation";
import type { VerifyCertificateQuery } from "../../gql/graphql";
import { verifyCertificateQuery } from "./certificates.documents";
import { certificateMessages } from "./certificates.messages";

type Verification = NonNullable<VerifyCertificateQuery["verifyCertificate"]>;

/**
 * Certificate verification (/verify and /verify/:code): what a certificate's QR code opens.
 * Anyone may check a code; the answer is valid, revoked (with the reason) or not found.
 */
export function VerifyPage(): ReactNode {
  const t = useT(certificateMessages);
  const { code = "" } = useParams();
  const navigate = useNavigate();
  const rules = useRules();
  const trimmed = code.trim();
  const { data, loading, error, refetch } = useQuery(verifyCertificateQuery, {
    variables: { code: trimmed },
    skip: !trimmed,
  });

  return (
    <section className="verify-page" aria-labelledby="verify-title">
      <h1 id="verify-title" className="page-title">
        {t("title")}
      </h1>
      {trimmed && loading && !data && <PageLoading />}
      {trimmed && error && !data && <PageError error={error} onRetry={() => void refetch()} />}
      {trimmed && data && (
        <div aria-live="polite">
          {data.verifyCertificate ? (
            <VerificationResult verification={data.verifyCertificate} />
          ) : (
            <Alert
              type="warning"
              showIcon
              role="alert"
              title={t("notFound")}
              description={t("notFoundText", { code: trimmed })}
            />
          )}
        </div>
      )}
      <div className="panel" style={{ marginTop: 16 }}>
        {trimmed ? <h2>{t("another")}</h2> : <p className="muted">{t("intro")}</p>}
        <Form<{ code: string }>
          key={trimmed}
          layout="vertical"
          initialValues={{ code: "" }}
          onFinish={(values) => navigate(`/verify/${encodeURIComponent(values.code.trim())}`)}
        >
          <Form.Item name="code" label={t("code")} extra={t("codeHint")} rules={[rules.required(t("code"))]}>
            <Input autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={64} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t("check")}
          </Button>
        </Form>
      </div>
    </section>
  );
}

function VerificationResult({ verification: v }: { verification: Verification }): ReactNode {
  const t = useT(certificateMessages);
  const locale = useLocale();
  const revoked = v.status === "REVOKED";
  return (
    <div className={`panel verification ${revoked ? "is-revoked" : "is-valid"}`}>
      <Alert
        type={revoked ? "error" : "success"}
        showIcon
        title={revoked ? t("revoked") : t("valid")}
        description={
          revoked ? (
            <>
              {t("revokedText", { date: v.revokedAt ? formatDateTime(v.revokedAt, locale) : "" })}
              {v.revokeReason && <div>{t("revokeReason", { reason: v.revokeReason })}</div>}
            </>
          ) : (
            t("validText", { issuer: v.issuer })
          )
        }
      />
      <dl className="facts" style={{ marginTop: 16 }}>
        <dt>{t("holder")}</dt>
        <dd>{v.holderName}</dd>
        <dt>{t("certificate")}</dt>
        <dd>{v.title}</dd>
        <dt>{t("serial")}</dt>
        <dd>
          <code>{v.serial}</code>
        </dd>
        {v.courseTitle && (
          <>
            <dt>{t("course")}</dt>
            <dd>
              {v.courseTitle}
              {v.cohortNumber ? ` ${t("cohortNumber", { number: v.cohortNumber })}` : ""}
            </dd>
          </>
        )}
        {v.startsOn && v.endsOn && (
          <>
            <dt>{t("period")}</dt>
            <dd>{formatDays(v.startsOn, v.endsOn, locale)}</dd>
          </>
        )}
        <dt>{t("issuer")}</dt>
        <dd>{v.issuer}</dd>
        <dt>{t("issuedAt")}</dt>
        <dd>{formatDateTime(v.issuedAt, locale)}</dd>
      </dl>
    </div>
  );
}
