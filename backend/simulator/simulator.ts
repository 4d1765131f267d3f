import { AlarmSchema, type Alarm, type AlarmPriority } from "../../shared/domain/alarm.js";
import { SensorSchema } from "../../shared/domain/sensor.js";
import { transition } from "../../shared/alarm-lifecycle.js";
import type { CityModel } from "../seed/city-model.js";
import { nextReading } from "../seed/sensor-readings.js";
import type { Random } from "../../shared/seeded-random.js";
import type { BackendStore, EntityWrite } from "../store/backend-store.js";
import type { AlarmIdGenerator } from "./alarm-ids.js";
import { createAlarm, randomAlarmType } from "./alarm-factory.js";
import { chatterSources, type ChatterSource } from "./chatter-sources.js";
import { pick } from "../../shared/seeded-random.js";
import type { DomainSample } from "../../shared/domain/domain-sample.js";
import { newBreaches } from "../../shared/dashboards/thresholds.js";
import { domainSamplesForHour } from "./domain-series.js";

const HOUR_MS = 3_600_000;

export interface SimulatorOptions {
  store: BackendStore;
  model: CityModel;
  ids: AlarmIdGenerator;
  random: Random;
  /** A random alarm this often (when the timers run). */
  alarmIntervalMs: number;
  /** Some sensor readings change this often. */
  sensorIntervalMs: number;
  /** The current hour's domain series are rewritten this often (and the last hour completed when it ends). */
  domainIntervalMs: number;
  /** Alarms the timer raised clear by themselves after this long, so the queue does not grow forever. */
  clearAfterMs: number;
  now: () => Date;
  onError: (error: unknown) => void;
}

const FLOOD_TICKS_PER_SECOND = 10;
const CHATTER_SOURCES = 5;

/** Share of sensors that report a new reading on each sensor tick. */
const SENSOR_SHARE_PER_TICK = 0.25;

/** Makes the city happen: alarms, sensor readings, and alarms that clear by themselves. */
export class Simulator {
  private readonly timers: NodeJS.Timeout[] = [];
  /** Timer-raised alarms, oldest first, waiting to clear. Alarms raised on request never clear by themselves. */
  private readonly toClear: Array<{ id: string; raisedAt: number }> = [];
  private alarmTimer: NodeJS.Timeout | null = null;
  private alarmIntervalMs = 0;
  private floodTimer: NodeJS.Timeout | null = null;
  private floodUntil: Date | null = null;
  /** Threshold breaches already raised as alarms (type and ward), so a breach that lasts raises one alarm. */
  private activeBreaches: ReadonlySet<string> = new Set();
  /** The hour the last domain tick wrote, to complete it once the next hour begins. */
  private lastDomainHour: number | null = null;

  constructor(private readonly options: SimulatorOptions) {}

  /** Raises `count` random alarms in one commit; returns their ids. `chatter` repeats these sources for a share of them. */
  async raiseAlarms(count: number, priority?: AlarmPriority, chatter?: { sources: readonly ChatterSource[]; share: number }): Promise<string[]> {
    const now = this.options.now();
    const alarms: Alarm[] = [];
    for (let i = 0; i < count; i++) {
      const id = this.options.ids.next(now);
      const repeat = chatter !== undefined && chatter.sources.length > 0 && this.options.random() < chatter.share ? pick(this.options.random, chatter.sources) : null;
      const recipe =
        repeat === null
          ? { id, type: randomAlarmType(this.options.model, this.options.random), now, random: this.options.random }
          : { id, type: repeat.type, anchorId: repeat.anchorId, now, random: this.options.random };
      alarms.push(createAlarm(this.options.model, priority === undefined ? recipe : { ...recipe, priority }));
    }
    await this.options.store.commit(alarms.map((alarm): EntityWrite => ({ entity: "alarm", op: "upsert", id: alarm.id, data: alarm })));
    return alarms.map((a) => a.id);
  }

