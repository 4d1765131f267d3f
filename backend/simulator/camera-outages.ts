import { AlarmSchema } from "../../shared/domain/alarm.js";
import { CameraSchema, type CameraStatus } from "../../shared/domain/camera.js";
import { transition } from "../../shared/alarm-lifecycle.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { CityModel } from "../seed/city-model.js";
import { hashString, seededRandom } from "../../shared/seeded-random.js";
import type { BackendStore, EntityWrite } from "../store/backend-store.js";
import type { AlarmIdGenerator } from "./alarm-ids.js";
import { createAlarm } from "./alarm-factory.js";

interface Outage {
  until: number;
  timer: NodeJS.Timeout;
  alarmId: string;
}

export interface OutageStarted {
  cameraId: string;
  status: CameraStatus;
  until: string;
}

/**
 * Simulated camera failures: the camera goes offline (its HLS answers 503), a camera_offline
 * alarm is raised, and when the outage ends the camera comes back and the alarm clears
 * (returns to normal, or waits for acknowledgement as ISA-18.2 asks).
 */
export class CameraOutages {
  private readonly outages = new Map<string, Outage>();

  constructor(
    private readonly store: BackendStore,
    private readonly model: CityModel,
    private readonly ids: AlarmIdGenerator,
    /** The status a camera has when nothing is wrong with it (offline when video is off). */
    private readonly normalStatus: CameraStatus,
    private readonly onError: (error: unknown) => void,
  ) {}

  isOut(cameraId: string): boolean {
    return this.outages.has(cameraId);
  }

  statusOf(cameraId: string): CameraStatus {
    return this.isOut(cameraId) ? "offline" : this.normalStatus;
  }

  async start(cameraId: string, seconds: number, now: Date): Promise<Result<OutageStarted>> {
    if (!this.model.cameras.some((c) => c.id === cameraId)) return err("not_found", `Camera ${cameraId} does not exist.`);
    const until = now.getTime() + seconds * 1000;
    const existing = this.outages.get(cameraId);
    if (existing !== undefined) {
      // Extending a running outage: same alarm, later end.
      clearTimeout(existing.timer);
      const extended = { ...existing, until: Math.max(existing.until, until) };
      extended.timer = this.endTimer(cameraId, extended.until - now.getTime());
      this.outages.set(cameraId, extended);
      return ok({ cameraId, status: "offline", until: new Date(extended.until).toISOString() });
    }
    const alarmId = this.ids.next(now);
    const alarm = createAlarm(this.model, { id: alarmId, type: "camera_offline", anchorId: cameraId, now, random: seededRandom(hashString(alarmId)) });
    this.outages.set(cameraId, { until, alarmId, timer: this.endTimer(cameraId, until - now.getTime()) });
    await this.store.transact([{ kind: "camera", id: cameraId }], ([camera]) => {
      const parsed = CameraSchema.safeParse(camera?.data);
      const writes: EntityWrite[] = [{ entity: "alarm", op: "upsert", id: alarmId, data: alarm }];
      if (parsed.success) writes.unshift({ entity: "camera", op: "upsert", id: cameraId, data: { ...parsed.data, status: "offline" } });
      return writes;
    });
    return ok({ cameraId, status: "offline", until: new Date(until).toISOString() });
  }

  close(): void {
    for (const outage of this.outages.values()) clearTimeout(outage.timer);
    this.outages.clear();
  }

  private endTimer(cameraId: string, delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.end(cameraId).catch(this.onError);
    }, delayMs);
    timer.unref();
    return timer;
  }

  private async end(cameraId: string): Promise<void> {
    const outage = this.outages.get(cameraId);
    if (outage === undefined) return;
    this.outages.delete(cameraId);
    const now = new Date().toISOString();
    await this.store.transact(
      [
        { kind: "camera", id: cameraId },
        { kind: "alarm", id: outage.alarmId },
      ],
      ([camera, alarm]) => {
        const writes: EntityWrite[] = [];
        const parsedCamera = CameraSchema.safeParse(camera?.data);
        if (parsedCamera.success) {
          writes.push({ entity: "camera", op: "upsert", id: cameraId, data: { ...parsedCamera.data, status: this.normalStatus } });
        }
        const parsedAlarm = AlarmSchema.safeParse(alarm?.data);
        const cleared = parsedAlarm.success ? transition(parsedAlarm.data.state, "clear") : null;
        if (parsedAlarm.success && cleared?.ok === true) {
          writes.push({ entity: "alarm", op: "upsert", id: outage.alarmId, data: { ...parsedAlarm.data, state: cleared.state, updatedAt: now } });
        }
        return writes;
      },
    );
  }
}
