import { z } from "zod";
import { IsoTimeSchema, LonLatSchema } from "./geo.js";

export const SensorKindSchema = z.enum(["air_quality", "water_level", "traffic_count", "noise", "rainfall"]);
export type SensorKind = z.infer<typeof SensorKindSchema>;

export const SensorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: SensorKindSchema,
  wardCode: z.string(),
  location: LonLatSchema,
  unit: z.string(),
  lastValue: z.number().nullable(),
  lastAt: IsoTimeSchema.nullable(),
});
export type Sensor = z.infer<typeof SensorSchema>;
