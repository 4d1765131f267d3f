import { AlarmPrioritySchema, AlarmStateSchema, type Alarm } from "../domain/alarm.js";
import type { Directive } from "../domain/directive.js";
import type { Incident } from "../domain/incident.js";
import { formatCityDateTime } from "../time.js";
import type { ReportTable } from "./domain-report.js";

/**
 * The shift report an officer hands over: the shift's alarms by priority and state, how fast they
 * were acknowledged, the incidents opened and closed, the province's directives, and the handover note. Pure, from the
 * records in the console's cache; Vietnamese, as the city's papers are.
 */

const PRIORITY_LABELS = { critical: "Khẩn cấp", high: "Cao", medium: "Trung bình", low: "Thấp" } as const;
const STATE_LABELS = {
  normal: "Đã trở lại bình thường",
  unacknowledged: "Chưa xác nhận",
  acknowledged: "Đã xác nhận",
  rtn_unacknowledged: "Hết, chưa xác nhận",
  shelved: "Tạm gác",
  suppressed: "Đã chặn",
  out_of_service: "Ngừng theo dõi",
} as const;

/** The value below which `share` of the sorted values lie (nearest rank); 0 for none. */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export interface ShiftReportInput {
  alarms: readonly Alarm[];
  incidents: readonly Incident[];
  /** The province centre's directives to this city, as the cache holds them. */
  directives: readonly Directive[];
  shift: { from: Date; to: Date };
  operatorName: string;
  handoverNote: string;
  generatedAt: Date;
}

const within = (iso: string, shift: { from: Date; to: Date }) => {
  const t = Date.parse(iso);
  return t >= shift.from.getTime() && t < shift.to.getTime();
};

const round1 = (v: number) => Math.round(v * 10) / 10;

export function buildShiftReport(input: ShiftReportInput): ReportTable {
  const { shift } = input;
  const raised = input.alarms.filter((a) => within(a.raisedAt, shift));
  const states = AlarmStateSchema.options;
  const rows = AlarmPrioritySchema.options.map((priority) => {
    const mine = raised.filter((a) => a.priority === priority);
    return { label: PRIORITY_LABELS[priority], values: [...states.map((state) => mine.filter((a) => a.state === state).length), mine.length] };
  });
  const ackMinutes = raised
    .flatMap((a) => (a.acknowledgedAt === null ? [] : [(Date.parse(a.acknowledgedAt) - Date.parse(a.raisedAt)) / 60_000]))
    .sort((a, b) => a - b);
  const opened = input.incidents.filter((i) => within(i.createdAt, shift)).length;
  const closed = input.incidents.filter((i) => i.status === "closed" && within(i.updatedAt, shift)).length;
  const before = (iso: string | null) => iso !== null && Date.parse(iso) < shift.to.getTime();
  // Still open when the shift ended: received by then, not done by then; the next shift takes them on.
  const directivesOpen = input.directives.filter((d) => before(d.deliveredAt) && !before(d.doneAt)).length;
  const directiveRow = (label: string, at: (d: Directive) => string | null) => ({ label, values: [input.directives.filter((d) => at(d) !== null && within(at(d)!, shift)).length] });
  return {
    title: "BÁO CÁO CA TRỰC",
    subtitle: [
      `Ca trực: từ ${formatCityDateTime(shift.from)} đến ${formatCityDateTime(shift.to)}`,
      `Người lập: ${input.operatorName} — lập lúc ${formatCityDateTime(input.generatedAt)} (từ dữ liệu lưu trên máy trạm)`,
    ],
    columns: ["Mức ưu tiên", ...states.map((s) => STATE_LABELS[s]), "Tổng"],
    rows,
    total: { label: "Tổng cộng", values: [...states.map((state) => raised.filter((a) => a.state === state).length), raised.length] },
    sections: [
      {
        heading: "Thời gian xác nhận cảnh báo (phút)",
        columns: ["", "Số cảnh báo", "Trung vị (p50)", "p95"],
        rows: [{ label: "Đã xác nhận", values: [ackMinutes.length, round1(percentile(ackMinutes, 0.5)), round1(percentile(ackMinutes, 0.95))] }],
      },
      { heading: "Sự cố", columns: ["", "Số lượng"], rows: [{ label: "Mở trong ca", values: [opened] }, { label: "Đóng trong ca", values: [closed] }] },
      {
        heading: "Chỉ đạo của Trung tâm IOC tỉnh",
        columns: ["", "Số lượng"],
        rows: [
          directiveRow("Nhận trong ca", (d) => d.deliveredAt),
          directiveRow("Xác nhận trong ca", (d) => d.acknowledgedAt),
          directiveRow("Hoàn thành trong ca", (d) => d.doneAt),
          { label: "Còn mở khi hết ca", values: [directivesOpen] },
        ],
      },
    ],
    note: { heading: "Ghi chú bàn giao ca", text: input.handoverNote.trim() === "" ? "(không có)" : input.handoverNote },
  };
}
