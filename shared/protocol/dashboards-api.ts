import { z } from "zod";
import { DomainSampleSchema, SERIES_DOMAINS } from "../domain/domain-sample.js";
import { IsoTimeSchema } from "../domain/geo.js";
import { IdSchema, LIMITS } from "../limits.js";
import { MAX_SENSOR_READINGS, SensorReadingSchema } from "../domain/sensor-reading.js";

/**
 * The most hourly samples one answer carries: 30 days of one domain for every ward (11 × 720 =
 * 7,920) with room for wards added later. It bounds what a renderer can make the core read.
 */
export const MAX_DOMAIN_SAMPLES = 20_000;

/** The longest period a dashboard or a report may ask for, in days: what the cache keeps. */
export const DOMAIN_RETENTION_DAYS = 90;

const SeriesDomainSchema = z.enum(SERIES_DOMAINS as [(typeof SERIES_DOMAINS)[number], ...(typeof SERIES_DOMAINS)[number][]]);

/** The dashboards' part of the console API; console-api.ts lists these in its unions. */
export const DASHBOARD_REQUESTS = [
  /** A domain's hourly samples with hour in [from, to), read from the local cache (works offline). */
  z.object({ type: z.literal("domain.samples"), domain: SeriesDomainSchema, from: IsoTimeSchema, to: IsoTimeSchema }),
  /** One sensor's readings at full resolution with time in [from, to), from the local cache (the last day of them). */
  z.object({ type: z.literal("sensor.readings"), sensorId: IdSchema, from: IsoTimeSchema, to: IsoTimeSchema }),
  /** A domain's report per ward for [from, to), made from the local cache (offline too), as PDF or CSV. */
  z.object({ type: z.literal("report.domain"), domain: SeriesDomainSchema, from: IsoTimeSchema, to: IsoTimeSchema, format: z.enum(["pdf", "csv"]) }),
  /** The shift report for [from, to): the shift's alarms, acknowledgement times, incidents and the handover note. */
  z.object({ type: z.literal("report.shift"), from: IsoTimeSchema, to: IsoTimeSchema, handoverNote: z.string().max(LIMITS.handoverNoteChars), format: z.enum(["pdf", "csv"]) }),
] as const;

/** A report file is small (one table of wards); this bounds what one answer carries. */
export const MAX_REPORT_BASE64_CHARS = 8 * 1024 * 1024;

export const ReportFileSchema = z.object({
  fileName: z.string().min(1).max(200),
  mimeType: z.enum(["application/pdf", "text/csv;charset=utf-8"]),
  base64: z.string().max(MAX_REPORT_BASE64_CHARS),
});
export type ReportFile = z.infer<typeof ReportFileSchema>;

export const DASHBOARD_RESPONSE_SCHEMAS = {
  "domain.samples": z.array(DomainSampleSchema).max(MAX_DOMAIN_SAMPLES),
  "sensor.readings": z.array(SensorReadingSchema).max(MAX_SENSOR_READINGS),
  "report.domain": ReportFileSchema,
  "report.shift": ReportFileSchema,
} as const;

/**
 * The most samples a domain.changed event carries: a live tick rewrites one hour per domain and
 * ward (7 × 11); a catch-up page can hold thousands, and then the event names the domains only.
 */
export const MAX_CHANGED_SAMPLES = 500;

/**
 * New or updated samples reached the cache. With `samples`, they are every sample that moved, so an
 * open dashboard lays them over what it shows; without, it reads its period again.
 */
export const DASHBOARD_EVENTS = [
  z.object({ type: z.literal("domain.changed"), domains: z.array(SeriesDomainSchema), samples: z.array(DomainSampleSchema).max(MAX_CHANGED_SAMPLES).optional() }),
] as const;
