import { describe, expect, it } from "vitest";
import { cityDayStart, hourlySeries, lateShare, periodTotal, rangePeriod, totalsByWard } from "../../shared/dashboards/aggregate.js";
import { newBreaches, thresholdBreaches } from "../../shared/dashboards/thresholds.js";
import { DomainSampleSchema, domainSampleId, metricsOf, rollupOf, type DomainSample } from "../../shared/domain/domain-sample.js";

const hourIso = (h: number) => new Date(Date.UTC(2026, 11, 3, h)).toISOString();

function dossiers(wardCode: string, h: number, received: number, late = 0, onTime = 10): DomainSample {
  const hour = hourIso(h);
  return {
    id: domainSampleId("public_services", wardCode, hour),
    domain: "public_services",
    wardCode,
    hour,
    updatedAt: hour,
    metrics: { received, inProgress: 40 + h, onTime, late, online: received, atCounter: 0 },
  };
}

function queue(wardCode: string, h: number, waiting: number, avgWaitMin = 10): DomainSample {
  const hour = hourIso(h);
  return { id: domainSampleId("one_stop", wardCode, hour), domain: "one_stop", wardCode, hour, updatedAt: hour, metrics: { waiting, served: 5, avgWaitMin } };
}

function air(wardCode: string, h: number, pm25: number): DomainSample {
  const hour = hourIso(h);
  return { id: domainSampleId("environment", wardCode, hour), domain: "environment", wardCode, hour, updatedAt: hour, metrics: { aqi: 50, pm25, noiseDb: 55, waterLevelM: 1 + h / 10 } };
}

describe("domain samples", () => {
  it("accept only an hour's start written as toISOString, and metrics of their own domain", () => {
    expect(DomainSampleSchema.safeParse(dossiers("06817", 2, 3)).success).toBe(true);
    expect(DomainSampleSchema.safeParse({ ...dossiers("06817", 2, 3), hour: "2026-12-03T02:30:00.000Z" }).success).toBe(false);
    expect(DomainSampleSchema.safeParse({ ...dossiers("06817", 2, 3), metrics: queue("06817", 2, 3).metrics }).success).toBe(false);
    expect(DomainSampleSchema.safeParse({ ...queue("06817", 2, 3), metrics: { waiting: -1, served: 0, avgWaitMin: 0 } }).success).toBe(false);
  });
});

describe("aggregation", () => {
  const samples = [dossiers("06817", 1, 5), dossiers("06817", 2, 7), dossiers("06820", 2, 4), queue("06817", 1, 12, 8), queue("06817", 2, 20, 12), queue("06820", 2, 9, 4)];

  it("adds counters per ward over the period and over wards", () => {
    expect(Object.fromEntries(totalsByWard(samples, "public_services", "received"))).toEqual({ "06817": 12, "06820": 4 });
    expect(periodTotal(samples, "public_services", "received")).toBe(16);
    expect(periodTotal(samples, "public_services", "received", new Set(["06820"]))).toBe(4);
  });

  it("keeps a level's latest hour per ward, whatever the samples' order, and adds wards up", () => {
    expect(Object.fromEntries(totalsByWard([...samples].reverse(), "one_stop", "waiting"))).toEqual({ "06817": 20, "06820": 9 });
    expect(periodTotal(samples, "one_stop", "waiting")).toBe(29);
  });

  it("averages gauges over hours and over wards; keeps the maximum of water levels", () => {
    expect(totalsByWard(samples, "one_stop", "avgWaitMin").get("06817")).toBe(10);
    expect(periodTotal(samples, "one_stop", "avgWaitMin")).toBe(7);
    expect(periodTotal([air("06817", 1, 10), air("06817", 5, 30)], "environment", "waterLevelM")).toBe(1.5);
  });

  it("makes one point per hour of the period, with gaps as null", () => {
    const series = hourlySeries(samples, "public_services", "received", { from: new Date(hourIso(0)), to: new Date(hourIso(4)) });
    expect(series.hours).toEqual([0, 1, 2, 3].map((h) => Date.parse(hourIso(h)) / 1000));
    expect(series.values).toEqual([null, 5, 11, null]);
    expect(hourlySeries(samples, "public_services", "received", { from: new Date(hourIso(0)), to: new Date(hourIso(4)) }, new Set(["06820"])).values).toEqual([null, null, 4, null]);
  });

  it("counts the late share of finished dossiers, none finished as 0 %", () => {
    expect(lateShare(95, 5)).toBe(5);
    expect(lateShare(0, 0)).toBe(0);
  });

  it("starts today at midnight in Uông Bí (UTC+7) and the longer ranges whole hours back", () => {
    const now = new Date("2026-12-03T18:30:00.000Z"); // 01:30 on 4 December in the city
    expect(cityDayStart(now).toISOString()).toBe("2026-12-03T17:00:00.000Z");
    expect(rangePeriod("today", now)).toEqual({ from: new Date("2026-12-03T17:00:00.000Z"), to: new Date("2026-12-03T19:00:00.000Z") });
    expect(rangePeriod("7d", now).from.toISOString()).toBe("2026-11-26T19:00:00.000Z");
    expect(rangePeriod("30d", now).from.toISOString()).toBe("2026-11-03T19:00:00.000Z");
  });
});

