import type { Camera } from "../../shared/domain/camera.js";
import type { CameraStatus } from "../../shared/domain/camera.js";

/** What the backend runs for one administered camera: the address ffmpeg repackages (a key to compare) and its recording. */
export interface WantedSource {
  cameraId: string;
  /** Changes whenever the address, the sub-stream or the credentials change: the encoder restarts. */
  key: string;
  recording: { retentionDays: number } | null;
}

/** Pure: the sources the administered cameras want: enabled ones only. */
export function wantedSources(cameras: readonly Camera[], credentialKey: (cameraId: string) => string): WantedSource[] {
  return cameras.flatMap((camera) => {
    const setup = camera.setup;
    if (setup === undefined || !setup.enabled) return [];
    return [
      {
        cameraId: camera.id,
        key: JSON.stringify([setup.url, setup.subStreamUrl, credentialKey(camera.id)]),
        recording: setup.recording ? { retentionDays: setup.retentionDays } : null,
      },
    ];
  });
}

/** Pure: which encoders to stop and which to (re)start to go from what runs to what is wanted. */
export function sourceChanges(running: ReadonlyMap<string, string>, wanted: readonly WantedSource[]): { stop: string[]; start: WantedSource[] } {
  const wantedById = new Map(wanted.map((w) => [w.cameraId, w]));
  const stop = [...running.keys()].filter((id) => wantedById.get(id)?.key !== running.get(id));
  const start = wanted.filter((w) => running.get(w.cameraId) !== w.key);
  return { stop, start };
}

/**
 * Pure: an administered camera as the backend serves it: its stream at this backend's public
 * address, online while it is enabled and video works. Null when it already is so.
 */
export function servedCamera(camera: Camera, publicUrl: string, videoAvailable: boolean): Camera | null {
  if (camera.setup === undefined) return null;
  const streamUrl = `${publicUrl}/hls/${camera.id}/index.m3u8`;
  const status: CameraStatus = camera.setup.enabled && videoAvailable ? "online" : "offline";
  return camera.streamUrl === streamUrl && camera.status === status ? null : { ...camera, streamUrl, status };
}
