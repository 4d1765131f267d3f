import { describe, expect, it } from "vitest";
import { dashboardModel, formatFigure } from "../../renderer/src/features/dashboards/model/domain-views.js";
import { domainSampleId, type DomainSample } from "../../shared/domain/domain-sample.js";

function dossiers(wardCode: string, h: number, received: number, online: number, late: number, onTime: number): DomainSample {
  const hour = new Date(Date.UTC(2026, 11, 3, h)).toISOString();
  return { id: domainSampleId("public_services", wardCode, hour), domain: "public_services", wardCode, hour, updatedAt: hour, metrics: { received, inProgress: 10, onTime, late, online, atCounter: received - online } };
}

describe("a domain's dashboard", () => {
  const samples = [dossiers("06817", 2, 10, 7, 1, 9), dossiers("06817", 3, 30, 21, 1, 19), dossiers("06820", 3, 20, 12, 0, 10)];
  const period = { from: new Date(Date.UTC(2026, 11, 3, 0)), to: new Date(Date.UTC(2026, 11, 3, 6)) };

  it("fills every ward's bar (none reported: 0) and the city's tiles", () => {
    const model = dashboardModel("public_services", samples, period, ["06808", "06817", "06820"], null);
    expect(model.byWard).toEqual([
      { wardCode: "06808", value: 0 },
      { wardCode: "06817", value: 40 },
      { wardCode: "06820", value: 20 },
    ]);
    const kpi = Object.fromEntries(model.kpis.map((k) => [k.key, k.value]));
    expect(kpi["public_services.received"]).toBe(60);
    expect(kpi["public_services.lateShare"]).toBe(5);
    expect(kpi["public_services.onlineShare"]).toBe(66.66666666666667);
    expect(model.series.values).toEqual([null, null, 10, 50, null, null]);
  });

  it("shows the dossiers by procedure group, largest first, narrowed like the tiles; samples written before the groups existed count for none", () => {
    const grouped = (wardCode: string, civilStatus: number, business: number) => {
      const s = dossiers(wardCode, 4, civilStatus + business, 0, 0, 0) as Extract<DomainSample, { domain: "public_services" }>;
      return { ...s, id: `${s.id}:g`, metrics: { ...s.metrics, civilStatus, landConstruction: 0, business, socialAffairs: 0, otherProcedures: 0 } };
    };
    const withGroups = [...samples, grouped("06817", 5, 7), grouped("06820", 4, 1)];
    const city = dashboardModel("public_services", withGroups, period, ["06817", "06820"], null);
    expect(city.breakdown.slice(0, 2)).toEqual([
      { key: "public_services.civilStatus", value: 9 },
      { key: "public_services.business", value: 8 },
    ]);
    expect(city.breakdown).toHaveLength(5);
    const ward = dashboardModel("public_services", withGroups, period, ["06817", "06820"], "06820");
    expect(ward.breakdown[0]).toEqual({ key: "public_services.civilStatus", value: 4 });
    expect(dashboardModel("one_stop", [], period, [], null).breakdown).toEqual([]);
  });

  it("narrows the tiles and the chart to the selected ward, keeping every ward's bar", () => {
    const model = dashboardModel("public_services", samples, period, ["06817", "06820"], "06820");
    expect(model.kpis.find((k) => k.key === "public_services.received")?.value).toBe(20);
    expect(model.series.values[3]).toBe(20);
    expect(model.byWard.map((w) => w.value)).toEqual([40, 20]);
  });

  it("writes figures the Vietnamese way", () => {
    expect(formatFigure(12345, "count")).toBe("12.345");
    expect(formatFigure(2.25, "decimal")).toBe("2,3");
    expect(formatFigure(66.666, "percent")).toBe("66,7 %");
  });
});
