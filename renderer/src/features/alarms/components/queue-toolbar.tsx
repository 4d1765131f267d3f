import type { TFunction } from "i18next";
import { Badge } from "../../../components/ui/badge.js";
import { Button } from "../../../components/ui/button.js";
import type { Annunciation } from "../hooks/use-annunciation.js";
import type { AlarmRate } from "../hooks/use-alarm-rate.js";
import { AlarmRateMeter } from "./alarm-rate-meter.js";

export interface QueueToolbarProps {
  t: TFunction;
  annunciation: Annunciation;
  rate: AlarmRate;
  incidentsShown: boolean;
  openIncidents: number;
  onToggleIncidents(): void;
  total: number;
  /** How many the filter leaves, when a filter is on. */
  shown: number | null;
  unacknowledged: number;
}

/** The queue pane's bar: silence, incidents, the alarm rate and the counts. */
export function QueueToolbar(props: QueueToolbarProps) {
  const { t, annunciation } = props;
  const silenced = annunciation.silencedUntil > Date.now();
  return (
    <>
      <Button
        size="small"
        data-testid="silence-button"
        data-silenced={silenced ? "true" : "false"}
        aria-pressed={silenced}
        onClick={silenced ? annunciation.unsilence : annunciation.silence}
      >
        {silenced ? `🔇 ${t("alarmQueue.silenced")}` : `🔔 ${t("alarmQueue.silence")}`}
      </Button>
      <Button size="small" data-testid="incidents-toggle" aria-pressed={props.incidentsShown} onClick={props.onToggleIncidents}>
        {t("incidents.toggle", { count: props.openIncidents })}
      </Button>
      <AlarmRateMeter rate={props.rate} />
      <Badge data-testid="alarm-count" data-count={props.total}>
        {t("alarms.total", { count: props.total })}
      </Badge>
      {props.shown !== null && <Badge data-testid="filtered-count">{t("alarmQueue.shown", { count: props.shown })}</Badge>}
      {props.unacknowledged > 0 && (
        <Badge tone="alert" data-testid="unacked-count">
          {t("alarms.unacked", { count: props.unacknowledged })}
        </Badge>
      )}
    </>
  );
}
