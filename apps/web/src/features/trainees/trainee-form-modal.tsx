import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, Radio } from "antd";
import { GENDERS } from "@zuofu/shared";
import { genderLabels } from "../../app/enum-labels";
import { type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { fillGenderFromIdCard, useRules } from "../../app/validation";
import type { Gender, TraineeFieldsFragment } from "../../gql/graphql";
import { EnterpriseSelect } from "../enterprises/enterprise-select";
import { createTraineeMutation, updateTraineeMutation } from "./trainees.documents";
import { traineeMessages } from "./trainees.messages";

interface TraineeValues {
  name: string;
  gender?: Gender | null;
  phone?: string | null;
  idCardNumber?: string;
  position?: string | null;
  enterpriseId?: string | null;
}

/** Creates a trainee record (`trainee` null) or edits one. */
export function TraineeFormModal({
  dialog,
  trainee,
  onSaved,
}: {
  dialog: DialogProps;
  trainee: TraineeFieldsFragment | null;
  onSaved: () => void;
}): ReactNode {
  const t = useT(traineeMessages);
  const locale = useLocale();
  const rules = useRules();
  const [create] = useMutation(createTraineeMutation);
  const [update] = useMutation(updateTraineeMutation);

  // An admin without the staff role is sent masked phones (138****0001): never send one back.
  const phoneMasked = Boolean(trainee?.phone?.includes("*"));

  const onSubmit = async (values: TraineeValues) => {
    const idCard = values.idCardNumber?.trim().toUpperCase();
    const phone = values.phone?.trim();
    const fields = {
      name: values.name.trim(),
      gender: values.gender ?? null,
      ...(phoneMasked && !phone ? {} : { phone: phone || null }),
      position: values.position?.trim() || null,
      enterpriseId: values.enterpriseId ?? null,
      // The list shows a masked number, so only a newly typed one is sent.
      ...(idCard ? { idCardNumber: idCard } : {}),
    };
    const userErrors = trainee
      ? (await update({ variables: { input: { traineeId: trainee.id, ...fields } } })).data?.updateTrainee.userErrors
      : (await create({ variables: { input: fields } })).data?.createTrainee.userErrors;
    if (userErrors && !userErrors.length) onSaved();
    return userErrors ?? [];
  };

  return (
    <FormModal<TraineeValues>
      dialog={dialog}
      title={trainee ? t("editTitle", { name: trainee.name }) : t("createTitle")}
      onValuesChange={fillGenderFromIdCard}
      initialValues={
        trainee
          ? {
              name: trainee.name,
              gender: trainee.gender,
              phone: phoneMasked ? undefined : trainee.phone,
              position: trainee.position,
              enterpriseId: trainee.enterprise?.id ?? null,
            }
          : undefined
      }
      onSubmit={onSubmit}
    >
      <Form.Item name="name" label={t("name")} rules={[rules.required("name"), rules.maxLength("name", 64)]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="gender" label={t("gender")}>
        <Radio.Group
          aria-label={t("gender")}
          options={GENDERS.map((g) => ({ value: g, label: genderLabels[locale][g] }))}
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t("phone")}
        extra={phoneMasked ? t("phoneKeep") : undefined}
        rules={[rules.phone()]}
      >
        <Input inputMode="tel" maxLength={20} placeholder={phoneMasked ? (trainee?.phone ?? undefined) : undefined} />
      </Form.Item>
      <Form.Item
        name="idCardNumber"
        label={t("idCardNumber")}
        extra={trainee?.idCardNumber ? t("idCardKeep") : undefined}
        rules={[rules.idCard()]}
      >
        <Input maxLength={18} autoComplete="off" placeholder={trainee?.idCardNumber ?? undefined} />
      </Form.Item>
      <Form.Item name="position" label={t("position")} rules={[rules.maxLength("position", 64)]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="enterpriseId" label={t("enterprise")}>
        <EnterpriseSelect current={trainee?.enterprise} />
      </Form.Item>
    </FormModal>
  );
}
