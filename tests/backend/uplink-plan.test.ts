import { describe, expect, it } from "vitest";
import type { Alarm } from "../../shared/domain/alarm.js";
import { QUEUED_DELIVERY } from "../../shared/domain/escalation-delivery.js";
import { compareQueued, parseEscalationKey, queuedEscalations, withDelivery } from "../../backend/province/uplink-plan.js";
import { citySecretVariable, resolveLink } from "../../backend/province/link-secrets.js";
import { parseCliArgs } from "../../backend/cli-args.js";
import { escalatedAlarm } from "../shared/fixtures.js";

const T = "2026-12-04T08:00:00.000Z";

const alarm = (id: string, escalations: Array<Partial<Alarm["escalations"][number]>>): Alarm => escalatedAlarm(escalations, { id, raisedAt: T });

describe("the uplink's plan (pure)", () => {
  it("an escalation stored before deliveries were tracked parses as queued", () => {
    expect(alarm("a", [{}]).escalations[0]?.delivery).toEqual(QUEUED_DELIVERY);
  });

  it("lists only queued escalations to the province, keyed <city>~<alarm>~<n>, oldest first", () => {
    const a = alarm("alm-1", [{ delivery: { ...QUEUED_DELIVERY, state: "delivered", deliveredAt: T } }, { at: "2026-12-04T08:05:00.000Z" }]);
    const b = alarm("alm-0", [{ at: "2026-12-04T08:01:00.000Z" }]);
    const queued = [...queuedEscalations({ kind: "alarm", record: a }, "uong-bi"), ...queuedEscalations({ kind: "alarm", record: b }, "uong-bi")].sort(compareQueued);
    expect(queued.map((q) => q.item.key)).toEqual(["uong-bi~alm-0~0", "uong-bi~alm-1~1"]);
    expect(parseEscalationKey("uong-bi~alm-1~1", "uong-bi")).toEqual({ kind: "alarm", subjectId: "alm-1", index: 1 });
    expect(parseEscalationKey("cam-pha~alm-1~1", "uong-bi")).toBeNull();
  });

  it("moves a delivery forward only: an acknowledgement is not undone by a late delivery answer", () => {
    const a = alarm("a", [{}]);
    const delivered = withDelivery(a, 0, { state: "delivered", deliveredAt: T });
    expect(delivered.escalations[0]?.delivery.state).toBe("delivered");
    expect(withDelivery(delivered, 0, { state: "delivered", deliveredAt: T })).toBe(delivered);
    const acknowledged = withDelivery(delivered, 0, { state: "acknowledged", acknowledgedByName: "Tỉnh", acknowledgedAt: T });
    expect(acknowledged.escalations[0]?.delivery).toMatchObject({ state: "acknowledged", deliveredAt: T, acknowledgedByName: "Tỉnh" });
    expect(withDelivery(acknowledged, 0, { state: "delivered", deliveredAt: T })).toBe(acknowledged);
    expect(withDelivery(a, 5, { state: "delivered" })).toBe(a);
  });
});

describe("the link's flags and secrets", () => {
  it("a province needs its cities, each secret from its own variable, never on the command line", () => {
    expect(parseCliArgs(["--role", "province"])).toMatchObject({ ok: false });
    const args = parseCliArgs(["--role", "province", "--city", "uong-bi=Uông Bí"]);
    if (!args.ok) throw new Error(args.error);
    expect(citySecretVariable("uong-bi")).toBe("IOC_CITY_SECRET_UONG_BI");
    const missing = resolveLink(args.value, {});
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toContain("IOC_CITY_SECRET_UONG_BI");
    expect(resolveLink(args.value, { IOC_CITY_SECRET_UONG_BI: "s".repeat(20) })).toEqual({ ok: true, value: { role: "province", cities: [{ id: "uong-bi", name: "Uông Bí", secret: "s".repeat(20) }] } });
  });

  it("a city's province URL and id go together; its secret's value is never repeated in an error", () => {
    expect(parseCliArgs(["--province-url", "http://127.0.0.1:9"])).toMatchObject({ ok: false });
    expect(parseCliArgs(["--city", "x1=X"])).toMatchObject({ ok: false });
    const args = parseCliArgs(["--province-url", "http://127.0.0.1:9", "--city-id", "uong-bi"]);
    if (!args.ok) throw new Error(args.error);
    const short = resolveLink(args.value, { IOC_CITY_SECRET: "tiny-secret" });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error.message).not.toContain("tiny-secret");
    expect(resolveLink(parseCliArgs([]).ok ? { role: "city", cities: [], provinceUrl: undefined, cityId: undefined } : args.value, {})).toEqual({ ok: true, value: undefined });
  });

  it("a city's poll of the province can be set, only for a linked city", () => {
    expect(parseCliArgs(["--uplink-interval-ms", "200"])).toMatchObject({ ok: false });
    expect(parseCliArgs(["--province-url", "http://127.0.0.1:9", "--city-id", "uong-bi", "--uplink-interval-ms", "50"])).toMatchObject({ ok: false });
    const args = parseCliArgs(["--province-url", "http://127.0.0.1:9", "--city-id", "uong-bi", "--uplink-interval-ms=250"]);
    if (!args.ok) throw new Error(args.error);
    expect(resolveLink(args.value, { IOC_CITY_SECRET: "s".repeat(20) })).toEqual({
      ok: true,
      value: { role: "city", cityId: "uong-bi", provinceUrl: "http://127.0.0.1:9", secret: "s".repeat(20), updatesIntervalMs: 250 },
    });
  });
});
