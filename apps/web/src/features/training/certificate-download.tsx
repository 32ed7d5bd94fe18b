import { useState, type ReactNode } from "react";
import { useLazyQuery } from "@apollo/client/react";
import { Button } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { errorText } from "../../app/error-text";
import { useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { certificatePdfQuery } from "./training.documents";
import { trainingMessages } from "./training.messages";

/**
 * The certificate's PDF, opened in this tab (WeChat's browser blocks new windows opened after a
 * request). The signed link is fetched on the click, as it lasts ten minutes.
 */
export function CertificateDownload({ certificateId }: { certificateId: string }): ReactNode {
  const t = useT(trainingMessages);
  const app = useT(appMessages);
  const [fetchLink, { loading }] = useLazyQuery(certificatePdfQuery, { fetchPolicy: "no-cache" });
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={loading}
        onClick={async () => {
          setProblem(null);
          try {
            const { data } = await fetchLink({ variables: { id: certificateId } });
            const url = data?.node?.__typename === "Certificate" ? data.node.pdfUrl : null;
            if (url) window.location.assign(url);
            else setProblem(app("notFound"));
          } catch (error) {
            setProblem(errorText(error, app));
          }
        }}
      >
        {t("downloadPdf")}
      </Button>
      {problem && (
        <span role="alert" className="revoked">
          {problem}
        </span>
      )}
    </>
  );
}
