import { periodTotal, totalsByWard } from "../dashboards/aggregate.js";
import { metricsOf, type DomainSample, type MetricOf, type SeriesDomain } from "../domain/domain-sample.js";
import { formatCityDateTime } from "../time.js";

/**
 * A domain's figures per ward for a period, as an officer hands it over: pure, built from the
 * samples in the console's cache. Reports are official papers of the city, so their text is
 * Vietnamese whatever the screen's language.
 */

export const CITY_HEADER = ["ỦY BAN NHÂN DÂN THÀNH PHỐ UÔNG BÍ", "TRUNG TÂM ĐIỀU HÀNH THÔNG MINH (IOC)"] as const;

const DOMAIN_TITLES: Readonly<Record<SeriesDomain, string>> = {
  public_services: "Dịch vụ công",
  one_stop: "Bộ phận một cửa",
  environment: "Môi trường",
  traffic: "Giao thông",
  health: "Y tế",
  education: "Giáo dục",
  tourism: "Du lịch",
};

const METRIC_LABELS: { readonly [D in SeriesDomain]: { readonly [M in MetricOf<D>]: string } } = {
  public_services: {
    received: "Tiếp nhận",
    inProgress: "Đang giải quyết",
    onTime: "Đúng hạn",
    late: "Trễ hạn",
    online: "Trực tuyến",
    atCounter: "Tại quầy",
    civilStatus: "Hộ tịch",
    landConstruction: "Đất đai – Xây dựng",
    business: "Kinh doanh – Đầu tư",
    socialAffairs: "Lao động – Xã hội",
    otherProcedures: "Lĩnh vực khác",
  },
  one_stop: { waiting: "Đang chờ", served: "Đã phục vụ", avgWaitMin: "Chờ TB (phút)" },
  environment: { aqi: "AQI", pm25: "PM2.5 (µg/m³)", noiseDb: "Tiếng ồn (dB)", waterLevelM: "Mực nước max (m)" },
  traffic: { incidents: "Sự cố", flowVehPerHour: "Xe/giờ" },
  health: { clinicVisits: "Lượt khám", bedOccupancyPct: "Công suất giường (%)" },
  education: { attendancePct: "Đi học (%)" },
  tourism: { visitors: "Lượt khách" },
};

export interface ReportTable {
  title: string;
  /** Lines under the header: period, generated at, scope. */
  subtitle: string[];
  columns: string[];
  /** First cell the ward's name, then one figure per metric. */
  rows: Array<{ label: string; values: number[] }>;
  total: { label: string; values: number[] };
  /** Smaller tables after the main one (the shift report's response times, incidents). */
  sections?: Array<{ heading: string; columns: string[]; rows: Array<{ label: string; values: number[] }> }>;
  /** Free text at the end, as written (the handover note). */
  note?: { heading: string; text: string };
}

export interface DomainReportInput {
  domain: SeriesDomain;
  samples: readonly DomainSample[];
  wards: ReadonlyArray<{ code: string; fullName: string }>;
  period: { from: Date; to: Date };
  generatedAt: Date;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function buildDomainReport(input: DomainReportInput): ReportTable {
  const { domain, samples, wards } = input;
  const metrics = metricsOf(domain);
  const labels = METRIC_LABELS[domain] as Readonly<Record<string, string>>;
  const perMetric = metrics.map((m) => totalsByWard(samples, domain, m));
  return {
    title: `BÁO CÁO LĨNH VỰC ${DOMAIN_TITLES[domain].toLocaleUpperCase("vi")}`,
    subtitle: [
      `Thời gian: từ ${formatCityDateTime(input.period.from)} đến ${formatCityDateTime(input.period.to)}`,
      `Lập lúc: ${formatCityDateTime(input.generatedAt)} (từ dữ liệu lưu trên máy trạm)`,
    ],
    columns: ["Phường/xã", ...metrics.map((m) => labels[m] ?? m)],
    rows: wards.map((ward) => ({ label: ward.fullName, values: perMetric.map((byWard) => round1(byWard.get(ward.code) ?? 0)) })),
    total: { label: "Toàn thành phố", values: metrics.map((m) => round1(periodTotal(samples, domain, m))) },
  };
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The table as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the
 * diacritics), a dot as the decimal point (the file is data, not text to read).
 */
export function reportCsv(table: ReportTable): string {
  const lines = [table.columns, ...table.rows.map((r) => [r.label, ...r.values.map(String)]), [table.total.label, ...table.total.values.map(String)]];
  for (const section of table.sections ?? []) lines.push([], [section.heading], section.columns, ...section.rows.map((r) => [r.label, ...r.values.map(String)]));
  if (table.note !== undefined) lines.push([], [table.note.heading], [table.note.text]);
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
