import { useTranslation } from "react-i18next";
import type { Annunciation } from "../hooks/use-annunciation.js";
import { useWardName } from "../../../hooks/use-wards.js";
import { PriorityMark } from "./priority-mark.js";
import { useStore } from "../../../store/store-context.js";

/** A toast per new high or critical alarm; clicking one selects the alarm in the queue. */
export function AlarmToasts({ annunciation }: { annunciation: Annunciation }) {
  const { selectAlarm } = useStore();
  const { t } = useTranslation();
  const wardName = useWardName();
  if (annunciation.toasts.length === 0) return null;
  return (
    <div className="alarm-toasts" aria-live="assertive" data-testid="alarm-toasts">
      {annunciation.toasts.map(({ alarm }) => (
        <div key={alarm.id} className={`alarm-toast alarm-row--${alarm.priority}`} data-testid="alarm-toast" data-alarm-id={alarm.id} data-priority={alarm.priority}>
          <button
            type="button"
            className="alarm-toast__body"
            onClick={() => {
              selectAlarm(alarm.id);
              annunciation.dismissToast(alarm.id);
            }}
          >
            <PriorityMark priority={alarm.priority} />
            <span className="alarm-toast__text">
              <strong>{t(`alarmTypes.${alarm.type}`, { defaultValue: alarm.type })}</strong>
              <span>
                {alarm.place} · {wardName(alarm.wardCode)}
              </span>
            </span>
          </button>
          <button type="button" className="alarm-toast__close" aria-label={t("alarms.dismiss")} onClick={() => annunciation.dismissToast(alarm.id)}>
            ×
          </button>
        </div>
      ))}
      {annunciation.overflow > 0 && <div className="alarm-toast alarm-toast--more">{t("alarmQueue.moreToasts", { count: annunciation.overflow })}</div>}
    </div>
  );
}