  start(): void {
    this.setAlarmInterval(this.options.alarmIntervalMs);
    this.every(this.options.sensorIntervalMs, () => this.updateSensors());
    this.every(this.options.domainIntervalMs, () => this.domainTick());
  }

  hasWard(code: string): boolean {
    return this.options.model.wards.some((w) => w.code === code);
  }

  /**
   * Writes domain samples and raises an alarm for each threshold newly crossed (one ward, one
   * type), in one commit with them; returns the alarms' ids.
   */
  async publishDomainSamples(samples: readonly DomainSample[]): Promise<string[]> {
    const now = this.options.now();
    const { raise, active } = newBreaches(samples, this.activeBreaches);
    const alarms = raise.map(({ type, wardCode }) => createAlarm(this.options.model, { id: this.options.ids.next(now), type, anchorId: wardCode, now, random: this.options.random }));
    await this.options.store.commit([
      ...samples.map((sample): EntityWrite => ({ entity: "domain_sample", op: "upsert", id: sample.id, data: sample })),
      ...alarms.map((alarm): EntityWrite => ({ entity: "alarm", op: "upsert", id: alarm.id, data: alarm })),
    ]);
    this.activeBreaches = active;
    return alarms.map((a) => a.id);
  }

  /** The current hour so far, and the previous one complete if it ended since the last tick. */
  private async domainTick(): Promise<void> {
    const now = this.options.now();
    const hourStart = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const codes = this.options.model.wards.map((w) => w.code);
    const ended = this.lastDomainHour !== null && this.lastDomainHour < hourStart ? domainSamplesForHour(codes, new Date(this.lastDomainHour), 1, now) : [];
    const current = domainSamplesForHour(codes, new Date(hourStart), (now.getTime() - hourStart) / HOUR_MS, now);
    this.lastDomainHour = hourStart;
    await this.publishDomainSamples([...ended, ...current]);
  }

  /** Changes how often a random alarm is raised; 0 stops them. */
  setAlarmInterval(intervalMs: number): void {
    if (this.alarmTimer !== null) clearInterval(this.alarmTimer);
    this.alarmTimer = null;
    this.alarmIntervalMs = intervalMs;
    if (intervalMs <= 0) return;
    this.alarmTimer = setInterval(() => {
      this.alarmTick().catch(this.options.onError);
    }, intervalMs);
    this.alarmTimer.unref();
  }

  get currentAlarmIntervalMs(): number {
    return this.alarmIntervalMs;
  }

  /**
   * Flood mode: `perSecond` alarms a second for `seconds`, raised in batches ten times a second;
   * a share of them repeat five sources, as chattering field devices do in a real flood.
   */
  startFlood(perSecond: number, seconds: number, chatterShare: number, priority?: AlarmPriority): Date {
    this.stopFlood();
    const sources = chatterSources(this.options.model, this.options.random, CHATTER_SOURCES);
    const ticks = Math.max(1, Math.round(seconds * FLOOD_TICKS_PER_SECOND));
    let tick = 0;
    let raised = 0;
    this.floodUntil = new Date(this.options.now().getTime() + seconds * 1000);
    this.floodTimer = setInterval(() => {
      tick += 1;
      // Spread the remainder so the total is exactly perSecond × seconds.
      const target = Math.round((perSecond * seconds * tick) / ticks);
      const count = target - raised;
      raised = target;
      if (tick >= ticks) this.stopFlood();
      if (count > 0) this.raiseAlarms(count, priority, { sources, share: chatterShare }).catch(this.options.onError);
    }, 1000 / FLOOD_TICKS_PER_SECOND);
    this.floodTimer.unref();
    return this.floodUntil;
  }

  get currentFloodUntil(): Date | null {
    return this.floodUntil;
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
    this.setAlarmInterval(0);
    this.stopFlood();
  }

  private stopFlood(): void {
    if (this.floodTimer !== null) clearInterval(this.floodTimer);
    this.floodTimer = null;
    this.floodUntil = null;
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
