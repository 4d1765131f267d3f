import { z } from "zod";
import { AddedCameraIdSchema, CameraCredentialsSchema, CameraUrlSchema } from "../domain/camera-setup.js";

/** The cameras' administration endpoints besides the commands (which go through /api/v1/actions). */
export const CAMERA_PATHS = {
  /** POST CameraProbeRequest → Result<CameraProbe> (supervisors) */
  probe: "/api/v1/cameras/probe",
} as const;

/** Longest a connection test waits for the camera's first answer. */
export const CAMERA_PROBE_TIMEOUT_S = 5;

/**
 * "Test connection" of an address before it is saved. The credentials typed in the form, or, for
 * a camera whose stored ones are kept, that camera's id: the backend uses the stored ones.
 */
export const CameraProbeRequestSchema = z.object({
  url: CameraUrlSchema,
  credentials: CameraCredentialsSchema.nullable(),
  storedCredentialsOf: AddedCameraIdSchema.nullable(),
});
export type CameraProbeRequest = z.infer<typeof CameraProbeRequestSchema>;

/**
 * What the test found: the camera answered with its video codec, picture size and frame rate (null
 * when it does not say), or why there was no picture, in one sentence the supervisor can act on.
 * A camera that does not answer is a result of the test, not an error of the request.
 */
export const CameraProbeSchema = z.discriminatedUnion("answered", [
  z.object({
    answered: z.literal(true),
    codec: z.string().min(1).max(40),
    width: z.number().int().positive().max(16_384),
    height: z.number().int().positive().max(16_384),
    fps: z.number().positive().max(1000).nullable(),
  }),
  z.object({ answered: z.literal(false), problem: z.string().min(1).max(500) }),
]);
export type CameraProbe = z.infer<typeof CameraProbeSchema>;

/** Console API: a supervisor's connection test, made by the backend (the camera is on its network, not the console's). */
export const CAMERA_REQUESTS = [z.object({ type: z.literal("cameras.probe"), probe: CameraProbeRequestSchema })] as const;
export const CAMERA_RESPONSE_SCHEMAS = { "cameras.probe": CameraProbeSchema } as const;
