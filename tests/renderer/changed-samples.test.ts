import { describe, expect, it } from "vitest";
import { domainSampleId, type DomainSample } from "../../shared/domain/domain-sample.js";
import { layChangedSamples } from "../../renderer/src/features/dashboards/model/changed-samples.js";
import { applyEvent, INITIAL_STATE } from "../../renderer/src/store/live-state.js";
import { MAX_CHANGED_SAMPLES } from "../../shared/protocol/dashboards-api.js";

function sample(wardCode: string, hour: string, waiting: number, updatedAt = hour): DomainSample {
  return { id: domainSampleId("one_stop", wardCode, hour), domain: "one_stop", wardCode, hour, updatedAt, metrics: { waiting, served: 1, avgWaitMin: 2 } };
}
const waitingOf = (s: DomainSample) => (s.metrics as { waiting: number }).waiting;

const period = { from: new Date("2026-12-04T00:00:00.000Z"), to: new Date("2026-12-04T12:00:00.000Z") };

describe("layChangedSamples", () => {
  it("replaces samples by id and adds new ones, leaving the rest as they were", () => {
    const shown = [sample("06817", "2026-12-04T09:00:00.000Z", 3), sample("06820", "2026-12-04T09:00:00.000Z", 5)];
    const laid = layChangedSamples(shown, [sample("06817", "2026-12-04T09:00:00.000Z", 7), sample("06817", "2026-12-04T11:00:00.000Z", 1)], period);
    expect(laid?.map((s) => [s.wardCode, s.hour, (s.metrics as { waiting: number }).waiting])).toEqual([
      ["06817", "2026-12-04T09:00:00.000Z", 7],
      ["06820", "2026-12-04T09:00:00.000Z", 5],
      ["06817", "2026-12-04T11:00:00.000Z", 1],
    ]);
    expect(laid?.[1]).toBe(shown[1]);
  });

  it("keeps what is shown when it is newer than the sample that moved (a read landed after it)", () => {
    const newer = sample("06817", "2026-12-04T09:00:00.000Z", 9, "2026-12-04T09:30:00.000Z");
    const older = sample("06817", "2026-12-04T09:00:00.000Z", 7, "2026-12-04T09:20:00.000Z");
    expect(layChangedSamples([newer], [older], period)?.map(waitingOf)).toEqual([9]);
  });

  it("asks for the period to be read again when a sample falls outside it (a new hour began)", () => {
    expect(layChangedSamples([], [sample("06817", "2026-12-04T12:00:00.000Z", 1)], period)).toBeNull();
    expect(layChangedSamples([], [sample("06817", "2026-12-03T23:00:00.000Z", 1)], period)).toBeNull();
  });
});

describe("the live state's domain revisions", () => {
  const at = (minute: number) => `2026-12-04T09:${String(minute).padStart(2, "0")}:00.000Z`;

  it("pile up each domain's moved samples (newest of each) from a base revision; a change named without samples asks for a full read", () => {
    const first = sample("06817", "2026-12-04T09:00:00.000Z", 7, at(1));
    const one = applyEvent(INITIAL_STATE, { type: "domain.changed", domains: ["one_stop"], samples: [first] }, false);
    expect(one.domainRevisions.one_stop).toEqual({ revision: 1, changed: [first], base: 0 });
    expect(one.domainRevisions.environment).toEqual({ revision: 0, changed: null, base: 0 });
    // A second tick before anyone looked: a dashboard showing revision 0 still lays both over it.
    const again = sample("06817", "2026-12-04T09:00:00.000Z", 8, at(2));
    const other = sample("06820", "2026-12-04T09:00:00.000Z", 2, at(2));
    const two = applyEvent(one, { type: "domain.changed", domains: ["one_stop"], samples: [again, other] }, false);
    expect(two.domainRevisions.one_stop).toEqual({ revision: 2, changed: [again, other], base: 0 });

    const named = applyEvent(two, { type: "domain.changed", domains: ["one_stop"] }, false);
    expect(named.domainRevisions.one_stop).toEqual({ revision: 3, changed: null, base: 3 });
    // After a full read is called for, samples pile up again from the revision before them.
    const after = applyEvent(named, { type: "domain.changed", domains: ["one_stop"], samples: [first] }, false);
    expect(after.domainRevisions.one_stop).toEqual({ revision: 4, changed: [first], base: 3 });
    const bulk = applyEvent(after, { type: "bulk.changed", count: 5000 }, false);
    expect(bulk.domainRevisions.one_stop).toEqual({ revision: 5, changed: null, base: 5 });
    expect(bulk.domainRevisions.tourism).toEqual({ revision: 1, changed: null, base: 1 });
  });

  it("start a new pile once it would pass the most an event may carry", () => {
    let state = INITIAL_STATE;
    const hours = Array.from({ length: 12 }, (_, h) => `2026-12-04T${String(h).padStart(2, "0")}:00:00.000Z`);
    for (let tick = 0; tick < 60; tick++) {
      const samples = hours.map((hour) => sample(String(10000 + tick), hour, tick));
      state = applyEvent(state, { type: "domain.changed", domains: ["one_stop"], samples }, false);
    }
    const held = state.domainRevisions.one_stop;
    expect(held.revision).toBe(60);
    expect(held.changed!.length).toBeLessThanOrEqual(MAX_CHANGED_SAMPLES);
    expect(held.base).toBeGreaterThan(0);
    expect(held.changed!.length).toBe((60 - held.base) * 12);
  });
});
