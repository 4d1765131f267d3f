import { z } from "zod";
import { IsoTimeSchema } from "./geo.js";

/**
 * One ward's figures for one hour in one of the city's domains beyond security: what the
 * dashboards and the domain reports are drawn from. The backend rewrites the current hour's
 * sample as it fills up, so a sample is one record in the change feed, keyed by domain, ward
 * and hour; counters count within that hour, gauges are the hour's mean.
 */
const Count = z.number().int().nonnegative();
const Measure = z.number().finite().nonnegative();

export type MetricRollup = "sum" | "mean" | "max" | "last";

/** A metric: what its values are (a count or a measure) and how an hour of it adds up over wards and hours. */
const count = <R extends MetricRollup>(rollup: R) => ({ schema: Count, rollup });
/** A count samples written before it existed lack: read as absent, never as 0. */
const laterCount = <R extends MetricRollup>(rollup: R) => ({ schema: Count.optional(), rollup });
const measure = <R extends MetricRollup>(rollup: R) => ({ schema: Measure, rollup });

/** Each domain's metrics: the one list the samples' schema, the roll-ups and the reports come from. */
const METRICS = {
  /**
   * Dossiers of the public services (dịch vụ công): received, finished on time or late, online or
   * at the counter, and the received ones by procedure group (PROCEDURE_GROUPS; they add up to received).
   */
  public_services: {
    received: count("sum"),
    inProgress: count("last"),
    onTime: count("sum"),
    late: count("sum"),
    online: count("sum"),
    atCounter: count("sum"),
    civilStatus: laterCount("sum"),
    landConstruction: laterCount("sum"),
    business: laterCount("sum"),
    socialAffairs: laterCount("sum"),
    otherProcedures: laterCount("sum"),
  },
  /** One-stop offices (bộ phận một cửa): people waiting at the hour's end, served, mean wait in minutes. */
  one_stop: { waiting: count("last"), served: count("sum"), avgWaitMin: measure("mean") },
  environment: { aqi: measure("mean"), pm25: measure("mean"), noiseDb: measure("mean"), waterLevelM: measure("max") },
  /** Incidents reported, and vehicles an hour on the ward's main road (QL18 where it crosses it). */
  traffic: { incidents: count("sum"), flowVehPerHour: measure("mean") },
  health: { clinicVisits: count("sum"), bedOccupancyPct: measure("mean") },
  education: { attendancePct: measure("mean") },
  tourism: { visitors: count("sum") },
} as const;
type Metrics = typeof METRICS;

/** The hour's start in UTC, always written the same way (toISOString), so hours compare and sort as text. */
export const HourSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/, "an hour's start, as toISOString() writes it");

const base = { id: z.string().min(1).max(100), wardCode: z.string().regex(/^\d{5}$/), hour: HourSchema, updatedAt: IsoTimeSchema };

/** One domain's sample: its metrics exactly (no more, no fewer), each of its kind. */
function sampleSchema<D extends keyof Metrics>(domain: D) {
  const shapes = Object.fromEntries(Object.entries(METRICS[domain]).map(([name, metric]) => [name, metric.schema])) as { [M in keyof Metrics[D]]: Metrics[D][M] extends { schema: infer S } ? S : never };
  return z.object({ ...base, domain: z.literal(domain), metrics: z.strictObject(shapes) });
}

export const DomainSampleSchema = z.discriminatedUnion("domain", [
  sampleSchema("public_services"),
  sampleSchema("one_stop"),
  sampleSchema("environment"),
  sampleSchema("traffic"),
  sampleSchema("health"),
  sampleSchema("education"),
  sampleSchema("tourism"),
]);
export type DomainSample = z.infer<typeof DomainSampleSchema>;
export type SeriesDomain = DomainSample["domain"];
export type DomainMetrics<D extends SeriesDomain> = Extract<DomainSample, { domain: D }>["metrics"];
export type MetricOf<D extends SeriesDomain> = keyof DomainMetrics<D> & string;

export const SERIES_DOMAINS = Object.keys(METRICS) as SeriesDomain[];

/** A domain's metrics, in the order the reports list them. */
export function metricsOf<D extends SeriesDomain>(domain: D): Array<MetricOf<D>> {
  return Object.keys(METRICS[domain]) as Array<MetricOf<D>>;
}

/** One record per domain, ward and hour (the hour as its ISO start, UTC). */
export function domainSampleId(domain: SeriesDomain, wardCode: string, hour: string): string {
  return `${domain}:${wardCode}:${hour}`;
}

export function rollupOf<D extends SeriesDomain>(domain: D, metric: MetricOf<D>): MetricRollup {
  return (METRICS[domain] as Record<string, { rollup: MetricRollup }>)[metric]?.rollup ?? "sum";
}

/** The groups of administrative procedures a dossier is received under, as public_services metrics. */
export const PROCEDURE_GROUPS = ["civilStatus", "landConstruction", "business", "socialAffairs", "otherProcedures"] as const satisfies ReadonlyArray<MetricOf<"public_services">>;

/** How the plan counts procedures: 282 of 300 administrative procedures online at level 3–4. */
export const PROCEDURES_ONLINE = { online: 282, total: 300 } as const;
