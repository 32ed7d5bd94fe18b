import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Drawer, Form, Input, InputNumber, Popconfirm, Select } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { HONOR_KINDS, HONOR_LEVELS, SOCIAL_PROGRAMMES } from "@zuofu/shared";
import { DayPicker } from "../../app/date-fields";
import { honorKindLabels, honorLevelLabels, programmeLabels } from "../../app/enum-labels";
import { useDialog, type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { useRules } from "../../app/validation";
import { DataTable } from "../../app/data-table";
import type { EnterpriseFieldsFragment, HonorKind, HonorLevel, SocialProgramme } from "../../gql/graphql";
import {
  addHonorMutation,
  addRecordMutation,
  removeHonorMutation,
  removeRecordMutation,
} from "./enterprises.documents";
import { enterpriseMessages } from "./enterprises.messages";

type Honor = EnterpriseFieldsFragment["honors"][number];
type SocialRecord = EnterpriseFieldsFragment["socialResponsibilityRecords"][number];

const yuan = new Intl.NumberFormat("zh-CN");

/** An enterprise's honors and social-responsibility records: list, add, remove (to fix mistakes). */
export function EnterpriseDetailDrawer({
  enterprise,
  open,
  onClose,
}: {
  enterprise: EnterpriseFieldsFragment | null;
  open: boolean;
  onClose: () => void;
}): ReactNode {
  const t = useT(enterpriseMessages);
  const locale = useLocale();
  const honorDialog = useDialog<true>();
  const recordDialog = useDialog<true>();
  const [removeHonor] = useMutation(removeHonorMutation);
  const [removeRecord] = useMutation(removeRecordMutation);

  const run = useMutationAction();
  const runRemoval = (send: () => Promise<readonly { code: string; message: string }[] | undefined>) =>
    run(send, t("removed"));

  return (
    <Drawer open={open} onClose={onClose} size="large" title={enterprise?.name} destroyOnHidden>
      {enterprise && (
        <>
          <section aria-labelledby="honors-title">
            <div className="page-toolbar">
              <h2 id="honors-title" className="grow" style={{ margin: 0, fontSize: 18 }}>
                {t("honorsTitle")}
              </h2>
              <Button icon={<PlusOutlined />} onClick={() => honorDialog.show(true)}>
                {t("addHonor")}
              </Button>
            </div>
            <DataTable<Honor>
              rowKey="id"
              size="small"
              dataSource={enterprise.honors}
              locale={{ emptyText: t("noHonors") }}
              columns={[
                {
                  title: t("honorKind"),
                  dataIndex: "kind",
                  render: (kind: HonorKind) => honorKindLabels[locale][kind],
                },
                {
                  title: t("honorLevel"),
                  dataIndex: "level",
                  render: (level: HonorLevel) => honorLevelLabels[locale][level],
                },
                { title: t("year"), dataIndex: "year" },
                { title: t("certificateNumber"), dataIndex: "certificateNumber" },
                { title: t("validUntil"), dataIndex: "validUntil" },
                {
                  title: t("actions"),
                  key: "actions",
                  render: (_, honor) => (
                    <Popconfirm
                      title={t("removeHonorConfirm")}
                      okText={t("yes")}
                      cancelText={t("no")}
                      onConfirm={() =>
                        runRemoval(
                          async () =>
                            (await removeHonor({ variables: { input: { honorId: honor.id } } })).data
                              ?.removeEnterpriseHonor.userErrors,
                        )
                      }
                    >
                      <Button type="link" danger size="small">
                        {t("remove")}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </section>
          <section aria-labelledby="records-title" style={{ marginTop: 32 }}>
            <div className="page-toolbar">
              <h2 id="records-title" className="grow" style={{ margin: 0, fontSize: 18 }}>
                {t("recordsTitle")}
              </h2>
              <Button icon={<PlusOutlined />} onClick={() => recordDialog.show(true)}>
                {t("addRecord")}
              </Button>
            </div>
            <DataTable<SocialRecord>
              rowKey="id"
              size="small"
              dataSource={enterprise.socialResponsibilityRecords}
              locale={{ emptyText: t("noRecords") }}
              columns={[
                {
                  title: t("programme"),
                  dataIndex: "programme",
                  render: (programme: SocialProgramme) => programmeLabels[locale][programme],
                },
                { title: t("year"), dataIndex: "year" },
                {
                  title: t("amountYuan"),
                  dataIndex: "amountYuan",
                  align: "right",
                  render: (amount: number) => yuan.format(amount),
                },
                { title: t("description"), dataIndex: "description" },
                {
                  title: t("actions"),
                  key: "actions",
                  render: (_, record) => (
                    <Popconfirm
                      title={t("removeRecordConfirm")}
                      okText={t("yes")}
                      cancelText={t("no")}
                      onConfirm={() =>
                        runRemoval(
                          async () =>
                            (await removeRecord({ variables: { input: { recordId: record.id } } })).data
                              ?.removeSocialResponsibilityRecord.userErrors,
                        )
                      }
                    >
                      <Button type="link" danger size="small">
                        {t("remove")}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </section>
          {honorDialog.value && <HonorFormModal dialog={honorDialog.props} enterpriseId={enterprise.id} />}
          {recordDialog.value && <RecordFormModal dialog={recordDialog.props} enterpriseId={enterprise.id} />}
        </>
      )}
    </Drawer>
  );
}

interface HonorValues {
  kind: HonorKind;
  level: HonorLevel;
  year: number;
  certificateNumber?: string;
  validUntil?: string | null;
}

function HonorFormModal({ dialog, enterpriseId }: { dialog: DialogProps; enterpriseId: string }): ReactNode {
  const t = useT(enterpriseMessages);
  const locale = useLocale();
  const rules = useRules();
  const [addHonor] = useMutation(addHonorMutation);
  const onSubmit = async (values: HonorValues) => {
    const { data } = await addHonor({
      variables: {
        input: {
          enterpriseId,
          kind: values.kind,
          level: values.level,
          year: values.year,
          certificateNumber: values.certificateNumber?.trim() || null,
          validUntil: values.validUntil ?? null,
        },
      },
    });
    return data?.addEnterpriseHonor.userErrors ?? [];
  };
  return (
    <FormModal<HonorValues>
      dialog={dialog}
      title={t("addHonor")}
      initialValues={{ year: new Date().getFullYear() }}
      onSubmit={onSubmit}
    >
      <Form.Item name="kind" label={t("honorKind")} rules={[rules.requiredValue(t("honorKind"))]}>
        <Select options={HONOR_KINDS.map((kind) => ({ value: kind, label: honorKindLabels[locale][kind] }))} />
      </Form.Item>
      <Form.Item name="level" label={t("honorLevel")} rules={[rules.requiredValue(t("honorLevel"))]}>
        <Select options={HONOR_LEVELS.map((level) => ({ value: level, label: honorLevelLabels[locale][level] }))} />
      </Form.Item>
      <Form.Item name="year" label={t("year")} rules={[rules.requiredValue("year")]}>
        <InputNumber min={1980} max={new Date().getFullYear()} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item
        name="certificateNumber"
        label={t("certificateNumber")}
        rules={[rules.maxLength("certificateNumber", 64)]}
      >
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="validUntil" label={t("validUntil")}>
        <DayPicker />
      </Form.Item>
    </FormModal>
  );
}

interface RecordValues {
  programme: SocialProgramme;
  year: number;
  amountYuan: number;
  description?: string;
}

function RecordFormModal({ dialog, enterpriseId }: { dialog: DialogProps; enterpriseId: string }): ReactNode {
  const t = useT(enterpriseMessages);
  const locale = useLocale();
  const rules = useRules();
  const [addRecord] = useMutation(addRecordMutation);
  const onSubmit = async (values: RecordValues) => {
    const { data } = await addRecord({
      variables: {
        input: {
          enterpriseId,
          programme: values.programme,
          year: values.year,
          amountYuan: values.amountYuan,
          description: values.description?.trim() || null,
        },
      },
    });
    return data?.addSocialResponsibilityRecord.userErrors ?? [];
  };
  return (
    <FormModal<RecordValues>
      dialog={dialog}
      title={t("addRecord")}
      initialValues={{ year: new Date().getFullYear() }}
      onSubmit={onSubmit}
    >
      <Form.Item name="programme" label={t("programme")} rules={[rules.requiredValue(t("programme"))]}>
        <Select
          options={SOCIAL_PROGRAMMES.map((programme) => ({
            value: programme,
            label: programmeLabels[locale][programme],
          }))}
        />
      </Form.Item>
      <Form.Item name="year" label={t("year")} rules={[rules.requiredValue("year")]}>
        <InputNumber min={1980} max={new Date().getFullYear()} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="amountYuan" label={t("amountYuan")} rules={[rules.requiredValue("amountYuan")]}>
        <InputNumber min={0} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="description" label={t("description")} rules={[rules.maxLength("description", 500)]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
