import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Command } from "../../shared/commands/command.js";
import { CameraSchema, type Camera } from "../../shared/domain/camera.js";
import { urlWithCredentials, type CameraCredentials } from "../../shared/domain/camera-setup.js";
import type { VideoService } from "../hls/video-service.js";
import type { Recorder } from "../recordings/recorder.js";
import type { BackendStore, EntityWrite } from "../store/backend-store.js";
import { servedCamera, sourceChanges, wantedSources } from "./camera-plan.js";

export interface CameraRuntimeDeps {
  store: BackendStore;
  video: VideoService;
  recorder: Recorder | null;
  /** The cameras the recording routes know: the administered ones are added as they appear. */
  knownCameras: Set<string>;
  /** This backend's public base URL (known once it listens). */
  publicUrl(): string;
  /** Retention quota of every camera (the backend's option). */
  quotaBytes: number | null;
  logger: Logger;
}

function credentialKey(credentials: CameraCredentials | null): string {
  // A digest, so the key held in memory to compare runs is no copy of the password.
  return credentials === null ? "" : createHash("sha256").update(JSON.stringify(credentials)).digest("hex");
}

/**
 * Runs what the cameras supervisors add need, while the backend runs: an ffmpeg repackaging each
 * enabled camera's stream (credentials from the private table), its recording, and its record's
 * stream address and status. Follows every commit that touches a camera.
 */
export class CameraRuntime {
  /** Camera id → key of the source its encoder runs. */
  private readonly running = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();
  private pending = false;
  private closed = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: CameraRuntimeDeps) {}

  start(): Promise<void> {
    this.unsubscribe = this.deps.store.onCommit((changes) => {
      if (changes.some((c) => c.entity === "camera")) this.refresh();
    });
    this.refresh();
    return this.queue;
  }

  /**
   * After a camera command the backend applied: its credentials into the private table (never
   * into the change feed), then the runtime brought up to date.
   */
  async afterCommand(command: Command): Promise<void> {
    if ((command.type === "camera_add" || command.type === "camera_edit") && command.settings.credentials !== undefined) {
      await this.deps.store.cameraSecrets.putCredentials(command.target.id, command.settings.credentials);
    }
    if (command.target.kind === "camera") await this.refresh();
  }

  /** Brings everything in line with the stored cameras; calls made while one runs are served by one more run. */
  refresh(): Promise<void> {
    if (this.pending) return this.queue;
    this.pending = true;
    this.queue = this.queue.then(async () => {
      this.pending = false;
      if (this.closed) return;
      try {
        await this.reconcile();
      } catch (error) {
        this.deps.logger.error({ err: error }, "could not bring the added cameras up to date");
      }
    });
    return this.queue;
  }

  private async reconcile(): Promise<void> {
    const { store, video, recorder, knownCameras } = this.deps;
    const cameras = (await store.listEntities("camera")).flatMap((data): Camera[] => {
      const parsed = CameraSchema.safeParse(data);
      return parsed.success && parsed.data.setup !== undefined ? [parsed.data] : [];
    });
    const credentials = new Map<string, CameraCredentials | null>();
    for (const camera of cameras) {
      knownCameras.add(camera.id);
      credentials.set(camera.id, await store.cameraSecrets.getCredentials(camera.id));
    }
    const wanted = wantedSources(cameras, (id) => credentialKey(credentials.get(id) ?? null));
    const { stop, start } = sourceChanges(this.running, wanted);
    for (const id of stop) {
      await video.setSource(id, null);
      this.running.delete(id);
    }
    for (const source of start) {
      const setup = cameras.find((c) => c.id === source.cameraId)?.setup;
      if (setup === undefined) continue;
      const secret = credentials.get(source.cameraId) ?? null;
      await video.setSource(source.cameraId, { url: urlWithCredentials(setup.url, secret), subUrl: setup.subStreamUrl === null ? null : urlWithCredentials(setup.subStreamUrl, secret) });
      this.running.set(source.cameraId, source.key);
      this.deps.logger.info({ camera: source.cameraId }, "repackaging an added camera's stream");
    }
    if (recorder !== null) {
      const recorded = new Map(wanted.flatMap((w) => (w.recording === null ? [] : [[w.cameraId, w.recording] as const])));
      for (const camera of cameras) {
        const recording = recorded.get(camera.id);
        if (recording === undefined) recorder.unfollow(camera.id);
        else recorder.follow(camera.id, { retentionDays: recording.retentionDays, quotaBytes: this.deps.quotaBytes });
      }
    }
    await this.serveRecords(cameras.map((c) => c.id));
  }

  /** Stream address and status written in the same transaction as a fresh read: a supervisor's edit in between is kept. */
  private async serveRecords(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const publicUrl = this.deps.publicUrl();
    await this.deps.store.transact(
      ids.map((id) => ({ kind: "camera" as const, id })),
      (entities) =>
        entities.flatMap((entity): EntityWrite[] => {
          const parsed = CameraSchema.safeParse(entity?.data);
          const served = parsed.success ? servedCamera(parsed.data, publicUrl, this.deps.video.available) : null;
          return served === null ? [] : [{ entity: "camera", op: "upsert", id: served.id, data: served }];
        }),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    await this.queue;
  }
}
