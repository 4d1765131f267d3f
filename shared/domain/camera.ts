import { z } from "zod";
import { LonLatSchema } from "./geo.js";
import { PublicCameraSetupSchema } from "./camera-setup.js";

export const CameraStatusSchema = z.enum(["online", "offline"]);
export type CameraStatus = z.infer<typeof CameraStatusSchema>;

export const CameraSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  wardCode: z.string(),
  location: LonLatSchema,
  /** Compass bearing of the view direction in degrees, where known. */
  bearing: z.number().min(0).max(360).nullable(),
  status: CameraStatusSchema,
  /** Absolute URL of the camera's HLS playlist. */
  streamUrl: z.url(),
  /** How the backend gets the picture: a looped simulation, a live encode, an RTSP camera or a plain HLS source. */
  source: z.enum(["simulated", "live", "rtsp", "hls"]),
  /** A camera a supervisor added: its stream settings without their secret. Absent for the catalogue's cameras. */
  setup: PublicCameraSetupSchema.optional(),
});
export type Camera = z.infer<typeof CameraSchema>;
