import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, Select } from "antd";
import { CHAMBER_REGION_KINDS } from "@zuofu/shared";
import { DayPicker } from "../../app/date-fields";
import { beijingDay } from "../../app/format";
import { type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { ChamberFieldsFragment, ChamberRegionKind } from "../../gql/graphql";
import { createChamberMutation, updateChamberMutation } from "./chambers.documents";
import { regionLabels } from "./chambers.labels";
import { chamberMessages } from "./chambers.messages";

interface ChamberValues {
  name: string;
  city: string;
  regionKind: ChamberRegionKind;
  partnerSince: string;
  contact?: string | null;
}

/** Registers a partner chamber of commerce (`chamber` null) or edits one (admin). */
export function ChamberFormModal({
  dialog,
  chamber,
  onSaved,
}: {
  dialog: DialogProps;
  chamber: ChamberFieldsFragment | null;
  onSaved: () => void;
}): ReactNode {
  const t = useT(chamberMessages);
  const locale = useLocale();
  const rules = useRules();
  const [create] = useMutation(createChamberMutation);
  const [update] = useMutation(updateChamberMutation);
  const onSubmit = async (values: ChamberValues) => {
    const fields = {
      name: values.name.trim(),
      city: values.city.trim(),
      regionKind: values.regionKind,
      partnerSince: values.partnerSince,
      contact: values.contact?.trim() || null,
    };
    const userErrors = chamber
      ? (await update({ variables: { input: { chamberId: chamber.id, ...fields } } })).data?.updateChamber.userErrors
      : (await create({ variables: { input: fields } })).data?.createChamber.userErrors;
    if (userErrors && !userErrors.length) onSaved();
    return userErrors ?? [];
  };
  return (
    <FormModal<ChamberValues>
      dialog={dialog}
      title={chamber ? t("editTitle", { name: chamber.name }) : t("create")}
      initialValues={chamber ? chamber : { regionKind: "DOMESTIC", partnerSince: beijingDay() }}
      onSubmit={onSubmit}
    >
      <Form.Item name="name" label={t("name")} rules={[rules.required("name"), rules.maxLength("name", 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="city" label={t("city")} rules={[rules.required(t("city")), rules.maxLength(t("city"), 64)]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="regionKind" label={t("region")}>
          <Select options={CHAMBER_REGION_KINDS.map((k) => ({ value: k, label: regionLabels[locale][k] }))} />
        </Form.Item>
      </div>
      <Form.Item name="partnerSince" label={t("partnerSince")} rules={[rules.requiredValue(t("partnerSince"))]}>
        <DayPicker />
      </Form.Item>
      <Form.Item name="contact" label={t("contact")} rules={[rules.maxLength(t("contact"), 100)]}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
