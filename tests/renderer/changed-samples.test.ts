import { describe, expect, it } from "vitest";
import { domainSampleId, type DomainSample } from "../../shared/domain/domain-sample.js";
import { layChangedSamples } from "../../renderer/src/features/dashboards/model/changed-samples.js";
import { applyEvent, INITIAL_STATE } from "../../renderer/src/store/live-state.js";

function sample(wardCode: string, hour: string, waiting: number): DomainSample {
  return { id: domainSampleId("one_stop", wardCode, hour), domain: "one_stop", wardCode, hour, updatedAt: hour, metrics: { waiting, served: 1, avgWaitMin: 2 } };
}

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

  it("asks for the period to be read again when a sample falls outside it (a new hour began)", () => {
    expect(layChangedSamples([], [sample("06817", "2026-12-04T12:00:00.000Z", 1)], period)).toBeNull();
    expect(layChangedSamples([], [sample("06817", "2026-12-03T23:00:00.000Z", 1)], period)).toBeNull();
  });
});

describe("the live state's domain revisions", () => {
  it("keep each domain's own moved samples with its revision, and a bulk change asks for a full read", () => {
    const moved = sample("06817", "2026-12-04T09:00:00.000Z", 7);
    const next = applyEvent(INITIAL_STATE, { type: "domain.changed", domains: ["one_stop"], samples: [moved] }, false);
    expect(next.domainRevisions.one_stop).toEqual({ revision: 1, changed: [moved] });
    expect(next.domainRevisions.environment.revision).toBe(0);
    const named = applyEvent(next, { type: "domain.changed", domains: ["one_stop"] }, false);
    expect(named.domainRevisions.one_stop).toEqual({ revision: 2, changed: null });
    const bulk = applyEvent(next, { type: "bulk.changed", count: 5000 }, false);
    expect(bulk.domainRevisions.one_stop).toEqual({ revision: 2, changed: null });
    expect(bulk.domainRevisions.tourism).toEqual({ revision: 1, changed: null });
  });
});
