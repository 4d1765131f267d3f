import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import { CITY_HEADER, type ReportTable } from "../../../shared/reports/domain-report.js";
import { err, ok, type Result } from "../../../shared/result.js";

/**
 * DejaVu Sans, shipped in resources/ with its licence: one file with every Vietnamese letter (the
 * app's Be Vietnam Pro comes split into subsets, none of which holds them all), embedded as a subset.
 */
export const REPORT_FONT_FILE = resourceFont("DejaVuSans.ttf");
const BOLD_FONT_FILE = resourceFont("DejaVuSans-Bold.ttf");

/** resources/ beside the sources (electron/core/reports) or beside the built console (dist/console); the first that holds the font. */
function resourceFont(name: string): string {
  const candidates = ["../../../resources/fonts/", "../../resources/fonts/"].map((dir) => fileURLToPath(new URL(`${dir}${name}`, import.meta.url)));
  return candidates.find((file) => existsSync(file)) ?? candidates[0]!;
}

const PAGE_MARGIN = 40;

/** The report as a PDF (A4, the city's header, a table of wards); a missing font is said in one sentence. */
export async function renderReportPdf(table: ReportTable, fontFile = REPORT_FONT_FILE, boldFontFile = BOLD_FONT_FILE): Promise<Result<Buffer>> {
  for (const file of [fontFile, boldFontFile]) {
    if (!existsSync(file)) return err("internal", `The report font ${file} is missing from this installation: reinstall the console to export PDF reports.`);
  }
  const doc = new PDFDocument({ size: "A4", margin: PAGE_MARGIN, info: { Title: table.title, Author: CITY_HEADER[1] } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("body", fontFile);
  doc.registerFont("bold", boldFontFile);
  const width = doc.page.width - 2 * PAGE_MARGIN;

  doc.font("bold").fontSize(11);
  for (const line of CITY_HEADER) doc.text(line, { align: "center", width });
  doc.moveDown(1).fontSize(14).text(table.title, { align: "center", width });
  doc.moveDown(0.5).font("body").fontSize(9);
  for (const line of table.subtitle) doc.text(line, { align: "center", width });
  doc.moveDown(1);

  const first = Math.min(150, width * 0.34);
  const rest = (width - first) / Math.max(1, table.columns.length - 1);
  const drawRow = (cells: readonly string[], font: "body" | "bold") => {
    const y = doc.y;
    if (y > doc.page.height - PAGE_MARGIN - 30) doc.addPage();
    const top = doc.y;
    doc.font(font).fontSize(8.5);
    cells.forEach((cell, i) => {
      const x = PAGE_MARGIN + (i === 0 ? 0 : first + (i - 1) * rest);
      doc.text(cell, x, top, { width: i === 0 ? first - 4 : rest - 4, align: i === 0 ? "left" : "right", lineBreak: true });
    });
    doc.x = PAGE_MARGIN;
    doc.y = top + 16;
    doc.moveTo(PAGE_MARGIN, doc.y - 3).lineTo(PAGE_MARGIN + width, doc.y - 3).lineWidth(0.3).strokeColor("#999999").stroke();
  };
  const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
  drawRow(table.columns, "bold");
  for (const row of table.rows) drawRow([row.label, ...row.values.map((v) => number.format(v))], "body");
  drawRow([table.total.label, ...table.total.values.map((v) => number.format(v))], "bold");
  doc.end();
  return ok(await done);
}
