import { DOMAIN_RETENTION_DAYS, MAX_DOMAIN_SAMPLES, type ReportFile } from "../../../shared/protocol/dashboards-api.js";
import type { RequestOf } from "../../../shared/protocol/console-api.js";
import { err, ok, type Result } from "../../../shared/result.js";
import type { CacheStore } from "../cache/cache-store.js";
import type { DomainSample } from "../../../shared/domain/domain-sample.js";
import { MAX_SENSOR_READINGS, type SensorReading } from "../../../shared/domain/sensor-reading.js";
import { buildDomainReport, reportCsv, type ReportTable } from "../../../shared/reports/domain-report.js";
import { buildShiftReport } from "../../../shared/reports/shift-report.js";
import { renderReportPdf } from "../reports/pdf-report.js";

/** A period a renderer may ask for: in order, and no longer than the cache keeps. */
function checkedPeriod(fromIso: string, toIso: string): Result<{ from: Date; to: Date }> {
  const from = new Date(fromIso);
  const to = new Date(toIso);
  if (from.getTime() >= to.getTime()) return err("invalid_request", "The period's start must come before its end.");
  if (to.getTime() - from.getTime() > (DOMAIN_RETENTION_DAYS + 1) * 86_400_000) return err("invalid_request", `A period may be at most ${DOMAIN_RETENTION_DAYS} days long: this console keeps no more.`);
  return ok({ from, to });
}

/**
 * The dashboards' console API: samples come from the local cache, so dashboards and reports work
 * offline. Like the rest of the city's data, only for a signed-in operator.
 */
export function answerDomainSamples(request: RequestOf<"domain.samples">, store: CacheStore, signedIn: boolean): Result<DomainSample[]> {
  if (!signedIn) return err("unauthenticated", "Sign in to see the city's dashboards.");
  const period = checkedPeriod(request.from, request.to);
  if (!period.ok) return period;
  return ok(store.domainSamples(request.domain, period.value.from.toISOString(), period.value.to.toISOString(), MAX_DOMAIN_SAMPLES));
}

/** A sensor's readings at full resolution, from the cache (the last day of them), offline too. */
export function answerSensorReadings(request: RequestOf<"sensor.readings">, store: CacheStore, signedIn: boolean): Result<SensorReading[]> {
  if (!signedIn) return err("unauthenticated", "Sign in to see the city's dashboards.");
  const period = checkedPeriod(request.from, request.to);
  if (!period.ok) return period;
  return ok(store.sensorReadings(request.sensorId, period.value.from.toISOString(), period.value.to.toISOString(), MAX_SENSOR_READINGS));
}

/** A domain's report per ward, made here from the cache: a duty officer can hand it over with the backend down. */
export async function answerDomainReport(request: RequestOf<"report.domain">, store: CacheStore, signedIn: boolean, now: Date): Promise<Result<ReportFile>> {
  if (!signedIn) return err("unauthenticated", "Sign in to export the city's reports.");
  const period = checkedPeriod(request.from, request.to);
  if (!period.ok) return period;
  const samples = store.domainSamples(request.domain, period.value.from.toISOString(), period.value.to.toISOString(), MAX_DOMAIN_SAMPLES);
  const wards = store.list("ward").sort((a, b) => a.code.localeCompare(b.code));
  const table = buildDomainReport({ domain: request.domain, samples, wards, period: period.value, generatedAt: now });
  return reportFile(table, `bao-cao-${request.domain}-${period.value.from.toISOString().slice(0, 10)}`, request.format);
}

/** The shift report, from the alarms, incidents and directives in the cache and the note the officer wrote. */
export async function answerShiftReport(request: RequestOf<"report.shift">, store: CacheStore, operatorName: string | null, now: Date): Promise<Result<ReportFile>> {
  if (operatorName === null) return err("unauthenticated", "Sign in to export the shift report.");
  const period = checkedPeriod(request.from, request.to);
  if (!period.ok) return period;
  const table = buildShiftReport({ alarms: store.list("alarm"), incidents: store.list("incident"), directives: store.list("directive"), shift: period.value, operatorName, handoverNote: request.handoverNote, generatedAt: now });
  return reportFile(table, `bao-cao-ca-truc-${period.value.from.toISOString().slice(0, 10)}`, request.format);
}

async function reportFile(table: ReportTable, stem: string, format: "pdf" | "csv"): Promise<Result<ReportFile>> {
  if (format === "csv") return ok({ fileName: `${stem}.csv`, mimeType: "text/csv;charset=utf-8", base64: Buffer.from(reportCsv(table), "utf8").toString("base64") });
  const pdf = await renderReportPdf(table);
  return pdf.ok ? ok({ fileName: `${stem}.pdf`, mimeType: "application/pdf", base64: pdf.value.toString("base64") }) : pdf;
}
