import { AlarmSchema } from "../../../shared/domain/alarm.js";
import { CameraSchema } from "../../../shared/domain/camera.js";
import { IncidentSchema } from "../../../shared/domain/incident.js";
import { SensorSchema } from "../../../shared/domain/sensor.js";
import { WardSchema } from "../../../shared/domain/ward.js";
import { ConsoleEventSchema, type ConsoleEvent } from "../../../shared/protocol/console-api.js";
import { describeZodError } from "../../../shared/result.js";
import { z } from "zod";

export interface ParsedEvent {
  event: ConsoleEvent | null;
  /** What had to be dropped, one sentence each. */
  problems: string[];
}

const CHANGED_COLLECTIONS = {
  wards: WardSchema,
  cameras: CameraSchema,
  sensors: SensorSchema,
  alarms: AlarmSchema,
  incidents: IncidentSchema,
} as const;

const LooseChangedSchema = z.object({
  type: z.literal("changed"),
  wards: z.array(z.unknown()).optional(),
  cameras: z.array(z.unknown()).optional(),
  sensors: z.array(z.unknown()).optional(),
  alarms: z.array(z.unknown()).optional(),
  incidents: z.array(z.unknown()).optional(),
  removed: z.record(z.string(), z.array(z.string())).optional(),
});

/**
 * Validate one core event. A `changed` event with a few bad items keeps its good ones:
 * one malformed alarm must not hide every other update in the same batch.
 */
export function parseConsoleEvent(data: unknown): ParsedEvent {
  const strict = ConsoleEventSchema.safeParse(data);
  if (strict.success) return { event: strict.data, problems: [] };

  const loose = LooseChangedSchema.safeParse(data);
  if (!loose.success) {
    return { event: null, problems: [`Malformed event dropped: ${describeZodError(strict.error)}`] };
  }

  const problems: string[] = [];
  const salvage = <S extends z.ZodType>(name: string, schema: S, items: unknown[] | undefined): z.infer<S>[] | undefined => {
    if (items === undefined) return undefined;
    const kept: z.infer<S>[] = [];
    items.forEach((item, index) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) kept.push(parsed.data);
      else problems.push(`Malformed ${name}[${index}] dropped: ${describeZodError(parsed.error)}`);
    });
    return kept;
  };

  const event: ConsoleEvent = { type: "changed" };
  const wards = salvage("wards", CHANGED_COLLECTIONS.wards, loose.data.wards);
  const cameras = salvage("cameras", CHANGED_COLLECTIONS.cameras, loose.data.cameras);
  const sensors = salvage("sensors", CHANGED_COLLECTIONS.sensors, loose.data.sensors);
  const alarms = salvage("alarms", CHANGED_COLLECTIONS.alarms, loose.data.alarms);
  const incidents = salvage("incidents", CHANGED_COLLECTIONS.incidents, loose.data.incidents);
  if (wards !== undefined) event.wards = wards;
  if (cameras !== undefined) event.cameras = cameras;
  if (sensors !== undefined) event.sensors = sensors;
  if (alarms !== undefined) event.alarms = alarms;
  if (incidents !== undefined) event.incidents = incidents;
  if (loose.data.removed !== undefined) event.removed = loose.data.removed;
  return { event, problems };
}
