import { describe, expect, it } from "vitest";
import { AlarmSchema } from "../../shared/domain/alarm.js";
import { DomainSampleSchema, PROCEDURE_GROUPS, SERIES_DOMAINS, type DomainSample } from "../../shared/domain/domain-sample.js";
import { periodTotal } from "../../shared/dashboards/aggregate.js";
import { buildCityModel } from "../../backend/seed/city-model.js";
import { buildSeedWrites } from "../../backend/seed/seed.js";
import { loadUongBiWards } from "../../backend/seed/ward-geodata.js";
import { domainHistory, domainSamplesForHour } from "../../backend/simulator/domain-series.js";
import { AlarmIdGenerator } from "../../backend/simulator/alarm-ids.js";
import { Simulator } from "../../backend/simulator/simulator.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";
import { seededRandom } from "../../shared/seeded-random.js";

const model = buildCityModel(loadUongBiWards());
const codes = model.wards.map((w) => w.code);
/** Hours as city time (UTC+7) on Wednesday 2 and Sunday 6 December 2026. */
const cityHour = (day: number, hour: number) => new Date(Date.UTC(2026, 11, day, hour - 7));
const of = <D extends DomainSample["domain"]>(samples: readonly DomainSample[], domain: D) => samples.filter((s): s is Extract<DomainSample, { domain: D }> => s.domain === domain);

describe("the simulator's domain series", () => {
  it("gives every domain of every ward an hourly sample that satisfies the contract", () => {
    const samples = domainSamplesForHour(codes, cityHour(2, 9), 1, cityHour(2, 10));
    expect(samples).toHaveLength(SERIES_DOMAINS.length * 11);
    for (const s of samples) expect(DomainSampleSchema.safeParse(s).success, s.id).toBe(true);
  });

  it("is the same hour after hour, on any machine (seeded by domain, ward and hour)", () => {
    expect(domainSamplesForHour(codes, cityHour(2, 9), 0.5, cityHour(2, 10))).toEqual(domainSamplesForHour(codes, cityHour(2, 9), 0.5, cityHour(2, 10)));
  });

  it("follows the offices' week and day: busy at 9 on a weekday, closed at night and on Sunday", () => {
    const received = (at: Date) => periodTotal(of(domainSamplesForHour(codes, at, 1, at), "public_services"), "public_services", "received");
    expect(received(cityHour(2, 9))).toBeGreaterThan(50);
    expect(received(cityHour(2, 22))).toBe(0);
    expect(received(cityHour(6, 9))).toBe(0);
  });

  it("deals each received dossier to one procedure group: the groups add up to received, civil status the largest", () => {
    const samples = of(domainHistory(codes, cityHour(2, 18), 24 * 5), "public_services");
    for (const s of samples) {
      const { received, civilStatus, landConstruction, business, socialAffairs, otherProcedures } = s.metrics;
      expect([civilStatus, landConstruction, business, socialAffairs, otherProcedures].reduce((a, b) => (a ?? 0) + (b ?? 0), 0), s.id).toBe(received);
    }
    const total = (metric: (typeof PROCEDURE_GROUPS)[number]) => periodTotal(samples, "public_services", metric);
    expect(total("civilStatus")).toBeGreaterThan(total("landConstruction"));
    expect(Math.min(...PROCEDURE_GROUPS.map(total))).toBeGreaterThan(0);
  });

  it("fills the current hour's counters as it passes", () => {
    const part = (fraction: number) => periodTotal(of(domainSamplesForHour(codes, cityHour(2, 9), fraction, cityHour(2, 9)), "public_services"), "public_services", "received");
    expect(part(0.25)).toBeLessThan(part(1));
    expect(part(0)).toBe(0);
  });

  it("makes traffic peak at rush hour and schools empty on Sunday", () => {
    const flow = (at: Date) => periodTotal(of(domainSamplesForHour(codes, at, 1, at), "traffic"), "traffic", "flowVehPerHour");
    expect(flow(cityHour(2, 7))).toBeGreaterThan(2 * flow(cityHour(2, 3)));
    expect(periodTotal(of(domainSamplesForHour(codes, cityHour(6, 9), 1, cityHour(6, 9)), "education"), "education", "attendancePct")).toBe(0);
  });

  it("seeds a new store with the hours asked for and the current hour so far", () => {
    const now = new Date("2026-12-02T03:20:00.000Z");
    const writes = buildSeedWrites(model, { now, publicUrl: "http://127.0.0.1:1", cameraStatus: () => "offline", demo: false, domainHistoryHours: 24 });
    const samples = writes.filter((w) => w.entity === "domain_sample");
    expect(samples).toHaveLength(25 * SERIES_DOMAINS.length * 11);
    expect(domainHistory(codes, now, 2).map((s) => s.hour)[0]).toBe("2026-12-02T01:00:00.000Z");
  });
});

describe("thresholds through the simulator", () => {
  it("a queue crossing 30 in one ward raises one alarm through the ordinary alarm records, committed with the sample", async () => {
    const store = openSqliteStore({ filename: ":memory:" });
    const now = cityHour(2, 10);
    const simulator = new Simulator({
      store,
      model,
      ids: new AlarmIdGenerator(),
      random: seededRandom(7),
      alarmIntervalMs: 0,
      sensorIntervalMs: 60_000,
      domainIntervalMs: 60_000,
      clearAfterMs: 60_000,
      now: () => now,
      onError: (e) => {
        throw e;
      },
    });
    const quiet = domainSamplesForHour(codes, now, 0.5, now).filter((s) => s.domain === "one_stop").map((s) => (s.domain === "one_stop" ? { ...s, metrics: { ...s.metrics, waiting: 3 } } : s));
    expect(await simulator.publishDomainSamples(quiet)).toEqual([]);
    const busy = quiet.map((s) => (s.domain === "one_stop" && s.wardCode === "06817" ? { ...s, metrics: { ...s.metrics, waiting: 42 } } : s));
    const raised = await simulator.publishDomainSamples(busy);
    expect(raised).toHaveLength(1);
    const alarm = AlarmSchema.parse((await store.getEntity("alarm", raised[0]!))?.data);
    expect(alarm).toMatchObject({ type: "one_stop_queue_long", wardCode: "06817", domain: "e_government", state: "unacknowledged" });
    expect(DomainSampleSchema.parse((await store.getEntity("domain_sample", busy.find((s) => s.wardCode === "06817")!.id))?.data).metrics).toMatchObject({ waiting: 42 });
    // Still over the threshold a minute later: the same breach, no second alarm.
    expect(await simulator.publishDomainSamples(busy)).toEqual([]);
    simulator.close();
    await store.close();
  });
});
