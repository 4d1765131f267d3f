import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startBackend, type BackendOptions } from "../../backend/app.js";
import { CacheStore } from "../../electron/core/cache/cache-store.js";
import { migrate } from "../../electron/core/cache/migrate.js";
import { startConsoleCore } from "../../electron/core/console-core.js";
import { MemorySettingsStore } from "../../electron/core/settings/memory-settings-store.js";
import { encodeValidated } from "../../electron/core/sync/decoded-page.js";
import { validateChanges } from "../../electron/core/sync/validate-changes.js";
import { domainSampleId, type DomainSample } from "../../shared/domain/domain-sample.js";
import { backendEntities } from "./cache-vs-backend.js";
import { pdfText } from "../shared/pdf-text.js";
import { periodTotal } from "../../shared/dashboards/aggregate.js";
import { ReportFileSchema } from "../../shared/protocol/dashboards-api.js";

import { until } from "../shared/until.js";

const WAIT_MS = 20_000;
const HOUR_MS = 3_600_000;

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup.length = 0;
});

/** A demo backend without video, and a console core signed in to it and caught up. */
async function startCity(simulator: NonNullable<BackendOptions["simulator"]>) {
  const backend = await startBackend({ port: 0, dataDir: mkdtempSync(join(tmpdir(), "ioc-b-")), log: false, video: { enabled: false }, simulator, demo: true });
  cleanup.push(() => backend.close());
  const core = startConsoleCore({
    dataDir: mkdtempSync(join(tmpdir(), "ioc-console-")),
    settings: new MemorySettingsStore({ backendUrl: backend.url, language: "vi", operatorId: "op-01" }),
    demo: true,
    autoSignIn: "op-01",
  });
  cleanup.push(() => core.close());
  await until(() => core.service.getStatus().state === "online", "console online", WAIT_MS);
  return { backend, core };
}

describe("domain series through the change feed", () => {
  it("a console syncs the backend's hourly samples into its cache and answers a period from it, offline too", async () => {
    const { backend, core } = await startCity({ enabled: false, domainHistoryHours: 6 });

    const fromBackend = [...(await backendEntities(backend.url)).entities.entries()].filter(([key]) => key.startsWith("domain_sample/")).map(([, data]) => data as DomainSample);
    const dossiers = fromBackend.filter((s) => s.domain === "public_services").sort((a, b) => a.id.localeCompare(b.id));
    // Six complete hours and the current one, for each of the 11 wards.
    expect(dossiers).toHaveLength(7 * 11);
    const now = Date.now();
    const period = { type: "domain.samples" as const, domain: "public_services" as const, from: new Date(now - 8 * HOUR_MS).toISOString(), to: new Date(now + HOUR_MS).toISOString() };
    const answer = await core.handle(period);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const cached = (answer.value as DomainSample[]).slice().sort((a, b) => a.id.localeCompare(b.id));
    expect(cached).toEqual(dossiers);

    // The backend goes away: the dashboards' data is still there.
    await backend.close();
    await until(() => core.service.getStatus().state !== "online", "console offline", WAIT_MS);
    const offline = await core.handle(period);
    expect(offline.ok && (offline.value as DomainSample[]).length).toBe(7 * 11);

    // Offline, the report is made from the cache: ward names with their diacritics, the backend's counts.
    const report = await core.handle({ type: "report.domain", domain: "public_services", from: period.from, to: period.to, format: "pdf" });
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    const file = ReportFileSchema.parse(report.value);
    expect(file.fileName).toMatch(/\.pdf$/);
    const text = await pdfText(Buffer.from(file.base64, "base64"));
    expect(text).toContain("Xã Thượng Yên Công");
    expect(text).toContain("Phường Phương Đông");
    const cityReceived = periodTotal(dossiers, "public_services", "received");
    expect(text).toContain(new Intl.NumberFormat("vi-VN").format(cityReceived));
    const csv = await core.handle({ type: "report.domain", domain: "public_services", from: period.from, to: period.to, format: "csv" });
    const csvText = csv.ok ? Buffer.from(ReportFileSchema.parse(csv.value).base64, "base64").toString("utf8") : "";
    expect(csvText).toContain(`Toàn thành phố,${cityReceived},`);

    // A narrower period answers only its hours; a reversed one is refused in words.
    const lastHour = new Date(Math.floor(now / HOUR_MS) * HOUR_MS);
    const narrow = await core.handle({ ...period, from: lastHour.toISOString() });
    expect(narrow.ok && (narrow.value as DomainSample[]).every((s) => s.hour === lastHour.toISOString())).toBe(true);
    const reversed = await core.handle({ ...period, from: period.to, to: period.from });
    expect(reversed.ok ? null : reversed.error.kind).toBe("invalid_request");
  });
});

