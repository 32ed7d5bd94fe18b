import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Form, Input, InputNumber, Modal, Space, Checkbox } from "antd";
import { API_KEY_SCOPES } from "@zuofu/shared";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { ApiKeyFieldsFragment, ApiKeyScope } from "../../gql/graphql";
import { createApiKeyMutation, rotateApiKeyMutation } from "./chambers.documents";
import { scopeLabels } from "./chambers.labels";
import { chamberMessages } from "./chambers.messages";

export interface KeyValues {
  label?: string;
  scopes: ApiKeyScope[];
  expiresInDays: number;
  hourlyBudget: number;
}

export function CreateKeyModal({
  dialog,
  chamberId,
  onSecret,
}: {
  dialog: DialogProps;
  chamberId: string;
  onSecret: (secret: string) => void;
}): ReactNode {
  const t = useT(chamberMessages);
  const locale = useLocale();
  const rules = useRules();
  const [create] = useMutation(createApiKeyMutation, { refetchQueries: ["Chamber"] });
  return (
    <FormModal<KeyValues>
      dialog={dialog}
      title={t("createKey")}
      initialValues={{ scopes: ["PUBLIC_READ"], expiresInDays: 365, hourlyBudget: 5000 }}
      onSubmit={async (values) => {
        const { data } = await create({
          variables: { input: { chamberId, ...values, label: values.label?.trim() || null } },
        });
        const payload = data?.createApiKey;
        if (payload?.secret) onSecret(payload.secret);
        return payload?.userErrors ?? [];
      }}
    >
      <Form.Item name="label" label={t("label")} rules={[rules.maxLength(t("label"), 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="scopes" label={t("scopes")} rules={[rules.requiredValue(t("scopes"))]}>
        <Checkbox.Group
          role="group"
          aria-label={t("scopes")}
          options={API_KEY_SCOPES.map((s) => ({ value: s, label: scopeLabels[locale][s] }))}
        />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="expiresInDays" label={t("expiresInDays")}>
          <InputNumber min={1} max={366} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="hourlyBudget" label={t("hourlyBudget")}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </div>
    </FormModal>
  );
}

export function RotateKeyModal({
  dialog,
  apiKey,
  onSecret,
}: {
  dialog: DialogProps;
  apiKey: ApiKeyFieldsFragment;
  onSecret: (secret: string) => void;
}): ReactNode {
  const t = useT(chamberMessages);
  const [rotate] = useMutation(rotateApiKeyMutation, { refetchQueries: ["Chamber"] });
  return (
    <FormModal<{ overlapHours: number }>
      dialog={dialog}
      title={t("rotateTitle", { label: apiKey.label })}
      okText={t("rotate")}
      initialValues={{ overlapHours: 24 }}
      onSubmit={async (values) => {
        const { data } = await rotate({ variables: { input: { apiKeyId: apiKey.id, ...values } } });
        const payload = data?.rotateApiKey;
        if (payload?.secret) onSecret(payload.secret);
        return payload?.userErrors ?? [];
      }}
    >
      <Form.Item name="overlapHours" label={t("overlapHours")} extra={t("overlapHint")}>
        <InputNumber min={0} max={168} precision={0} style={{ width: "100%" }} />
      </Form.Item>
    </FormModal>
  );
}

/** The new key's secret, shown once: the API keeps only its hash. */
export function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }): ReactNode {
  const t = useT(chamberMessages);
  const [copied, setCopied] = useState(false);
  return (
    <Modal
      open={secret !== null}
      title={t("secretTitle")}
      onCancel={onClose}
      afterClose={() => setCopied(false)}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("close")}
        </Button>
      }
    >
      <p role="alert">{t("secretText")}</p>
      <Space.Compact style={{ width: "100%" }}>
        <Input readOnly value={secret ?? ""} aria-label={t("secretTitle")} style={{ fontFamily: "monospace" }} />
        <Button
          onClick={async () => {
            await navigator.clipboard?.writeText(secret ?? "");
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
