import { describe, expect, it } from "vitest";
import { renderReportPdf } from "../../electron/core/reports/pdf-report.js";
import { reportCsv } from "../../shared/reports/domain-report.js";
import { buildShiftReport, percentile } from "../../shared/reports/shift-report.js";
import { makeAlarm } from "../shared/fixtures.js";
import type { Directive } from "../../shared/domain/directive.js";
import { pdfText } from "../shared/pdf-text.js";

const shift = { from: new Date("2026-12-03T00:00:00.000Z"), to: new Date("2026-12-03T08:00:00.000Z") };
const at = (minutes: number) => new Date(shift.from.getTime() + minutes * 60_000).toISOString();

const alarms = [
  makeAlarm({ id: "a1", priority: "critical", state: "acknowledged", raisedAt: at(10), acknowledgedAt: at(12) }),
  makeAlarm({ id: "a2", priority: "critical", state: "unacknowledged", raisedAt: at(20), acknowledgedAt: null }),
  makeAlarm({ id: "a3", priority: "high", state: "normal", raisedAt: at(30), acknowledgedAt: at(34) }),
  makeAlarm({ id: "a4", priority: "low", state: "acknowledged", raisedAt: at(40), acknowledgedAt: at(60) }),
  // Before the shift: not counted.
  makeAlarm({ id: "a0", priority: "low", state: "acknowledged", raisedAt: at(-30), acknowledgedAt: at(-29) }),
];
function directive(id: string, deliveredAt: string | null, acknowledgedAt: string | null, doneAt: string | null): Directive {
  return {
    id: `dir-${id}-0000-0000`,
    cityId: "uong-bi",
    text: "Tăng cường tuần tra QL18",
    priority: "high",
    wardCode: null,
    location: null,
    dueAt: null,
    escalationId: null,
    sentAt: deliveredAt ?? at(0),
    sentByName: "Trung tâm IOC tỉnh",
    state: doneAt !== null ? "done" : acknowledgedAt !== null ? "acknowledged" : "delivered",
    deliveredAt,
    acknowledgedByName: acknowledgedAt === null ? null : "Nguyễn Thị Lan",
    acknowledgedAt,
    doneByName: doneAt === null ? null : "Nguyễn Thị Lan",
    doneAt,
    doneNote: null,
    reportedState: null,
  };
}
const directives = [
  // From the shift before, done in this one.
  directive("a", at(-60), at(-50), at(100)),
  // Received, acknowledged and done in the shift.
  directive("b", at(20), at(25), at(200)),
  // Received in the shift, acknowledged, still open at its end.
  directive("c", at(300), at(310), null),
  // Received and not acknowledged yet: open.
  directive("d", at(470), null, null),
  // Done after the shift ended: open at its end, its completion not counted.
  directive("e", at(400), at(405), at(500)),
];
const report = buildShiftReport({ alarms, incidents: [], directives, shift, operatorName: "Nguyễn Thị Lan", handoverNote: "Theo dõi mực nước sông Uông ở phường Yên Thanh.", generatedAt: shift.to });

describe("the shift report", () => {
  it("counts the shift's alarms by priority and state", () => {
    const row = (label: string) => report.rows.find((r) => r.label === label)!.values;
    expect(report.columns.slice(1, 4)).toEqual(["Đã trở lại bình thường", "Chưa xác nhận", "Đã xác nhận"]);
    expect(row("Khẩn cấp").slice(0, 3)).toEqual([0, 1, 1]);
    expect(row("Khẩn cấp").at(-1)).toBe(2);
    expect(report.total.values.at(-1)).toBe(4);
  });

  it("gives acknowledgement times at p50 and p95 (nearest rank), in minutes", () => {
    expect(percentile([2, 4, 20], 0.5)).toBe(4);
    expect(percentile([2, 4, 20], 0.95)).toBe(20);
    expect(percentile([], 0.5)).toBe(0);
    expect(report.sections?.[0]?.rows[0]?.values).toEqual([3, 4, 20]);
  });

  it("counts the province's directives received, acknowledged and done in the shift, and those still open at its end", () => {
    const section = report.sections?.find((s) => s.heading === "Chỉ đạo của Trung tâm IOC tỉnh");
    expect(section?.rows.map((r) => [r.label, r.values[0]])).toEqual([
      ["Nhận trong ca", 4],
      ["Xác nhận trong ca", 3],
      ["Hoàn thành trong ca", 2],
      ["Còn mở khi hết ca", 3],
    ]);
  });

  it("renders a PDF with the header, the officer, the figures and the handover note in Vietnamese; CSV has them too", async () => {
    const pdf = await renderReportPdf(report);
    expect(pdf.ok).toBe(true);
    if (!pdf.ok) return;
    const text = await pdfText(pdf.value);
    for (const expected of ["ỦY BAN NHÂN DÂN THÀNH PHỐ UÔNG BÍ", "BÁO CÁO CA TRỰC", "Nguyễn Thị Lan", "Khẩn cấp", "Chỉ đạo của Trung tâm IOC tỉnh", "Còn mở khi hết ca", "Theo dõi mực nước sông Uông ở phường Yên Thanh."]) expect(text).toContain(expected);
    const csv = reportCsv(report);
    expect(csv).toContain("Đã xác nhận,3,4,20");
    expect(csv).toContain("Theo dõi mực nước sông Uông ở phường Yên Thanh.");
  });
});
