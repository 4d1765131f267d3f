import type { TFunction } from "i18next";
import { Button } from "../../../components/ui/button.js";

/** What the officer can do with the ticked alarms. */
export function BulkBar(props: { t: TFunction; count: number; onAcknowledge(): void; onCreateIncident(): void; onUntick(): void }) {
  const { t, count } = props;
  return (
    <div className="queue__bulk" data-testid="bulk-bar">
      <span>{t("alarmQueue.ticked", { count })}</span>
      <Button size="small" variant="primary" data-testid="bulk-ack-button" onClick={props.onAcknowledge}>
        {t("alarmQueue.ackTicked", { count })}
      </Button>
      <Button size="small" data-testid="create-incident-button" onClick={props.onCreateIncident}>
        {t("incidents.createFromTicked", { count })}
      </Button>
      <Button size="small" onClick={props.onUntick}>
        {t("alarmQueue.untickAll")}
      </Button>
    </div>
  );
}
