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

/** Each domain's metrics, with how an hour of them adds up over wards and hours. */
export const DOMAIN_METRICS = {
  /** Dossiers of the public services (dịch vụ công): received, finished on time or late, online or at the counter. */
  public_services: { received: "sum", inProgress: "last", onTime: "sum", late: "sum", online: "sum", atCounter: "sum" },
  /** One-stop offices (bộ phận một cửa): people waiting at the hour's end, served, mean wait in minutes. */
  one_stop: { waiting: "last", served: "sum", avgWaitMin: "mean" },
  environment: { aqi: "mean", pm25: "mean", noiseDb: "mean", waterLevelM: "max" },
  /** Incidents reported, and vehicles an hour on the ward's main road (QL18 where it crosses it). */
  traffic: { incidents: "sum", flowVehPerHour: "mean" },
  health: { clinicVisits: "sum", bedOccupancyPct: "mean" },
  education: { attendancePct: "mean" },
  tourism: { visitors: "sum" },
} as const satisfies { [D in SeriesDomain]: { [M in MetricOf<D>]: MetricRollup } };

export type MetricRollup = "sum" | "mean" | "max" | "last";

/** The hour's start in UTC, always written the same way (toISOString), so hours compare and sort as text. */
export const HourSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/, "an hour's start, as toISOString() writes it");

const base = { id: z.string().min(1).max(100), wardCode: z.string().regex(/^\d{5}$/), hour: HourSchema, updatedAt: IsoTimeSchema };

export const DomainSampleSchema = z.discriminatedUnion("domain", [
  z.object({
    ...base,
    domain: z.literal("public_services"),
    metrics: z.strictObject({ received: Count, inProgress: Count, onTime: Count, late: Count, online: Count, atCounter: Count }),
  }),
  z.object({ ...base, domain: z.literal("one_stop"), metrics: z.strictObject({ waiting: Count, served: Count, avgWaitMin: Measure }) }),
  z.object({ ...base, domain: z.literal("environment"), metrics: z.strictObject({ aqi: Measure, pm25: Measure, noiseDb: Measure, waterLevelM: Measure }) }),
  z.object({ ...base, domain: z.literal("traffic"), metrics: z.strictObject({ incidents: Count, flowVehPerHour: Measure }) }),
  z.object({ ...base, domain: z.literal("health"), metrics: z.strictObject({ clinicVisits: Count, bedOccupancyPct: Measure }) }),
  z.object({ ...base, domain: z.literal("education"), metrics: z.strictObject({ attendancePct: Measure }) }),
  z.object({ ...base, domain: z.literal("tourism"), metrics: z.strictObject({ visitors: Count }) }),
]);
export type DomainSample = z.infer<typeof DomainSampleSchema>;
export type SeriesDomain = DomainSample["domain"];
export type DomainMetrics<D extends SeriesDomain> = Extract<DomainSample, { domain: D }>["metrics"];
export type MetricOf<D extends SeriesDomain> = keyof DomainMetrics<D> & string;

export const SERIES_DOMAINS = Object.keys(DOMAIN_METRICS) as SeriesDomain[];

/** One record per domain, ward and hour (the hour as its ISO start, UTC). */
export function domainSampleId(domain: SeriesDomain, wardCode: string, hour: string): string {
  return `${domain}:${wardCode}:${hour}`;
}

export function rollupOf<D extends SeriesDomain>(domain: D, metric: MetricOf<D>): MetricRollup {
  return (DOMAIN_METRICS[domain] as Record<string, MetricRollup>)[metric] ?? "sum";
}

/** How the plan counts procedures: 282 of 300 administrative procedures online at level 3–4. */
export const PROCEDURES_ONLINE = { online: 282, total: 300 } as const;
