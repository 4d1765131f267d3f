import { z } from "zod";
import { AddedCameraIdSchema, CameraCredentialsSchema, CameraStreamSettingsSchema, publicSetupOf, sameServer, sourceKindOf } from "../domain/camera-setup.js";
import type { Camera } from "../domain/camera.js";
import { LonLatSchema } from "../domain/geo.js";
import type { Operator } from "../domain/operator.js";
import { IdSchema, NameTextSchema } from "../limits.js";
import { assertNever, err, ok, type Result } from "../result.js";
import { targetOf } from "./target.js";

const CameraTarget = targetOf("camera", AddedCameraIdSchema);

const CameraPlaceSchema = { name: NameTextSchema, wardCode: IdSchema, location: LonLatSchema };

/** An edit's settings: credentials left out keep the stored ones; null removes them. */
const EditedSettingsSchema = CameraStreamSettingsSchema.extend({ credentials: CameraCredentialsSchema.nullable().optional() });

/** What a supervisor does to the cameras the centre adds itself (RTSP or HLS sources). */
export const CAMERA_COMMANDS = [
  z.object({ type: z.literal("camera_add"), target: CameraTarget, ...CameraPlaceSchema, settings: CameraStreamSettingsSchema }),
  z.object({ type: z.literal("camera_edit"), target: CameraTarget, ...CameraPlaceSchema, settings: EditedSettingsSchema }),
  z.object({ type: z.literal("camera_disable"), target: CameraTarget }),
  z.object({ type: z.literal("camera_enable"), target: CameraTarget }),
] as const;

export const CameraCommandSchema = z.discriminatedUnion("type", CAMERA_COMMANDS);
export type CameraCommand = z.infer<typeof CameraCommandSchema>;

/**
 * Where a new camera's stream will be until the backend names it (it knows its public address;
 * the console does not): never played, since a camera is offline until the backend says otherwise.
 */
export function pendingStreamUrl(cameraId: string): string {
  return `http://camera.invalid/hls/${cameraId}/index.m3u8`;
}

/** Pure: the camera after a supervisor's command; the very same object when it is already so. */
export function applyCameraCommand(current: Camera | null, command: CameraCommand, operator: Operator): Result<Camera> {
  if (operator.role !== "supervisor") return err("forbidden", `${operator.name} is not a supervisor; only supervisors add, change or disable cameras.`);
  const id = command.target.id;
  if (command.type === "camera_add") {
    if (current !== null) return err("conflict", `Camera ${id} already exists.`);
    const { name, wardCode, location, settings } = command;
    return ok({
      id,
      name,
      wardCode,
      location,
      bearing: null,
      status: "offline",
      streamUrl: pendingStreamUrl(id),
      source: sourceKindOf(settings.url),
      setup: publicSetupOf(settings, true),
    });
  }
  if (current === null) return err("not_found", `Camera ${id} does not exist.`);
  const setup = current.setup;
  if (setup === undefined) return err("forbidden", `Camera ${id} comes from the city's catalogue; it is not administered here.`);
  switch (command.type) {
    case "camera_edit": {
      const { name, wardCode, location, settings } = command;
      const { credentials, ...rest } = settings;
      const hasCredentials = credentials === undefined ? setup.hasCredentials : credentials !== null;
      // Kept credentials go only to the server they were given for.
      const moved = !sameServer(settings.url, setup.url) || (settings.subStreamUrl !== null && !sameServer(settings.subStreamUrl, setup.subStreamUrl ?? setup.url));
      if (credentials === undefined && setup.hasCredentials && moved) return err("invalid_request", "The camera's address points at another server: type its user name and password again.");
      const next: Camera = { ...current, name, wardCode, location, source: sourceKindOf(settings.url), setup: { ...rest, hasCredentials, enabled: setup.enabled } };
      // New credentials change nothing the consoles see, yet they are a change: the backend stores them.
      return credentials === undefined && JSON.stringify(next) === JSON.stringify(current) ? ok(current) : ok(next);
    }
    case "camera_disable":
      return setup.enabled ? ok({ ...current, status: "offline", setup: { ...setup, enabled: false } }) : ok(current);
    case "camera_enable":
      return setup.enabled ? ok(current) : ok({ ...current, setup: { ...setup, enabled: true } });
    default:
      return assertNever(command);
  }
}
