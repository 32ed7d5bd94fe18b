import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, InputNumber, Select, Switch } from "antd";
import { ENTERPRISE_SIZES } from "@zuofu/shared";
import { sizeLabels } from "../../app/enum-labels";
import { type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { EnterpriseFieldsFragment, EnterpriseSize } from "../../gql/graphql";
import { createEnterpriseMutation, updateEnterpriseMutation } from "./enterprises.documents";
import { enterpriseMessages } from "./enterprises.messages";

interface EnterpriseValues {
  name: string;
  creditCode: string;
  industry?: string | null;
  town?: string | null;
  size?: EnterpriseSize | null;
  foundedYear?: number | null;
  listed?: boolean;
  stockCode?: string | null;
}

const blankToNull = (value?: string | null) => value?.trim() || null;

/** Creates an enterprise (`enterprise` null) or edits one. */
export function EnterpriseFormModal({
  dialog,
  enterprise,
  onSaved,
}: {
  dialog: DialogProps;
  enterprise: EnterpriseFieldsFragment | null;
  onSaved: () => void;
}): ReactNode {
  const t = useT(enterpriseMessages);
  const locale = useLocale();
  const rules = useRules();
  const [create] = useMutation(createEnterpriseMutation);
  const [update] = useMutation(updateEnterpriseMutation);

  const onSubmit = async (values: EnterpriseValues) => {
    const fields = {
      name: values.name.trim(),
      creditCode: values.creditCode.trim().toUpperCase(),
      industry: blankToNull(values.industry),
      town: blankToNull(values.town),
      size: values.size ?? null,
      foundedYear: values.foundedYear ?? null,
      listed: Boolean(values.listed),
      stockCode: values.listed ? blankToNull(values.stockCode) : null,
    };
    const userErrors = enterprise
      ? (await update({ variables: { input: { enterpriseId: enterprise.id, ...fields } } })).data?.updateEnterprise
          .userErrors
      : (await create({ variables: { input: fields } })).data?.createEnterprise.userErrors;
    if (userErrors && !userErrors.length) onSaved();
    return userErrors ?? [];
  };

  return (
    <FormModal<EnterpriseValues>
      dialog={dialog}
      title={enterprise ? t("editTitle", { name: enterprise.name }) : t("createTitle")}
      initialValues={enterprise ?? { listed: false }}
      onSubmit={onSubmit}
    >
      <Form.Item name="name" label={t("name")} rules={[rules.required("name"), rules.maxLength("name", 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t("creditCode")}
        extra={t("creditCodeHint")}
        rules={[rules.required("creditCode"), rules.creditCode()]}
        normalize={(value?: string) => value?.toUpperCase()}
      >
        <Input maxLength={18} autoComplete="off" style={{ fontFamily: "monospace" }} />
      </Form.Item>
      <Form.Item name="industry" label={t("industry")} rules={[rules.maxLength("industry", 64)]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="town" label={t("town")} rules={[rules.maxLength("town", 64)]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="size" label={t("size")}>
        <Select
          allowClear
          options={ENTERPRISE_SIZES.map((size) => ({ value: size, label: sizeLabels[locale][size] }))}
        />
      </Form.Item>
      <Form.Item name="foundedYear" label={t("foundedYear")}>
        <InputNumber min={1800} max={new Date().getFullYear()} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="listed" label={t("listed")} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item noStyle dependencies={["listed"]}>
        {({ getFieldValue }) =>
          getFieldValue("listed") ? (
            <Form.Item name="stockCode" label={t("stockCode")} rules={[rules.maxLength("stockCode", 16)]}>
              <Input maxLength={16} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </FormModal>
  );
}
