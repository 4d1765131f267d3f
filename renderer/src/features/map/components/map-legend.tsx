import { memo } from "react";
import { useTranslation } from "react-i18next";
import { AlarmPrioritySchema } from "../../../../../shared/domain/alarm.js";

/** A compact key to the map's symbols, in the pane header. Memoised: the map re-renders with every alarm refresh, the key never changes. */
export const MapLegend = memo(function MapLegend() {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t("map.legend")}>
      {AlarmPrioritySchema.options.map((priority) => (
        <li key={priority} className="legend__item">
          <span className={`legend__dot legend__dot--${priority}`} aria-hidden="true" />
          {t(`priorities.${priority}`)}
        </li>
      ))}
      <li className="legend__item">
        <span className="legend__dot legend__dot--camera" aria-hidden="true" />
        {t("map.camera")}
      </li>
      <li className="legend__item legend__item--secondary">
        <span className="legend__dot legend__dot--camera-off" aria-hidden="true" />
        {t("map.cameraStatus.offline")}
      </li>
      <li className="legend__item legend__item--secondary">
        <span className="legend__dot legend__dot--sensor" aria-hidden="true" />
        {t("map.sensor")}
      </li>
    </ul>
  );
});
