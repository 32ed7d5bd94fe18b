import type { ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Drawer } from "antd";
import { useT } from "../../app/i18n";
import { PageLoading } from "../../app/page-state";
import type { NominationRowFragment } from "../../gql/graphql";
import { nominationDossierQuery } from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";
import { DossierView } from "./dossier-view";

export function DossierDrawer({
  nomination,
  onClose,
}: {
  nomination: NominationRowFragment;
  onClose: () => void;
}): ReactNode {
  const t = useT(awardConsoleMessages);
  const { data, loading } = useQuery(nominationDossierQuery, {
    variables: { id: nomination.id },
  });
  const node = data?.node?.__typename === "AwardNomination" ? data.node : null;
  return (
    <Drawer open onClose={onClose} size="large" title={nomination.nomineeName} destroyOnHidden>
      {loading && !node ? (
        <PageLoading />
      ) : (
        node && (
          <>
            <h3 style={{ fontSize: 15 }}>{t("justification")}</h3>
            <p style={{ whiteSpace: "pre-line" }}>{node.justification}</p>
            <DossierView dossier={node.dossier} />
          </>
        )
      )}
    </Drawer>
  );
}
