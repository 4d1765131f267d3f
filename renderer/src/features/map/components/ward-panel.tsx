import { useTranslation } from "react-i18next";
import type { Ward } from "../../../../../shared/domain/ward.js";
import { Button } from "../../../components/ui/button.js";
import { PriorityMark } from "../../alarms/components/priority-mark.js";
import type { WardSummary } from "../model/ward-summary.js";
import { useStore } from "../../../store/store-context.js";

const LISTED = 5;

/** The ward the map and the queue are filtered to: its open alarms and its cameras. */
export function WardPanel({ ward, summary }: { ward: Ward; summary: WardSummary }) {
  const { selectAlarm, selectWard } = useStore();
  const { t } = useTranslation();
  return (
    <section className="map-panel map-ward" data-testid="map-ward-panel" data-ward-code={ward.code} aria-label={ward.fullName}>
      <header className="map-ward__header">
        <h3>{ward.fullName}</h3>
        <Button size="small" onClick={() => selectWard(null)} data-testid="map-ward-clear">
          {t("map.wholeCity")}
        </Button>
      </header>
      <p className="map-ward__facts">
        <span data-testid="map-ward-alarm-count">{t("map.wardOpenAlarms", { count: summary.openAlarms.length })}</span>
        {" · "}
        <span data-testid="map-ward-camera-count">
          {t("map.wardCameras", { count: summary.cameraCount, online: summary.camerasOnline })}
        </span>
      </p>
      {summary.openAlarms.length === 0 ? (
        <p className="map-ward__empty">{t("map.noOpenAlarms")}</p>
      ) : (
        <ul className="map-ward__alarms">
          {summary.openAlarms.slice(0, LISTED).map((alarm) => (
            <li key={alarm.id}>
              <button type="button" className="map-ward__alarm" onClick={() => selectAlarm(alarm.id)}>
                <PriorityMark priority={alarm.priority} />
                <span>{t(`alarmTypes.${alarm.type}`, { defaultValue: alarm.type })}</span>
                <span className="map-ward__place">{alarm.place}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
