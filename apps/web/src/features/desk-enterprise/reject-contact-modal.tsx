import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { EnterpriseContactRequestsQuery } from "../../gql/graphql";
import { decideEnterpriseContactMutation } from "./desk-enterprise.documents";
import { deskMessages } from "./desk-enterprise.messages";

type Request = EnterpriseContactRequestsQuery["enterpriseContactRequests"]["edges"][number]["node"];

/** Refuses a request to become an enterprise's contact, with a reason (/console/enterprise-contacts). */
export function RejectModal({
  dialog,
  request,
  onDone,
}: {
  dialog: DialogProps;
  request: Request;
  onDone: () => void;
}): ReactNode {
  const t = useT(deskMessages);
  const rules = useRules();
  const [decide] = useMutation(decideEnterpriseContactMutation);
  return (
    <FormModal<{ reason: string }>
      dialog={dialog}
      title={t("rejectTitle")}
      okText={t("reject")}
      onSubmit={async (values) => {
        const { data } = await decide({
          variables: { input: { requestId: request.id, confirm: false, reason: values.reason.trim() } },
        });
        const errors = data?.decideEnterpriseContact.userErrors ?? [];
        if (!errors.length) onDone();
        return errors;
      }}
    >
      <Form.Item name="reason" label={t("reason")} rules={[rules.required("reason"), rules.maxLength("reason", 200)]}>
        <Input.TextArea rows={3} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
