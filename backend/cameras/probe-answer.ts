import { z } from "zod";
import { redactUrlCredentials } from "../../shared/domain/camera-setup.js";
import type { CameraProbe } from "../../shared/protocol/cameras.js";

/** Pure: ffprobe's arguments for the first video stream of an address, giving up after `timeoutS` without an answer. */
export function probeArgs(url: string, timeoutS: number): string[] {
  const micros = String(timeoutS * 1_000_000);
  const rtsp = /^rtsps?:/i.test(url);
  return [
    "-v", "error", "-hide_banner",
    // RTSP's socket time-out is -timeout; HTTP's read/write one is -rw_timeout.
    ...(rtsp ? ["-timeout", micros] : ["-rw_timeout", micros]),
    "-select_streams", "v:0",
    "-show_entries", "stream=codec_name,width,height,avg_frame_rate,r_frame_rate",
    "-of", "json",
    url,
  ];
}

const ProbeOutputSchema = z.object({
  streams: z.array(z.object({ codec_name: z.string().optional(), width: z.number().optional(), height: z.number().optional(), avg_frame_rate: z.string().optional(), r_frame_rate: z.string().optional() })).optional(),
});

function frameRate(text: string | undefined): number | null {
  const match = /^(\d+)\/(\d+)$/.exec(text ?? "");
  if (match === null) return null;
  const [num, den] = [Number(match[1]), Number(match[2])];
  return den > 0 && num > 0 ? Math.round((num / den) * 100) / 100 : null;
}

/** Pure: what ffprobe's JSON says of the first video stream. */
export function parseProbeOutput(stdout: string): CameraProbe {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { answered: false, problem: "The camera answered, but not with a video stream ffprobe can read." };
  }
  const parsed = ProbeOutputSchema.safeParse(json);
  const stream = parsed.success ? parsed.data.streams?.[0] : undefined;
  if (stream?.codec_name === undefined || stream.width === undefined || stream.height === undefined || stream.width <= 0 || stream.height <= 0) {
    return { answered: false, problem: "The address answers but sends no video stream." };
  }
  return { answered: true, codec: stream.codec_name.slice(0, 40), width: stream.width, height: stream.height, fps: frameRate(stream.avg_frame_rate) ?? frameRate(stream.r_frame_rate) };
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port !== "" ? parsed.port : /^rtsps?:/i.test(url) ? (parsed.protocol === "rtsps:" ? "322" : "554") : parsed.protocol === "https:" ? "443" : "80";
    return `${parsed.hostname}:${port}`;
  } catch {
    return "the camera";
  }
}

/** Pure: why a probe failed, in one sentence the supervisor can act on; ffprobe's own words (without credentials) otherwise. */
export function probeFailure(url: string, stderr: string, timedOut: boolean, timeoutS: number): string {
  const host = hostOf(url);
  // "timed out", not "timeout": ffmpeg's messages quote the tcp://…?timeout=N address they tried.
  if (timedOut || /timed out/i.test(stderr)) return `No answer from ${host} in ${timeoutS} s.`;
  if (/\b401\b|Unauthorized/i.test(stderr)) return "401 from the camera: check the user name and password.";
  if (/\b403\b|Forbidden/i.test(stderr)) return "403 from the camera: this user may not read the stream.";
  if (/\b404\b|Not Found/i.test(stderr)) return `404 from ${host}: the camera has no stream at this path.`;
  if (/Connection refused/i.test(stderr)) return `${host} refused the connection: check the port, and that the camera's RTSP or HTTP service is on.`;
  if (/No route to host|Network is unreachable|Name or service not known|resolve/i.test(stderr)) return `${host} cannot be reached from the backend: check the address and the network.`;
  const line = stderr.split("\n").map((l) => l.trim()).find((l) => l.length > 0);
  return line === undefined ? `No video from ${host}.` : `No video from ${host}: ${redactUrlCredentials(line).slice(0, 300)}`;
}
