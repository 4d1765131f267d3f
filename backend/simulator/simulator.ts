import { AlarmSchema, type Alarm, type AlarmPriority } from "../../shared/domain/alarm.js";
import { SensorSchema } from "../../shared/domain/sensor.js";
import { transition } from "../../shared/alarm-lifecycle.js";
import type { CityModel } from "../seed/city-model.js";
import { nextReading } from "../seed/sensor-readings.js";
import type { Random } from "../seeded-random.js";
import type { BackendStore, EntityWrite } from "../store/backend-store.js";
import type { AlarmIdGenerator } from "./alarm-ids.js";
import { createAlarm, randomAlarmType } from "./alarm-factory.js";

export interface SimulatorOptions {
  store: BackendStore;
  model: CityModel;
  ids: AlarmIdGenerator;
  random: Random;
  /** A random alarm this often (when the timers run). */
  alarmIntervalMs: number;
  /** Some sensor readings change this often. */
  sensorIntervalMs: number;
  /** Alarms the timer raised clear by themselves after this long, so the queue does not grow forever. */
  clearAfterMs: number;
  now: () => Date;
  onError: (error: unknown) => void;
}

/** Share of sensors that report a new reading on each sensor tick. */
const SENSOR_SHARE_PER_TICK = 0.25;

/** Makes the city happen: alarms, sensor readings, and alarms that clear by themselves. */
export class Simulator {
  private readonly timers: NodeJS.Timeout[] = [];
  /** Timer-raised alarms, oldest first, waiting to clear. Alarms raised on request never clear by themselves. */
  private readonly toClear: Array<{ id: string; raisedAt: number }> = [];

  constructor(private readonly options: SimulatorOptions) {}

  /** Raises `count` random alarms in one commit; returns their ids. */
  async raiseAlarms(count: number, priority?: AlarmPriority): Promise<string[]> {
    const now = this.options.now();
    const alarms: Alarm[] = [];
    for (let i = 0; i < count; i++) {
      const id = this.options.ids.next(now);
      const recipe = { id, type: randomAlarmType(this.options.random), now, random: this.options.random };
      alarms.push(createAlarm(this.options.model, priority === undefined ? recipe : { ...recipe, priority }));
    }
    await this.options.store.commit(alarms.map((alarm): EntityWrite => ({ entity: "alarm", op: "upsert", id: alarm.id, data: alarm })));
    return alarms.map((a) => a.id);
  }

  start(): void {
    this.every(this.options.alarmIntervalMs, () => this.alarmTick());
    this.every(this.options.sensorIntervalMs, () => this.updateSensors());
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
  }

  private every(intervalMs: number, work: () => Promise<void>): void {
    const timer = setInterval(() => {
      work().catch(this.options.onError);
    }, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  private async alarmTick(): Promise<void> {
    const [id] = await this.raiseAlarms(1);
    if (id !== undefined) this.toClear.push({ id, raisedAt: this.options.now().getTime() });
    await this.clearOldAlarm();
  }

  /** The process side of ISA-18.2: the condition goes away (unacknowledged → rtn_unacknowledged, acknowledged → normal). */
  private async clearOldAlarm(): Promise<void> {
    const oldest = this.toClear[0];
    if (oldest === undefined || this.options.now().getTime() - oldest.raisedAt < this.options.clearAfterMs) return;
    this.toClear.shift();
    const updatedAt = this.options.now().toISOString();
    await this.options.store.transact([{ kind: "alarm", id: oldest.id }], ([stored]) => {
      const alarm = AlarmSchema.safeParse(stored?.data);
      if (!alarm.success) return [];
      const next = transition(alarm.data.state, "clear");
      return next.ok ? [{ entity: "alarm", op: "upsert", id: oldest.id, data: { ...alarm.data, state: next.state, updatedAt } }] : [];
    });
  }

  private async updateSensors(): Promise<void> {
    const chosen = this.options.model.sensors.filter(() => this.options.random() < SENSOR_SHARE_PER_TICK);
    const at = this.options.now().toISOString();
    await this.options.store.transact(
      chosen.map((s) => ({ kind: "sensor" as const, id: s.id })),
      (stored) =>
        stored.flatMap((entity): EntityWrite[] => {
          const sensor = SensorSchema.safeParse(entity?.data);
          if (!sensor.success) return [];
          const lastValue = nextReading(sensor.data.kind, sensor.data.lastValue, this.options.random);
          return [{ entity: "sensor", op: "upsert", id: sensor.data.id, data: { ...sensor.data, lastValue, lastAt: at } }];
        }),
    );
  }
}
