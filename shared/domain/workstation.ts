import { z } from "zod";

export const DisplayRoleSchema = z.enum(["combined", "map", "wall", "alarms"]);
export type DisplayRole = z.infer<typeof DisplayRoleSchema>;

export const WorkstationSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
});
export type Workstation = z.infer<typeof WorkstationSchema>;
