import { hourlySeries, lateShare, periodTotal, totalsByWard, type HourlySeries } from "../../../../../shared/dashboards/aggregate.js";
import { PROCEDURE_GROUPS, PROCEDURES_ONLINE, type DomainSample, type MetricOf, type SeriesDomain } from "../../../../../shared/domain/domain-sample.js";

/** How a figure reads: whole numbers, one decimal, or a percentage. */
export type FigureFormat = "count" | "decimal" | "percent";

/**
 * A chart's line: times in seconds since the epoch (uPlot's x axis) and their values, null for a gap,
 * over the span the time axis shows whatever the points (one point alone must not set the scale).
 */
export interface TimeSeries {
  times: number[];
  values: Array<number | null>;
  span: { fromS: number; toS: number };
}

export interface KpiSpec {
  /** i18n key under dashboards.kpi. */
  key: string;
  format: FigureFormat;
  value(samples: readonly DomainSample[], wards: ReadonlySet<string> | null): number;
}

export interface DomainView<D extends SeriesDomain> {
  kpis: ReadonlyArray<KpiSpec>;
  /** The metric drawn hour by hour, and compared ward by ward. */
  chart: MetricOf<D>;
  chartFormat: FigureFormat;
  /** Parts of a whole shown side by side (dossiers by procedure group), where the domain has them. */
  breakdown?: ReadonlyArray<MetricOf<D>>;
}

const total =
  <D extends SeriesDomain>(domain: D, metric: MetricOf<D>) =>
  (samples: readonly DomainSample[], wards: ReadonlySet<string> | null) =>
    periodTotal(samples, domain, metric, wards);

function metricKpi<D extends SeriesDomain>(domain: D, metric: MetricOf<D>, format: FigureFormat): KpiSpec {
  return { key: `${domain}.${metric}`, format, value: total(domain, metric) };
}

/** Each domain's tiles and chart: what a duty officer asks of it first. */
export const DOMAIN_VIEWS: { readonly [D in SeriesDomain]: DomainView<D> } = {
  public_services: {
    kpis: [
      metricKpi("public_services", "received", "count"),
      metricKpi("public_services", "inProgress", "count"),
      metricKpi("public_services", "late", "count"),
      {
        key: "public_services.lateShare",
        format: "percent",
        value: (s, w) => lateShare(periodTotal(s, "public_services", "onTime", w), periodTotal(s, "public_services", "late", w)),
      },
      {
        key: "public_services.onlineShare",
        format: "percent",
        value: (s, w) => {
          const received = periodTotal(s, "public_services", "received", w);
          return received === 0 ? 0 : (100 * periodTotal(s, "public_services", "online", w)) / received;
        },
      },
      { key: "public_services.proceduresOnline", format: "percent", value: () => (100 * PROCEDURES_ONLINE.online) / PROCEDURES_ONLINE.total },
    ],
    chart: "received",
    chartFormat: "count",
    breakdown: PROCEDURE_GROUPS,
  },
  one_stop: { kpis: [metricKpi("one_stop", "waiting", "count"), metricKpi("one_stop", "served", "count"), metricKpi("one_stop", "avgWaitMin", "decimal")], chart: "waiting", chartFormat: "count" },
  environment: {
    kpis: [metricKpi("environment", "pm25", "decimal"), metricKpi("environment", "aqi", "count"), metricKpi("environment", "noiseDb", "decimal"), metricKpi("environment", "waterLevelM", "decimal")],
    chart: "pm25",
    chartFormat: "decimal",
  },
  traffic: { kpis: [metricKpi("traffic", "incidents", "count"), metricKpi("traffic", "flowVehPerHour", "count")], chart: "flowVehPerHour", chartFormat: "count" },
  health: { kpis: [metricKpi("health", "clinicVisits", "count"), metricKpi("health", "bedOccupancyPct", "percent")], chart: "clinicVisits", chartFormat: "count" },
  education: { kpis: [metricKpi("education", "attendancePct", "percent")], chart: "attendancePct", chartFormat: "percent" },
  tourism: { kpis: [metricKpi("tourism", "visitors", "count")], chart: "visitors", chartFormat: "count" },
};

export interface DashboardModel {
  kpis: Array<{ key: string; format: FigureFormat; value: number }>;
  chartMetric: string;
  chartFormat: FigureFormat;
  series: HourlySeries;
  /** Every ward, in the order given, with its figure for the period (0 when it reported nothing). */
  byWard: Array<{ wardCode: string; value: number }>;
  /** The breakdown's parts for the period and the selected ward, largest first; empty when the domain has none. */
  breakdown: Array<{ key: string; value: number }>;
}

/** Pure: what a domain's dashboard shows for a period, the tiles narrowed to one ward when one is selected. */
export function dashboardModel<D extends SeriesDomain>(domain: D, samples: readonly DomainSample[], period: { from: Date; to: Date }, wardCodes: readonly string[], selectedWard: string | null): DashboardModel {
  const view = DOMAIN_VIEWS[domain] as DomainView<D>;
  const selection = selectedWard === null ? null : new Set([selectedWard]);
  const perWard = totalsByWard(samples, domain, view.chart);
  return {
    kpis: view.kpis.map((kpi) => ({ key: kpi.key, format: kpi.format, value: kpi.value(samples, selection) })),
    chartMetric: view.chart,
    chartFormat: view.chartFormat,
    series: hourlySeries(samples, domain, view.chart, period, selection),
    byWard: wardCodes.map((wardCode) => ({ wardCode, value: perWard.get(wardCode) ?? 0 })),
    breakdown: (view.breakdown ?? []).map((metric) => ({ key: `${domain}.${metric}`, value: periodTotal(samples, domain, metric, selection) })).sort((a, b) => b.value - a.value),
  };
}

const formats = new Map<FigureFormat, Intl.NumberFormat>();

/** Figures always read the Vietnamese way (1.234,5), whatever the UI language: the city's reports do. */
export function formatFigure(value: number, format: FigureFormat): string {
  let f = formats.get(format);
  if (f === undefined) {
    f = new Intl.NumberFormat("vi-VN", format === "count" ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    formats.set(format, f);
  }
  return format === "percent" ? `${f.format(value)} %` : f.format(value);
}