describe("thresholds", () => {
  it("call for an alarm past 30 waiting, 5 % late (of at least 20 finished) and the PM2.5 limit", () => {
    expect(thresholdBreaches(queue("06817", 1, 30))).toEqual([]);
    expect(thresholdBreaches(queue("06817", 1, 31))).toEqual(["one_stop_queue_long"]);
    expect(thresholdBreaches(dossiers("06817", 1, 0, 2, 18))).toEqual(["dossiers_late"]);
    expect(thresholdBreaches(dossiers("06817", 1, 0, 1, 18))).toEqual([]);
    expect(thresholdBreaches(dossiers("06817", 1, 0, 2, 8))).toEqual([]);
    expect(thresholdBreaches(air("06817", 1, 50.1))).toEqual(["pm25_over_limit"]);
  });

  it("raise a breach once while it lasts, and again after it ended", () => {
    const first = newBreaches([queue("06817", 1, 40), queue("06820", 1, 5)], new Set());
    expect(first.raise).toEqual([{ type: "one_stop_queue_long", wardCode: "06817" }]);
    const lasting = newBreaches([queue("06817", 2, 45)], first.active);
    expect(lasting.raise).toEqual([]);
    const over = newBreaches([queue("06817", 3, 10)], lasting.active);
    expect(over.raise).toEqual([]);
    expect(newBreaches([queue("06817", 4, 35)], over.active).raise).toEqual([{ type: "one_stop_queue_long", wardCode: "06817" }]);
  });
});

describe("the domain sample schema, made from the one list of metrics", () => {
  const hour = "2026-12-04T09:00:00.000Z";
  const oneStop = { id: domainSampleId("one_stop", "06817", hour), domain: "one_stop", wardCode: "06817", hour, updatedAt: hour, metrics: { waiting: 4, served: 9, avgWaitMin: 6.5 } };

  it("takes each domain's metrics exactly, counts whole and measures any non-negative number", () => {
    expect(DomainSampleSchema.safeParse(oneStop).success).toBe(true);
    expect(DomainSampleSchema.safeParse({ ...oneStop, metrics: { ...oneStop.metrics, waiting: 4.5 } }).success).toBe(false);
    expect(DomainSampleSchema.safeParse({ ...oneStop, metrics: { ...oneStop.metrics, extra: 1 } }).success).toBe(false);
    expect(DomainSampleSchema.safeParse({ ...oneStop, metrics: { waiting: 4, served: 9 } }).success).toBe(false);
    expect(DomainSampleSchema.safeParse({ ...oneStop, domain: "environment" }).success).toBe(false);
  });

  it("lists the metrics and their roll-ups from the same place", () => {
    expect(metricsOf("one_stop")).toEqual(["waiting", "served", "avgWaitMin"]);
    expect(metricsOf("one_stop").map((m) => rollupOf("one_stop", m))).toEqual(["last", "sum", "mean"]);
    expect(rollupOf("environment", "waterLevelM")).toBe("max");
  });
});
