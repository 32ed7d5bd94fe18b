import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Form, Input, Radio } from "antd";
import { GENDERS } from "@zuofu/shared";
import { genderLabels } from "../../app/enum-labels";
import { useLocale, useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { PageError, PageLoading } from "../../app/page-state";
import { fillGenderFromIdCard, useRules } from "../../app/validation";
import type { Gender, MyTraineeFieldsFragment } from "../../gql/graphql";
import { EnterprisePicker } from "../enterprises/enterprise-picker";
import { IdCardDisplay } from "./id-card-field";
import { myProfileQuery, updateMyProfileMutation } from "./profile.documents";
import { profileMessages } from "./profile.messages";

export function ProfilePage(): ReactNode {
  const t = useT(profileMessages);
  const { data, loading, error, refetch } = useQuery(myProfileQuery);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const me = data?.me;
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {me && (
        <section className="panel" aria-labelledby="account-title">
          <h2 id="account-title">{t("account")}</h2>
          <dl className="facts">
            <dt>{t("loginPhone")}</dt>
            <dd>{me.phone}</dd>
          </dl>
          <p className="muted" style={{ margin: "8px 0 0", fontSize: 13 }}>
            {t("loginPhoneHint")}
          </p>
        </section>
      )}
      {me?.trainee ? (
        <ProfileForm trainee={me.trainee} />
      ) : me?.traineeClaim?.status === "PENDING" ? (
        <Alert type="info" showIcon role="status" title={t("claimPending")} />
      ) : (
        <p className="panel muted">{t("noTrainee")}</p>
      )}
    </>
  );
}

interface ProfileValues {
  name: string;
  gender?: Gender | null;
  position?: string | null;
  enterpriseId?: string | null;
  idCardNumber?: string;
}

function ProfileForm({ trainee }: { trainee: MyTraineeFieldsFragment }): ReactNode {
  const t = useT(profileMessages);
  const locale = useLocale();
  const rules = useRules();
  const [saved, setSaved] = useState(false);
  const [savedPending, setSavedPending] = useState(false);
  const [form] = Form.useForm<ProfileValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [update] = useMutation(updateMyProfileMutation);
  const [changingIdCard, setChangingIdCard] = useState(false);
  // The enterprise the trainee last named: a claim staff have not confirmed yet, or the record's.
  const pending = trainee.pendingEnterpriseLink;
  const named = pending?.enterprise ?? trainee.enterprise ?? null;
  const latest = trainee.enterpriseLinks[0];
  const rejected = !pending && latest?.status === "REJECTED" ? latest : null;

  const onFinish = async (values: ProfileValues) => {
    const idCard = values.idCardNumber?.trim().toUpperCase();
    setSaved(false);
    const ok = await submit(async () => {
      const { data } = await update({
        variables: {
          input: {
            name: values.name.trim(),
            gender: values.gender ?? null,
            position: values.position?.trim() || null,
            // Sent only when changed, so that saving other fields leaves a pending claim alone.
            ...((values.enterpriseId ?? null) !== (named?.id ?? null)
              ? { enterpriseId: values.enterpriseId ?? null }
              : {}),
            // Omitted unless the trainee chose to change it: omitted fields stay as they are.
            ...(changingIdCard && idCard ? { idCardNumber: idCard } : {}),
          },
        },
      });
      setSavedPending(Boolean(data?.updateMyProfile.trainee?.pendingEnterpriseLink));
      return data?.updateMyProfile.userErrors ?? [];
    });
    if (ok) {
      setSaved(true);
      setChangingIdCard(false);
      form.setFieldValue("idCardNumber", undefined);
    }
  };

  return (
    <section className="panel" aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">{t("details")}</h2>
      {saved && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t(savedPending ? "savedPending" : "saved")}
          className="form-errors"
        />
      )}
      {errorsAlert}
      <Form<ProfileValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<ProfileValues>) => fillGenderFromIdCard(changed, form)}
        initialValues={{
          name: trainee.name,
          gender: trainee.gender,
          position: trainee.position,
          enterpriseId: named?.id ?? null,
        }}
      >
        <Form.Item name="name" label={t("name")} rules={[rules.required("name"), rules.maxLength("name", 64)]}>
          <Input autoComplete="name" maxLength={64} />
        </Form.Item>
        <Form.Item name="gender" label={t("gender")}>
          <Radio.Group
            aria-label={t("gender")}
            options={GENDERS.map((g) => ({ value: g, label: genderLabels[locale][g] }))}
          />
        </Form.Item>
        <Form.Item name="position" label={t("position")} rules={[rules.maxLength("position", 64)]}>
          <Input maxLength={64} placeholder={t("positionPlaceholder")} autoComplete="organization-title" />
        </Form.Item>
        <Form.Item
          name="enterpriseId"
          label={t("enterprise")}
          extra={
            pending ? (
              <span className="enterprise-pending" role="status">
                {t("enterprisePending", {
                  name: pending.enterprise.name,
                  current: trainee.enterprise?.name ?? t("enterpriseNone"),
                })}
              </span>
            ) : rejected ? (
              <span role="status">
                {t("enterpriseRejected", { name: rejected.enterprise.name, reason: rejected.decisionReason ?? "" })}
              </span>
            ) : undefined
          }
        >
          <EnterprisePicker current={named} />
        </Form.Item>
        {changingIdCard ? (
          <Form.Item
            name="idCardNumber"
            label={t("newIdCard")}
            extra={
              <>
                {t("idCardPrivacy")}{" "}
                <Button type="link" size="small" onClick={() => setChangingIdCard(false)} style={{ padding: 0 }}>
                  {t("cancelChange")}
                </Button>
              </>
            }
            rules={[rules.required("idCardNumber"), rules.idCard()]}
          >
            <Input maxLength={18} autoComplete="off" autoFocus />
          </Form.Item>
        ) : (
          <div className="form-block" role="group" aria-labelledby="id-card-label">
            <div id="id-card-label" className="form-block-label">
              {t("idCardNumber")}
            </div>
            <div style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center" }}>
              <IdCardDisplay number={trainee.idCardNumber} labelId="id-card-label" />
              <Button size="small" onClick={() => setChangingIdCard(true)}>
                {trainee.idCardNumber ? t("change") : t("add")}
              </Button>
            </div>
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={submitting} disabled={submitting} block>
          {t("save")}
        </Button>
      </Form>
    </section>
  );
}
