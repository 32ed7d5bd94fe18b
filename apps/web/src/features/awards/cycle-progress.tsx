import type { ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Card, Col, Form, InputNumber, Row, Select, Statistic } from "antd";
import { useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { useRules } from "../../app/validation";
import { DataTable } from "../../app/data-table";
import { assignJudgesEvenlyMutation, awardJudgesQuery } from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";
import type { Cycle } from "./console-award-cycle-page";

type JudgeProgress = Cycle["judgingProgress"]["judges"][number];

/** How far judging has come, per judge; and judges spread evenly over the nominations. */
export function CycleProgress({ cycle }: { cycle: Cycle }): ReactNode {
  const t = useT(awardConsoleMessages);
  const p = cycle.judgingProgress;
  const figures = [
    { key: "nominations", value: p.nominations },
    { key: "withoutJudges", value: p.nominationsWithoutJudges },
    { key: "scoreSets", value: `${p.completeScoreSets} / ${p.expectedScoreSets}` },
    { key: "conflicts", value: p.conflicts },
  ] as const;
  return (
    <>
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(f.key)} value={f.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <DataTable<JudgeProgress>
        rowKey={(j) => j.judge.id}
        size="middle"
        style={{ marginTop: 16 }}
        dataSource={[...p.judges]}
        columns={[
          { title: t("judge"), key: "judge", render: (_, j) => j.judge.name },
          { title: t("assignedCount"), dataIndex: "assigned" },
          { title: t("completeCount"), dataIndex: "complete" },
          { title: t("conflicts"), dataIndex: "conflicts" },
        ]}
      />
      {(cycle.phase === "NOMINATING" || cycle.phase === "JUDGING") && <AssignEvenly cycleId={cycle.id} />}
    </>
  );
}

function AssignEvenly({ cycleId }: { cycleId: string }): ReactNode {
  const t = useT(awardConsoleMessages);
  const rules = useRules();
  const [form] = Form.useForm<{ judgeIds: string[]; judgesPerNomination: number }>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const judges = useQuery(awardJudgesQuery);
  const [assign, { data }] = useMutation(assignJudgesEvenlyMutation, {
    refetchQueries: ["ConsoleAwardCycle", "CycleNominations"],
  });
  const created = data?.assignJudgesEvenly.userErrors.length === 0 ? data.assignJudgesEvenly.assignmentsCreated : null;
  return (
    <section className="panel" aria-labelledby="evenly-title" style={{ marginTop: 16 }}>
      <h2 id="evenly-title">{t("evenlyTitle")}</h2>
      <p className="muted">{t("evenlyHint")}</p>
      {created !== null && created !== undefined && (
        <p role="status">
          <strong>{t("assignmentsCreated", { count: created })}</strong>
        </p>
      )}
      {errorsAlert}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ judgesPerNomination: 3 }}
        onFinish={(values) =>
          submit(
            async () =>
              (await assign({ variables: { input: { cycleId, ...values } } })).data?.assignJudgesEvenly.userErrors ??
              [],
          )
        }
      >
        <Form.Item name="judgeIds" label={t("judges")} rules={[rules.requiredValue(t("judges"))]}>
          <Select
            mode="multiple"
            loading={judges.loading}
            optionFilterProp="label"
            options={judges.data?.awardJudges.edges.map(({ node }) => ({ value: node.id, label: node.name }))}
          />
        </Form.Item>
        <Form.Item
          name="judgesPerNomination"
          label={t("judgesPerNomination")}
          rules={[rules.requiredValue(t("judgesPerNomination"))]}
        >
          <InputNumber min={1} max={20} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t("assignEvenly")}
        </Button>
      </Form>
    </section>
  );
}
