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

  const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
  const drawTable = (columns: readonly string[], rows: ReadonlyArray<{ label: string; values: number[]; bold?: boolean }>) => {
    const first = Math.min(150, width * 0.34);
    const rest = (width - first) / Math.max(1, columns.length - 1);
    const cellWidth = (i: number) => (i === 0 ? first - 4 : rest - 4);
    const drawRow = (cells: readonly string[], font: "body" | "bold") => {
      doc.font(font).fontSize(8.5);
      // A row is as tall as its longest cell wraps to.
      const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: cellWidth(i) }))) + 6;
      if (doc.y + height > doc.page.height - PAGE_MARGIN) doc.addPage();
      const top = doc.y;
      cells.forEach((cell, i) => {
        const x = PAGE_MARGIN + (i === 0 ? 0 : first + (i - 1) * rest);
        doc.text(cell, x, top, { width: cellWidth(i), align: i === 0 ? "left" : "right" });
      });
      doc.x = PAGE_MARGIN;
      doc.y = top + height;
      doc.moveTo(PAGE_MARGIN, doc.y - 3).lineTo(PAGE_MARGIN + width, doc.y - 3).lineWidth(0.3).strokeColor("#999999").stroke();
    };
    drawRow(columns, "bold");
    for (const row of rows) drawRow([row.label, ...row.values.map((v) => number.format(v))], row.bold === true ? "bold" : "body");
  };
  drawTable(table.columns, [...table.rows, { ...table.total, bold: true }]);
  for (const section of table.sections ?? []) {
    doc.moveDown(1).font("bold").fontSize(10).text(section.heading, PAGE_MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    drawTable(section.columns, section.rows);
  }
  if (table.note !== undefined) {
    doc.moveDown(1).font("bold").fontSize(10).text(table.note.heading, PAGE_MARGIN, doc.y, { width });
    doc.moveDown(0.3).font("body").fontSize(9).text(table.note.text, PAGE_MARGIN, doc.y, { width });
  }
  doc.end();
  return ok(await done);
}
