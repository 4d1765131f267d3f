import { describe, expect, it } from "vitest";
import type { ProvinceEscalation } from "../../shared/domain/province.js";
import { keepsEscalation } from "../../shared/domain/province.js";
import { HelloResponseSchema, StreamMessageSchema } from "../../shared/protocol/backend.js";
import { LINK_SILENCE_MS, provinceLinks } from "../../shared/protocol/province.js";
import { citiesOf, dueFromLocal, provinceQueue } from "../../renderer/src/features/province/model/escalation-queue.js";

function escalation(cityId: string, cityName: string, alarmId: string, receivedAt: string, acknowledgedAt: string | null = null): ProvinceEscalation {
  return {
    id: `${cityId}~${alarmId}~0`,
    cityId,
    cityName,
    alarm: { id: alarmId, type: "fire", priority: "critical", place: "Chợ", wardCode: "06808", location: [106.8, 21.0], raisedAt: receivedAt, cameraId: null, title: null },
    subject: "alarm",
    reason: "Cần hỗ trợ",
    escalatedByName: "Lan",
    escalatedAt: receivedAt,
    receivedAt,
    state: acknowledgedAt === null ? "open" : "acknowledged",
    acknowledgedBy: acknowledgedAt === null ? null : "sup-01",
    acknowledgedByName: acknowledgedAt === null ? null : "Hùng",
    acknowledgedAt,
    cameraIds: [],
  };
}

const list = [
  escalation("uong-bi", "Uông Bí", "a1", "2026-12-04T08:00:00.000Z"),
  escalation("cam-pha", "Cẩm Phả", "b1", "2026-12-04T08:05:00.000Z"),
  escalation("uong-bi", "Uông Bí", "a2", "2026-12-04T08:10:00.000Z", "2026-12-04T08:11:00.000Z"),
  escalation("uong-bi", "Uông Bí", "a3", "2026-12-04T08:15:00.000Z"),
];

describe("the province's queue of the cities' escalations", () => {
  it("lists every city's, the open ones first and the newest first within each", () => {
    expect(provinceQueue(list, null).map((e) => e.alarm.id)).toEqual(["a3", "b1", "a1", "a2"]);
  });

  it("filters by city", () => {
    expect(provinceQueue(list, "cam-pha").map((e) => e.alarm.id)).toEqual(["b1"]);
    expect(provinceQueue(list, "ha-long")).toEqual([]);
  });

  it("offers each city that escalated once, by name", () => {
    expect(citiesOf(list)).toEqual([
      { id: "cam-pha", name: "Cẩm Phả" },
      { id: "uong-bi", name: "Uông Bí" },
    ]);
  });

  it("offers every city the province is configured for, even one that has not escalated yet", () => {
    const links = [
      { id: "ha-long", name: "Hạ Long", state: "connecting" as const, since: null },
      { id: "uong-bi", name: "Uông Bí", state: "up" as const, since: null },
    ];
    expect(citiesOf(list, links)).toEqual([
      { id: "cam-pha", name: "Cẩm Phả" },
      { id: "ha-long", name: "Hạ Long" },
      { id: "uong-bi", name: "Uông Bí" },
    ]);
  });

  it("keeps an acknowledged escalation on screen for the time given", () => {
    const acknowledged = list[2]!;
    expect(keepsEscalation(acknowledged, Date.parse("2026-12-04T08:11:30.000Z"), 60_000)).toBe(true);
    expect(keepsEscalation(acknowledged, Date.parse("2026-12-04T08:12:00.000Z"), 60_000)).toBe(false);
    expect(keepsEscalation(list[0]!, Date.parse("2027-01-01T00:00:00.000Z"), 60_000)).toBe(true);
  });

  it("reads a due time typed on the city's wall clock (UTC+7), and nothing from an empty or broken field", () => {
    expect(dueFromLocal("2026-12-04T17:30")).toBe("2026-12-04T10:30:00.000Z");
    expect(dueFromLocal("")).toBeNull();
    expect(dueFromLocal("17:30")).toBeNull();
  });

  it("a backend's hello says its role; one that does not is a city's", () => {
    const hello = { backendName: "x", protocolVersion: 4, minProtocolVersion: 4, serverTime: "2026-12-04T08:00:00.000Z", headSeq: 0 };
    expect(HelloResponseSchema.parse(hello).role).toBe("city");
    expect(HelloResponseSchema.parse({ ...hello, role: "province" }).role).toBe("province");
    expect(HelloResponseSchema.safeParse({ ...hello, role: "district" }).success).toBe(false);
  });
});

describe("the links between centres", () => {
  const cities = [
    { id: "uong-bi", name: "Uông Bí" },
    { id: "cam-pha", name: "Cẩm Phả" },
    { id: "ha-long", name: "Hạ Long" },
  ];
  it("at the province: up while a city was heard from lately, down after LINK_SILENCE_MS of silence, connecting before its first word", () => {
    const now = Date.parse("2026-12-04T08:00:00.000Z");
    const seen = new Map([
      ["uong-bi", now - 1_000],
      ["cam-pha", now - LINK_SILENCE_MS - 1],
    ]);
    expect(provinceLinks(cities, seen, now).map((l) => [l.id, l.state, l.since])).toEqual([
      ["uong-bi", "up", "2026-12-04T07:59:59.000Z"],
      ["cam-pha", "down", new Date(now - LINK_SILENCE_MS - 1).toISOString()],
      ["ha-long", "connecting", null],
    ]);
  });

  it("a heartbeat from a backend that tells no links has none; a malformed link is refused", () => {
    const beat = { type: "heartbeat", serverTime: "2026-12-04T08:00:00.000Z", headSeq: 3 };
    expect(StreamMessageSchema.parse(beat)).toMatchObject({ links: [] });
    expect(StreamMessageSchema.safeParse({ ...beat, links: [{ id: "uong-bi", name: "Uông Bí", state: "maybe", since: null }] }).success).toBe(false);
  });
});
