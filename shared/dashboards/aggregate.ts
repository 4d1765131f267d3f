import { rollupOf, type DomainSample, type MetricOf, type MetricRollup, type SeriesDomain } from "../domain/domain-sample.js";

/**
 * Pure roll-ups of hourly domain samples: per ward over a period, per hour over wards, per city day.
 * Counters add up; gauges average; water levels keep their maximum; a level at the hour's end
 * (people waiting) keeps the latest hour per ward and adds up over wards.
 */

export const DASHBOARD_RANGES = ["today", "7d", "30d"] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Vietnam keeps UTC+7 all year (no daylight saving), so a city day is a fixed offset from UTC. */
const CITY_OFFSET_MS = 7 * HOUR_MS;

/** The start of the city day (midnight in Uông Bí) that holds `at`. */
export function cityDayStart(at: Date): Date {
  return new Date(Math.floor((at.getTime() + CITY_OFFSET_MS) / DAY_MS) * DAY_MS - CITY_OFFSET_MS);
}

/** The period a range covers, [from, to): today from city midnight; 7 and 30 days back from the next hour. */
export function rangePeriod(range: DashboardRange, now: Date): { from: Date; to: Date } {
  const to = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  switch (range) {
    case "today":
      return { from: cityDayStart(now), to };
    case "7d":
      return { from: new Date(to.getTime() - 7 * DAY_MS), to };
    case "30d":
      return { from: new Date(to.getTime() - 30 * DAY_MS), to };
  }
}

type MetricValue = (sample: DomainSample) => number | undefined;

function valueOf(metric: string): MetricValue {
  return (sample) => (sample.metrics as Record<string, number>)[metric];
}

/** Combines one ward's hourly values over a period. `values` are in hour order. */
function overHours(rollup: MetricRollup, values: readonly number[]): number {
  if (values.length === 0) return 0;
  switch (rollup) {
    case "sum":
      return values.reduce((a, b) => a + b, 0);
    case "mean":
      return values.reduce((a, b) => a + b, 0) / values.length;
    case "max":
      return Math.max(...values);
    case "last":
      return values[values.length - 1]!;
  }
}

/**
 * Combines several wards' values of one hour (or of one period): as over hours, except that levels
 * at the hour's end (people waiting in each ward) add up across wards.
 */
function overWards(rollup: MetricRollup, values: readonly number[]): number {
  return overHours(rollup === "last" ? "sum" : rollup, values);
}

function inWards(samples: readonly DomainSample[], wardCodes: ReadonlySet<string> | null): DomainSample[] {
  return wardCodes === null ? [...samples] : samples.filter((s) => wardCodes.has(s.wardCode));
}

/** Each ward's figure for the period, keyed by ward code (wards with no sample are absent). */
export function totalsByWard<D extends SeriesDomain>(samples: readonly DomainSample[], domain: D, metric: MetricOf<D>): Map<string, number> {
  const rollup = rollupOf(domain, metric);
  const get = valueOf(metric);
  const byWard = new Map<string, Array<{ hour: string; value: number }>>();
  for (const s of samples) {
    if (s.domain !== domain) continue;
    const value = get(s);
    if (value === undefined) continue;
    let list = byWard.get(s.wardCode);
    if (list === undefined) byWard.set(s.wardCode, (list = []));
    list.push({ hour: s.hour, value });
  }
  const out = new Map<string, number>();
  for (const [ward, list] of byWard) {
    list.sort((a, b) => (a.hour < b.hour ? -1 : a.hour > b.hour ? 1 : 0));
    out.set(ward, overHours(rollup, list.map((v) => v.value)));
  }
  return out;
}

/** The period's figure for the selected wards (all when null): the KPI tile. */
export function periodTotal<D extends SeriesDomain>(samples: readonly DomainSample[], domain: D, metric: MetricOf<D>, wardCodes: ReadonlySet<string> | null = null): number {
  return overWards(rollupOf(domain, metric), [...totalsByWard(inWards(samples, wardCodes), domain, metric).values()]);
}

export interface HourlySeries {
  /** Hour starts, seconds since the epoch (uPlot's x axis), every hour of the period. */
  hours: number[];
  /** The selected wards' figure per hour; null where no ward reported. */
  values: Array<number | null>;
}

/** One value per hour of [from, to) over the selected wards (all when null), gaps as null. */
export function hourlySeries<D extends SeriesDomain>(
  samples: readonly DomainSample[],
  domain: D,
  metric: MetricOf<D>,
  period: { from: Date; to: Date },
  wardCodes: ReadonlySet<string> | null = null,
): HourlySeries {
  const rollup = rollupOf(domain, metric);
  const get = valueOf(metric);
  const first = Math.ceil(period.from.getTime() / HOUR_MS);
  const count = Math.max(0, Math.ceil(period.to.getTime() / HOUR_MS) - first);
  const perHour: number[][] = Array.from({ length: count }, () => []);
  for (const s of inWards(samples, wardCodes)) {
    if (s.domain !== domain) continue;
    const index = Date.parse(s.hour) / HOUR_MS - first;
    const value = get(s);
    if (value === undefined || index < 0 || index >= count || !Number.isInteger(index)) continue;
    perHour[index]!.push(value);
  }
  return {
    hours: perHour.map((_, i) => (first + i) * (HOUR_MS / 1000)),
    values: perHour.map((values) => (values.length === 0 ? null : overWards(rollup, values))),
  };
}

/** Share of finished dossiers that were late, in percent (0 when none finished). */
export function lateShare(onTime: number, late: number): number {
  const finished = onTime + late;
  return finished === 0 ? 0 : (100 * late) / finished;
}
