import { z } from "zod";
import { LIMITS } from "../limits.js";

/** Made where the camera is added (the console), so an addition sent twice is one camera: `cam-` and a UUID. */
export const AddedCameraIdSchema = z.string().regex(/^cam-[0-9a-zA-Z-]{8,64}$/, "an added camera's id is cam- followed by a UUID");

const STREAM_SCHEMES = ["rtsp:", "rtsps:", "http:", "https:"];

/** Why a camera address is refused, in one sentence, or null. Pure and strict: the backend hands it to ffmpeg. */
export function cameraUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Not a web address: write it as rtsp://host:554/path or https://host/stream.m3u8.";
  }
  if (!STREAM_SCHEMES.includes(url.protocol)) return `Only rtsp, rtsps, http and https addresses are accepted (not ${url.protocol.replace(/:$/, "")}).`;
  if (url.hostname === "") return "The address names no host.";
  // Credentials written into the address would sync to every console and land in logs: they have their own fields.
  if (url.username !== "" || url.password !== "") return "Put the user name and password in their own fields, not in the address.";
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return "The address contains spaces or control characters.";
  return null;
}

/** An RTSP or HLS address of a camera: bounded, of an accepted scheme, with no credentials in it. */
export const CameraUrlSchema = z
  .string()
  .trim()
  .min(1, "The camera's address is required.")
  .max(LIMITS.cameraUrlChars, `A camera's address is at most ${LIMITS.cameraUrlChars} characters.`)
  .superRefine((text, context) => {
    const problem = cameraUrlProblem(text);
    if (problem !== null) context.addIssue({ code: "custom", message: problem });
  });

/** How the backend signs in to a camera's stream. Kept only on the backend. */
export const CameraCredentialsSchema = z.object({
  username: z.string().min(1).max(LIMITS.cameraUserChars),
  password: z.string().min(1).max(LIMITS.passwordChars),
});
export type CameraCredentials = z.infer<typeof CameraCredentialsSchema>;

/** What a supervisor sets of a camera's stream, secret included: what the add and edit commands carry. */
export const CameraStreamSettingsSchema = z.object({
  url: CameraUrlSchema,
  /** A lower-resolution stream of the same camera, for small wall tiles. */
  subStreamUrl: CameraUrlSchema.nullable(),
  credentials: CameraCredentialsSchema.nullable(),
  recording: z.boolean(),
  retentionDays: z.number().int().min(1).max(LIMITS.retentionDaysMax),
});
export type CameraStreamSettings = z.infer<typeof CameraStreamSettingsSchema>;

/**
 * The same settings as every console sees them: derived from the private form without its secret,
 * saying only whether there is one.
 */
export const PublicCameraSetupSchema = CameraStreamSettingsSchema.omit({ credentials: true }).extend({
  hasCredentials: z.boolean(),
  /** A disabled camera keeps its record (and recordings) but is neither streamed nor recorded. */
  enabled: z.boolean(),
});
export type PublicCameraSetup = z.infer<typeof PublicCameraSetupSchema>;

/** Pure: the public form of a camera's settings. */
export function publicSetupOf(settings: CameraStreamSettings, enabled: boolean): PublicCameraSetup {
  const { credentials, ...rest } = settings;
  return { ...rest, hasCredentials: credentials !== null, enabled };
}

/**
 * Pure: whether two addresses reach the same server (scheme, host, port). Stored credentials are
 * only ever sent where they were given for: an address moved elsewhere needs them typed again.
 */
export function sameServer(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.protocol === y.protocol && x.hostname.toLowerCase() === y.hostname.toLowerCase() && x.port === y.port;
  } catch {
    return false;
  }
}

/** The source kind an address implies. */
export function sourceKindOf(url: string): "rtsp" | "hls" {
  return /^rtsps?:/i.test(url) ? "rtsp" : "hls";
}

/** Pure: an address with credentials written in, as ffmpeg and ffprobe take them (never logged nor stored). */
export function urlWithCredentials(url: string, credentials: CameraCredentials | null): string {
  if (credentials === null) return url;
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(credentials.username);
  parsed.password = encodeURIComponent(credentials.password);
  return parsed.toString();
}

/** Pure: any user:password@ in text (ffmpeg's messages repeat the address) replaced by ***@. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, "$1***@");
}
