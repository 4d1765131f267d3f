import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProvinceEscalationSchema } from "../../shared/domain/province.js";
import { startProvinceStack, type CentreId, type ProvinceStack } from "../../scripts/lib/province-stack.js";
import { changesAfter, escalate, raiseAlarm } from "../backend/province-helpers.js";

const origins: Record<CentreId, string> = { province: "http://127.0.0.1:1", "uong-bi": "http://127.0.0.1:2", "cam-pha": "http://127.0.0.1:3" };
let stack: ProvinceStack;
const urlOf = (id: CentreId) => stack.centres.find((c) => c.id === id)!.backend.url;
const records = async (id: CentreId, entity: string) => (await changesAfter(urlOf(id), 0)).filter((c) => c.entity === entity).map((c) => c.data as Record<string, unknown>);

beforeAll(async () => {
  stack = await startProvinceStack({ dataDir: mkdtempSync(join(tmpdir(), "ioc-province-stack-")), backendPort: 0, consoleOrigins: origins, demo: true, video: false, simulator: false, quiet: true });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe("the province and two cities on one machine (--province)", () => {
  it("starts the province with its own staff and no city of its own, Uông Bí, and Cẩm Phả with its synthetic wards and cameras", async () => {
    expect(stack.centres.map((c) => c.id)).toEqual(["province", "uong-bi", "cam-pha"]);
    expect((await records("province", "operator")).map((o) => o["name"])).toContain("Đặng Quang Vinh");
    expect(await records("province", "camera")).toEqual([]);
    expect(await records("province", "alarm")).toEqual([]);
    const camPhaWards = await records("cam-pha", "ward");
    expect(camPhaWards.map((w) => w["code"]).sort()).toEqual(["90001", "90002", "90003", "90004"]);
    expect((await records("cam-pha", "camera")).every((c) => String(c["id"]).startsWith("cp-cam-"))).toBe(true);
    expect(await records("uong-bi", "ward")).toHaveLength(11);
  });

  it("gives the province both cities' wards for its map, each tagged with its city", async () => {
    await expect.poll(async () => (await records("province", "ward")).filter((w) => w["cityId"] === "cam-pha").length, { timeout: 20_000 }).toBe(4);
    await expect.poll(async () => (await records("province", "ward")).filter((w) => w["cityId"] === "uong-bi").length, { timeout: 20_000 }).toBe(11);
  });

  it("links both cities up with the secrets it made: an escalation from each reaches the province under its own city", async () => {
    for (const city of ["cam-pha", "uong-bi"] as const) {
      const alarmId = await raiseAlarm(urlOf(city));
      expect((await escalate(urlOf(city), alarmId)).ok).toBe(true);
      await expect
        .poll(async () => (await records("province", "escalation")).map((e) => ProvinceEscalationSchema.parse(e)).find((e) => e.alarm.id === alarmId)?.cityId, { timeout: 20_000 })
        .toBe(city);
    }
  });
});
