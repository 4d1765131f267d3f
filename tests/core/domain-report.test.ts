import { describe, expect, it } from "vitest";
import { pdfText } from "../shared/pdf-text.js";
import { renderReportPdf } from "../../electron/core/reports/pdf-report.js";
import { buildDomainReport, reportCsv } from "../../shared/reports/domain-report.js";
import { domainSampleId, type DomainSample } from "../../shared/domain/domain-sample.js";

const wards = [
  { code: "06817", fullName: "Phường Quang Trung" },
  { code: "06829", fullName: "Phường Thượng Yên Công" },
  { code: "07141", fullName: "Phường Điền Công" },
];

function dossiers(wardCode: string, h: number, received: number, late: number): DomainSample {
  const hour = new Date(Date.UTC(2026, 11, 3, h)).toISOString();
  return { id: domainSampleId("public_services", wardCode, hour), domain: "public_services", wardCode, hour, updatedAt: hour, metrics: { received, inProgress: 30, onTime: 10, late, online: received - 2, atCounter: 2 } };
}

const samples = [dossiers("06817", 2, 1234, 1), dossiers("06817", 3, 16, 2), dossiers("06829", 3, 7, 0), dossiers("07141", 4, 9, 3)];
const report = buildDomainReport({ domain: "public_services", samples, wards, period: { from: new Date("2026-12-02T17:00:00.000Z"), to: new Date("2026-12-03T17:00:00.000Z") }, generatedAt: new Date("2026-12-03T09:00:00.000Z") });


describe("the domain report", () => {
  it("adds each ward's figures for the period, and the city's", () => {
    expect(report.columns[0]).toBe("Phường/xã");
    expect(report.rows.map((r) => [r.label, r.values[0], r.values[3]])).toEqual([
      ["Phường Quang Trung", 1250, 3],
      ["Phường Thượng Yên Công", 7, 0],
      ["Phường Điền Công", 9, 3],
    ]);
    expect(report.total.values[0]).toBe(1266);
    expect(report.subtitle[0]).toContain("00:00:00 03/12/2026");
  });

  it("exports CSV with a byte-order mark, quoted where needed", () => {
    const csv = reportCsv({ ...report, rows: [{ label: 'Tổ 1, "khu" 2', values: [1.5] }] });
    expect(csv.startsWith("\uFEFFPhường/xã,Tiếp nhận,")).toBe(true);
    expect(csv).toContain('"Tổ 1, ""khu"" 2",1.5\r\n');
    expect(reportCsv(report)).toContain("Phường Điền Công,9,");
  });

  it("renders a PDF whose text carries the city's header, the ward names with their diacritics and the counts", async () => {
    const pdf = await renderReportPdf(report);
    expect(pdf.ok).toBe(true);
    if (!pdf.ok) return;
    expect(pdf.value.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf.value);
    expect(text).toContain("ỦY BAN NHÂN DÂN THÀNH PHỐ UÔNG BÍ");
    expect(text).toContain("BÁO CÁO LĨNH VỰC DỊCH VỤ CÔNG");
    for (const ward of wards) expect(text).toContain(ward.fullName);
    expect(text).toContain("1.250");
    expect(text).toContain("1.266");
  });

  it("says in one sentence when its font is missing", async () => {
    const pdf = await renderReportPdf(report, "/nonexistent/font.ttf");
    expect(pdf.ok ? null : pdf.error.message).toMatch(/^The report font \/nonexistent\/font.ttf is missing/);
  });
});
