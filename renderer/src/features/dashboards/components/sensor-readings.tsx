import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatCityTime } from "../../../../../shared/time.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useLiveState } from "../../../store/store-context.js";
import { useSensorReadings } from "../hooks/use-sensor-readings.js";
import { formatFigure } from "../model/domain-views.js";
import { domainSensors, readingSeries } from "../model/sensor-series.js";
import { SeriesChart } from "./series-chart.js";
import type { SeriesDomain } from "../../../../../shared/domain/domain-sample.js";
import { SENSOR_READINGS_KEPT_HOURS } from "../../../../../shared/domain/sensor-reading.js";

/**
 * A domain's sensors of the selected ward (or the city), each with its latest reading, and the
 * picked one's last day reading by reading: what the hourly means smooth away (a noise peak at
 * 02:00, a water level rising in ten minutes). From the cache, so it works offline.
 */
export function SensorReadings({ domain, wardCode }: { domain: SeriesDomain; wardCode: string | null }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const all = useLiveState((live) => live.sensors);
  const sensors = useMemo(() => domainSensors(all.values(), domain, wardCode), [all, domain, wardCode]);
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = sensors.find((s) => s.id === picked) ?? sensors[0] ?? null;
  const { readings, loaded, error } = useSensorReadings(chosen?.id ?? null);
  const series = useMemo(() => readingSeries(readings, new Date(), SENSOR_READINGS_KEPT_HOURS), [readings]);

  if (sensors.length === 0) return <p className="dash-scope">{t("dashboards.sensors.none")}</p>;
  return (
    <section className="dash-sensors" data-testid="dash-sensors" data-ready={loaded ? "true" : "false"} data-sensor-id={chosen?.id} data-readings={readings.length} data-last-at={readings.at(-1)?.at}>
      <h3 className="dash-subtitle">{t("dashboards.sensors.title")}</h3>
      <div className="dash-sensors__body">
        <ul className="dash-sensors__list">
          {sensors.map((sensor, i) => (
            <li key={sensor.id}>
              {sensor.kind !== sensors[i - 1]?.kind && <h4 className="dash-sensors__kind">{t(`map.sensorKinds.${sensor.kind}`)}</h4>}
              <button type="button" className="dash-ward dash-sensor" aria-pressed={sensor.id === chosen?.id} data-testid={`dash-sensor-${sensor.id}`} data-value={sensor.lastValue ?? undefined} onClick={() => setPicked(sensor.id)}>
                <span className="dash-ward__name">
                  {sensor.id === chosen?.id ? "▶ " : ""}
                  {sensor.name}
                </span>
                <span className="dash-ward__value">
                  {sensor.lastValue === null ? t("map.noReading") : `${formatFigure(sensor.lastValue, "decimal")} ${sensor.unit}`}
                  {sensor.lastAt !== null && <span className="dash-sensor__time"> · {formatCityTime(sensor.lastAt, locale)}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {chosen !== null && <SeriesChart testId="dash-sensor-chart" series={series} label={`${chosen.name} (${chosen.unit})`} format="decimal" />}
      </div>
      {error !== null && (
        <p className="dash-error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
