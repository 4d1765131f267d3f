import { describe, expect, it } from "vitest";
import { backoffDelayMs, RECONNECT_BACKOFF } from "../../shared/backoff.js";
import { consoleSocketUrl } from "../../renderer/src/api/create-client.js";
import { parseConsoleEvent } from "../../renderer/src/api/parse-event.js";
import { parseUncheckedResult, validateResponse } from "../../renderer/src/api/parse-response.js";
import { interpretServerFrame } from "../../renderer/src/api/parse-server-message.js";
import { alarm, snapshot } from "./fixtures.js";

describe("backoffDelayMs", () => {
  it("doubles from the base and stops at the cap", () => {
    const noJitter = { ...RECONNECT_BACKOFF, jitter: 0 };
    expect([0, 1, 2, 3].map((a) => backoffDelayMs(a, noJitter))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelayMs(30, noJitter)).toBe(15_000);
  });

  it("spreads by the jitter fraction either way, never past the cap", () => {
    expect(backoffDelayMs(2, RECONNECT_BACKOFF, 0)).toBe(1500);
    expect(backoffDelayMs(2, RECONNECT_BACKOFF, 0.9999)).toBeCloseTo(2500, -1);
    expect(backoffDelayMs(40, RECONNECT_BACKOFF, 0.9999)).toBe(15_000);
  });
});

describe("consoleSocketUrl", () => {
  it("uses ws on http and wss on https, same host", () => {
    expect(consoleSocketUrl({ protocol: "http:", host: "127.0.0.1:8421", search: "" })).toBe("ws://127.0.0.1:8421/console-api");
    expect(consoleSocketUrl({ protocol: "https:", host: "ioc.local", search: "" })).toBe("wss://ioc.local/console-api");
  });

  it("accepts a ?core= override in a development build only, and only a ws URL", () => {
    expect(consoleSocketUrl({ protocol: "http:", host: "x:5173", search: "?core=ws://127.0.0.1:8421" }, true)).toBe("ws://127.0.0.1:8421/console-api");
    expect(consoleSocketUrl({ protocol: "http:", host: "x:5173", search: "?core=javascript:alert(1)" }, true)).toBe("ws://x:5173/console-api");
  });

  it("ignores ?core= in a production build: the page talks only to the server that served it", () => {
    expect(consoleSocketUrl({ protocol: "http:", host: "127.0.0.1:8421", search: "?core=ws://evil.example:9" }, false)).toBe("ws://127.0.0.1:8421/console-api");
  });
});

describe("validateResponse", () => {
  it("passes a well-formed snapshot", () => {
    const result = validateResponse("snapshot", { ok: true, value: snapshot() });
    expect(result.ok).toBe(true);
  });

  it("turns a malformed value into backend_error, naming the field", () => {
    const result = validateResponse("command", { ok: true, value: { kind: "alarm", entity: { ...alarm(), priority: "urgent" } } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe("backend_error");
      expect(result.error.message).toContain("priority");
    }
  });

  it("passes errors through untouched", () => {
    const error = { kind: "conflict" as const, message: "Already acknowledged by Trần Văn Minh" };
    expect(validateResponse("command", { ok: false, error })).toEqual({ ok: false, error });
  });

  it("parseUncheckedResult rejects something that is not a Result", () => {
    expect(parseUncheckedResult({ hello: 1 }).ok).toBe(false);
    expect(parseUncheckedResult({ ok: true, value: 3 })).toEqual({ ok: true, value: { ok: true, value: 3 } });
  });
});

describe("parseConsoleEvent", () => {
  it("accepts a valid event as is", () => {
    const parsed = parseConsoleEvent({ type: "changed", alarms: [alarm()] });
    expect(parsed.problems).toEqual([]);
    expect(parsed.event).toEqual({ type: "changed", alarms: [alarm()] });
  });

  it("keeps the good items of a changed batch and reports the bad ones", () => {
    const parsed = parseConsoleEvent({ type: "changed", alarms: [alarm({ id: "a" }), { id: "b" }, alarm({ id: "c" })] });
    expect(parsed.event?.type).toBe("changed");
    if (parsed.event?.type === "changed") expect(parsed.event.alarms?.map((a) => a.id)).toEqual(["a", "c"]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toContain("alarms[1]");
  });

  it("a malformed alarm does not take the same batch's wall views with it", () => {
    const view = { id: "view-1", operatorId: "op-01", name: "Ca đêm", layout: "2x2", tiles: ["cam-01", null, null, null], tour: null, updatedAt: "2026-12-04T06:00:00.000Z" };
    const parsed = parseConsoleEvent({ type: "changed", alarms: [{ id: "broken" }], views: [view] });
    expect(parsed.event).toEqual({ type: "changed", alarms: [], views: [view] });
    expect(parsed.problems).toHaveLength(1);
  });

  it("checks each salvaged collection against the event's own schema for it", () => {
    const parsed = parseConsoleEvent({ type: "changed", alarms: [{ id: "broken" }], views: [{ id: "no-layout" }] });
    expect(parsed.event).toEqual({ type: "changed", alarms: [], views: [] });
    expect(parsed.problems.map((p) => p.split("[")[0])).toEqual(["Malformed alarms", "Malformed views"]);
  });

  it("drops an unknown event with a problem instead of throwing", () => {
    const parsed = parseConsoleEvent({ type: "explode" });
    expect(parsed.event).toBeNull();
    expect(parsed.problems[0]).toMatch(/Malformed event/);
  });

  it("understands action.refused", () => {
    const parsed = parseConsoleEvent({ type: "action.refused", target: { kind: "alarm", id: "a" }, error: { kind: "conflict", message: "m" } });
    expect(parsed.event?.type).toBe("action.refused");
  });
});

describe("interpretServerFrame", () => {
  it("reads a response with its id", () => {
    const frame = interpretServerFrame(JSON.stringify({ kind: "response", id: 7, result: { ok: true, value: 1 } }));
    expect(frame).toEqual({ kind: "response", id: 7, result: { ok: true, value: 1 } });
  });

  it("reports non-JSON without throwing", () => {
    const frame = interpretServerFrame("{nope");
    expect(frame.kind).toBe("malformed");
  });

  it("still names the request when only the result is malformed", () => {
    const frame = interpretServerFrame(JSON.stringify({ kind: "response", id: 3, result: { ok: "yes" } }));
    expect(frame).toMatchObject({ kind: "malformed", id: 3 });
  });

  it("reads events and core errors", () => {
    expect(interpretServerFrame(JSON.stringify({ kind: "event", event: { type: "settings", settings: snapshot().settings } }))).toMatchObject({
      kind: "event",
      problems: [],
    });
    expect(interpretServerFrame(JSON.stringify({ kind: "error", error: { kind: "invalid_request", message: "x" } }))).toMatchObject({
      kind: "error",
    });
  });

  it("ignores binary frames with a problem", () => {
    expect(interpretServerFrame(new ArrayBuffer(3))).toMatchObject({ kind: "malformed", id: null });
  });
});

describe("retrying", () => {
  it("tries again after each delay and gives up with the last error", async () => {
    const { retrying } = await import("../../renderer/src/retrying-import.js");
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(new Error(`fail ${calls}`)) : Promise.resolve("loaded"));
    await expect(retrying(flaky, [1, 1, 1])).resolves.toBe("loaded");
    expect(calls).toBe(3);
    calls = 0;
    await expect(retrying(() => Promise.reject(new Error(`nope ${++calls}`)), [1])).rejects.toThrow("nope 2");
  });
});
