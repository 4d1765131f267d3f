import { z } from "zod";
import { IsoTimeSchema, LonLatSchema } from "./geo.js";

export const IncidentStatusSchema = z.enum(["open", "in_progress", "closed"]);

export const IncidentSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  status: IncidentStatusSchema,
  wardCode: z.string(),
  location: LonLatSchema,
  alarmIds: z.array(z.string()),
  assignedUnit: z.string().nullable(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Incident = z.infer<typeof IncidentSchema>;
