import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { DASHBOARD_RANGES, type DashboardRange } from "../../../../../shared/dashboards/aggregate.js";
import { SERIES_DOMAINS, type SeriesDomain } from "../../../../../shared/domain/domain-sample.js";
import { Pane } from "../../../components/ui/pane.js";
import { useWards } from "../../../hooks/use-wards.js";
import { useSelectedWardCode } from "../../../store/selection.js";
import { useStore } from "../../../store/store-context.js";
import { useDomainSamples } from "../hooks/use-domain-samples.js";
import { useReportExport } from "../hooks/use-report-export.js";
import { dashboardModel, formatFigure } from "../model/domain-views.js";
import { SeriesChart } from "./series-chart.js";
import { ShiftReportForm } from "./shift-report-form.js";
import { WardChoropleth } from "./ward-choropleth.js";
import { BreakdownBars } from "./breakdown-bars.js";
import { SensorReadings } from "./sensor-readings.js";
import { SENSOR_KINDS_OF_DOMAIN } from "../../../../../shared/domain/sensor-reading.js";

/**
 * The city's other domains: one view per domain with its tiles, its hour-by-hour chart and its
 * wards side by side, for today, 7 or 30 days. The ward selected here is the map's and the queue's.
 */
export function DashboardsPane() {
  const { selectWard } = useStore();
  const { t } = useTranslation();
  const [domain, setDomain] = useState<SeriesDomain>("public_services");
  const [range, setRange] = useState<DashboardRange>("today");
  const wards = useWards();
  const selectedWard = useSelectedWardCode();
  const { samples, period, loaded, error } = useDomainSamples(domain, range);
  const sortedWards = useMemo(() => [...wards].sort((a, b) => a.code.localeCompare(b.code)), [wards]);
  const model = useMemo(() => dashboardModel(domain, samples, period, sortedWards.map((w) => w.code), selectedWard), [domain, samples, period, sortedWards, selectedWard]);
  const hourly = useMemo(() => ({ times: model.series.hours, values: model.series.values, span: { fromS: period.from.getTime() / 1000, toS: period.to.getTime() / 1000 } }), [model.series, period]);
  const max = Math.max(1, ...model.byWard.map((w) => w.value));
  const chartLabel = t(`dashboards.kpi.${domain}.${model.chartMetric}`);
  const report = useReportExport();
  const selectedName = sortedWards.find((w) => w.code === selectedWard)?.name ?? null;

  const toolbar = (
    <div className="dash-ranges" role="group" aria-label={t("dashboards.range")}>
      {DASHBOARD_RANGES.map((r) => (
        <button key={r} type="button" className="btn btn--ghost btn--small" aria-pressed={r === range} data-testid={`dash-range-${r}`} onClick={() => setRange(r)}>
          {t(`dashboards.ranges.${r}`)}
        </button>
      ))}
      {(["pdf", "csv"] as const).map((format) => (
        <button key={format} type="button" className="btn btn--ghost btn--small" disabled={report.busy} data-testid={`dash-export-${format}`} onClick={() => void report.exportReport({ type: "report.domain", domain, from: period.from.toISOString(), to: period.to.toISOString(), format })}>
          {t(`dashboards.export.${format}`)}
        </button>
      ))}
    </div>
  );

  return (
    <Pane testId="dashboards-pane" title={t("panes.dashboards")} toolbar={toolbar} bodyClassName="dash" data-ready={loaded ? "true" : "false"} data-domain={domain} data-range={range}>
      <nav className="dash-domains" aria-label={t("dashboards.domains")}>
        {SERIES_DOMAINS.map((d) => (
          <button key={d} type="button" className="dash-domains__tab" aria-pressed={d === domain} data-testid={`dash-domain-${d}`} onClick={() => setDomain(d)}>
            {t(`dashboards.domain.${d}`)}
          </button>
        ))}
      </nav>
      {report.error !== null && (
        <p className="dash-error" role="alert" data-testid="dash-export-error">
          {t("dashboards.export.failed", { reason: report.error.message })}
        </p>
      )}
      {error !== null && (
        <p className="dash-error" role="alert">
          {error.message}
        </p>
      )}
      <ShiftReportForm report={report} />
      <p className="dash-scope" data-testid="dash-scope">
        {selectedName === null ? t("dashboards.wholeCity") : t("dashboards.oneWard", { ward: selectedName })}
      </p>
      <ul className="dash-kpis">
        {model.kpis.map((kpi) => (
          <li key={kpi.key} className="dash-kpi" data-testid={`dash-kpi-${kpi.key}`} data-value={kpi.value}>
            <span className="dash-kpi__label">{t(`dashboards.kpi.${kpi.key}`)}</span>
            <span className="dash-kpi__value">{formatFigure(kpi.value, kpi.format)}</span>
          </li>
        ))}
      </ul>
      <SeriesChart series={hourly} label={chartLabel} format={model.chartFormat} />
      {model.breakdown.length > 0 && <BreakdownBars title={t(`dashboards.breakdown.${domain}`)} parts={model.breakdown} format={model.chartFormat} />}
      <h3 className="dash-subtitle">{t("dashboards.byWard", { metric: chartLabel })}</h3>
      <div className="dash-by-ward">
        <WardChoropleth wards={sortedWards} byWard={model.byWard} format={model.chartFormat} label={chartLabel} selectedWard={selectedWard} onSelect={selectWard} />
        <ol className="dash-wards" data-testid="dash-wards">
          {model.byWard.map(({ wardCode, value }) => {
            const ward = sortedWards.find((w) => w.code === wardCode);
            const selected = wardCode === selectedWard;
            return (
              <li key={wardCode}>
                <button
                  type="button"
                  className="dash-ward"
                  aria-pressed={selected}
                  data-testid={`dash-ward-${wardCode}`}
                  data-value={value}
                  onClick={() => selectWard(selected ? null : wardCode)}
                >
                  <span className="dash-ward__name">
                    {selected ? "▶ " : ""}
                    {ward?.name ?? wardCode}
                  </span>
                  <span className="dash-ward__bar" aria-hidden="true">
                    <span style={{ width: `${(100 * value) / max}%` }} />
                  </span>
                  <span className="dash-ward__value">{formatFigure(value, model.chartFormat)}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
      {SENSOR_KINDS_OF_DOMAIN[domain] !== undefined && <SensorReadings domain={domain} wardCode={selectedWard} />}
    </Pane>
  );
}