describe("live domain ticks", () => {
  it("reach renderers with the samples that moved, exactly the cache's, so a dashboard need not read its period again", async () => {
    const { core } = await startCity({ enabled: true, alarmIntervalMs: 3_600_000, domainIntervalMs: 300, domainHistoryHours: 2 });

    const carried: DomainSample[] = [];
    const off = core.service.onEvent((event) => {
      if (event.type === "domain.changed" && event.samples !== undefined) carried.push(...event.samples);
    });
    cleanup.push(off);
    // A tick rewrites the current hour of every domain for every ward (in one event or a few,
    // as the stream's messages are flushed).
    const hourCovered = () => {
      const hour = carried.at(-1)?.hour;
      return new Set(carried.filter((s) => s.hour === hour).map((s) => `${s.domain}/${s.wardCode}`)).size === 7 * 11;
    };
    await until(hourCovered, "every domain and ward of the hour carried by the events", WAIT_MS);
    const hour = carried.at(-1)!.hour;
    const tick = carried.filter((s) => s.hour === hour);
    const answer = await core.handle({ type: "domain.samples", domain: "one_stop", from: hour, to: new Date(Date.parse(hour) + HOUR_MS).toISOString() });
    const cached = answer.ok ? (answer.value as DomainSample[]) : [];
    // What the event carried is what the cache holds (or older: a later tick may have landed since).
    for (const sample of tick.filter((s) => s.domain === "one_stop" && s.hour === hour)) {
      const inCache = cached.find((c) => c.id === sample.id);
      expect(inCache).toBeDefined();
      expect(inCache!.updatedAt >= sample.updatedAt).toBe(true);
    }
  });
});

describe("the cache's retention of domain samples", () => {
  function sample(hour: string): DomainSample {
    return { id: domainSampleId("one_stop", "06817", hour), domain: "one_stop", wardCode: "06817", hour, updatedAt: hour, metrics: { waiting: 4, served: 9, avgWaitMin: 6 } };
  }

  it("drops samples older than the cut-off, keeps the rest and every other record", () => {
    const db = new Database(":memory:");
    migrate(db);
    const store = new CacheStore(db);
    const hours = ["2026-08-01T00:00:00.000Z", "2026-09-03T10:00:00.000Z", "2026-12-03T10:00:00.000Z"];
    const batch = encodeValidated(validateChanges(hours.map((hour, i) => ({ seq: i + 1, entity: "domain_sample", op: "upsert", id: sample(hour).id, at: hour, data: sample(hour) }))));
    store.applyChanges(batch.rows, batch.quarantined, hours.length, "2026-12-03T10:00:00.000Z");
    expect(store.domainSamples("one_stop", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z", 100)).toHaveLength(3);

    expect(store.pruneDomainSamples("2026-09-04T10:00:00.000Z")).toBe(2);
    expect(store.domainSamples("one_stop", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z", 100).map((s) => s.hour)).toEqual(["2026-12-03T10:00:00.000Z"]);
    // The period query and the pruning use the index made for them.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT data FROM entities WHERE kind = 'domain_sample' AND json_extract(data, '$.domain') = ? AND json_extract(data, '$.hour') >= ? AND json_extract(data, '$.hour') < ?").all("one_stop", "a", "b");
    expect(JSON.stringify(plan)).toContain("entities_domain_samples_by_hour");
  });
});
