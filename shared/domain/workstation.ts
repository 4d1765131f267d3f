import { z } from "zod";

/**
 * What a window of the workstation shows: one pane, or all three (a single-monitor desk); or the
 * city's domain dashboards, which only ever get a window of their own.
 */
export const DisplayRoleSchema = z.enum(["combined", "map", "wall", "alarms", "dashboards"]);
export type DisplayRole = z.infer<typeof DisplayRoleSchema>;

export const WorkstationSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
});
export type Workstation = z.infer<typeof WorkstationSchema>;

/** A rectangle in the desktop's virtual coordinates (pixels, as the OS reports displays). */
export const RectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Rect = z.infer<typeof RectSchema>;

/** One monitor as the workstation reports it (Electron's `screen`, or the Window Management API). */
export const DisplayInfoSchema = z.object({
  id: z.string().min(1),
  bounds: RectSchema,
  /** Where windows may go (the bounds minus task bars); defaults to bounds. */
  workArea: RectSchema.optional(),
  primary: z.boolean().default(false),
});
export type DisplayInfo = z.input<typeof DisplayInfoSchema>;

/**
 * One window the operator placed: kept (electron-store) and restored while its display is still
 * there with the same id, size and position. `key` names the window ("map", "wall-2").
 */
export const WindowAssignmentSchema = z.object({
  key: z.string().min(1),
  role: DisplayRoleSchema,
  display: z.object({ id: z.string().min(1), bounds: RectSchema }),
  bounds: RectSchema,
  fullscreen: z.boolean().default(false),
});
export type WindowAssignment = z.infer<typeof WindowAssignmentSchema>;
