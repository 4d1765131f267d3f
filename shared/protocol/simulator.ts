import { z } from "zod";
import { AlarmPrioritySchema } from "../domain/alarm.js";
import { CameraStatusSchema } from "../domain/camera.js";
import { DomainSampleSchema, domainSampleId } from "../domain/domain-sample.js";
import { IsoTimeSchema } from "../domain/geo.js";
import { resultSchema } from "../result.js";

/**
 * Controls of the reference backend's simulator. Tests, demos and benchmarks use them to
 * make things happen on demand; a production backend would not expose them.
 */
export const SIMULATOR_PATHS = {
  alarms: "/api/v1/sim/alarms",
  /** How often the simulator raises an alarm by itself. */
  rate: "/api/v1/sim/rate",
  /** An alarm flood: many alarms a second for a while, many of them repeats from a few chattering sources. */
  flood: "/api/v1/sim/flood",
  /** Fastify-style route pattern; use `cameraOutagePath(id)` to build a URL. */
  cameraOutage: "/api/v1/sim/cameras/:id/outage",
  /** Publish domain samples as the simulator's own tick does: a threshold they cross raises its alarm. */
  domainSamples: "/api/v1/sim/domain-samples",
} as const;

export function cameraOutagePath(cameraId: string): string {
  return `/api/v1/sim/cameras/${encodeURIComponent(cameraId)}/outage`;
}

export const MAX_SIMULATED_ALARMS_PER_REQUEST = 10_000;

export const RaiseAlarmsRequestSchema = z.object({
  count: z.number().int().min(1).max(MAX_SIMULATED_ALARMS_PER_REQUEST).default(1),
  /** Force a priority; otherwise each alarm gets a believable random one. */
  priority: AlarmPrioritySchema.optional(),
});
export type RaiseAlarmsRequest = z.infer<typeof RaiseAlarmsRequestSchema>;

export const RaiseAlarmsResponseSchema = resultSchema(z.object({ ids: z.array(z.string().min(1)) }));
export type RaiseAlarmsResponse = z.infer<typeof RaiseAlarmsResponseSchema>;

/** At most a day: an outage is a test fixture, not a way to switch a camera off for good. */
export const CameraOutageRequestSchema = z.object({
  seconds: z.number().positive().max(86_400),
});
export type CameraOutageRequest = z.infer<typeof CameraOutageRequestSchema>;

export const CameraOutageResponseSchema = resultSchema(
  z.object({
    cameraId: z.string().min(1),
    status: CameraStatusSchema,
    /** When the camera comes back online. */
    until: IsoTimeSchema,
  }),
);
export type CameraOutageResponse = z.infer<typeof CameraOutageResponseSchema>;

export const SimulatorRateRequestSchema = z.object({
  /** One random alarm this often; 0 stops the random alarms. */
  alarmIntervalMs: z.number().int().min(0).max(3_600_000),
});
export type SimulatorRateRequest = z.infer<typeof SimulatorRateRequestSchema>;

export const SimulatorFloodRequestSchema = z.object({
  perSecond: z.number().int().min(1).max(5_000),
  seconds: z.number().min(0.1).max(600),
  /** Share of the flood's alarms that repeat a handful of sources (chattering), 0..1. */
  chatterShare: z.number().min(0).max(1).default(0.5),
  /** Force a priority on every alarm of the flood; otherwise each gets a believable one. */
  priority: AlarmPrioritySchema.optional(),
});
export type SimulatorFloodRequest = z.infer<typeof SimulatorFloodRequestSchema>;

export const SimulatorControlResponseSchema = resultSchema(
  z.object({ alarmIntervalMs: z.number().int().nonnegative(), floodUntil: IsoTimeSchema.nullable() }),
);

/** A tick's worth: every domain of every ward, with room to spare. */
export const MAX_SIMULATED_SAMPLES_PER_REQUEST = 200;

export const PublishDomainSamplesRequestSchema = z.object({
  samples: z
    .array(DomainSampleSchema.refine((s) => s.id === domainSampleId(s.domain, s.wardCode, s.hour), "a sample's id must be domain:ward:hour"))
    .min(1)
    .max(MAX_SIMULATED_SAMPLES_PER_REQUEST),
});
export type PublishDomainSamplesRequest = z.infer<typeof PublishDomainSamplesRequestSchema>;

/** The alarms the samples raised (thresholds newly crossed). */
export const PublishDomainSamplesResponseSchema = resultSchema(z.object({ alarmIds: z.array(z.string().min(1)) }));
