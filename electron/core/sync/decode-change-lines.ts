import { CHANGE_LINE_DATA_SEPARATOR, ChangeEnvelopeSchema, ChangeLinesHeaderSchema } from "../../../shared/protocol/backend.js";
import { describeZodError, err, ok, type Result } from "../../../shared/result.js";
import { bodyText } from "./body-text.js";
import type { DecodedPage, EncodedChange } from "./decoded-page.js";
import { checkEntityData, checkEnvelope, laterSeq, QUARANTINE_RAW_LIMIT, SeqOnlySchema, type QuarantinedChange } from "./validate-changes.js";

const NEWLINE = 0x0a;

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Pure: a catch-up page in change lines (see CHANGE_LINES_CONTENT_TYPE) to rows ready for the
 * cache. Each change's envelope and data are validated like any change; what is stored is the
 * data's own text as the backend sent it, which is the text just validated. A bad line is
 * quarantined with its text (it never blocks the lines after it); a page without a valid
 * header is refused whole.
 */
export function decodeChangeLines(text: string): Result<DecodedPage> {
  const lines = text.split("\n");
  const headerJson = tryJson(lines[0] ?? "");
  const header = headerJson.ok ? ChangeLinesHeaderSchema.safeParse(headerJson.value) : null;
  if (header === null || !header.success) {
    const why = header === null ? "it is not JSON" : describeZodError(header.error);
    return err("backend_error", `The backend's catch-up page does not start with a valid header line (${why}).`);
  }
  const rows: EncodedChange[] = [];
  const quarantined: QuarantinedChange[] = [];
  let maxSeq: number | null = null;
  const quarantine = (seq: number | null, message: string, line: string) => quarantined.push({ seq, message, raw: line.slice(0, QUARANTINE_RAW_LIMIT) });

  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const tab = line.indexOf(CHANGE_LINE_DATA_SEPARATOR);
    const envelopeJson = tryJson(tab < 0 ? line : line.slice(0, tab));
    if (!envelopeJson.ok) {
      quarantine(null, "Malformed change: the line is not JSON.", line);
      continue;
    }
    const envelope = checkEnvelope(ChangeEnvelopeSchema, envelopeJson.value, () => line);
    maxSeq = laterSeq(maxSeq, envelope.seq);
    if (!envelope.ok) {
      quarantined.push(envelope.problem);
      continue;
    }
    const change = envelope.change;
    if (change.op === "delete") {
      rows.push({ seq: change.seq, entity: change.entity, op: "delete", id: change.id, dataJson: null });
      continue;
    }
    const dataText = tab < 0 ? null : line.slice(tab + 1);
    const dataJson = dataText === null ? null : tryJson(dataText);
    if (dataText === null || dataJson === null || !dataJson.ok) {
      quarantine(change.seq, `Malformed ${change.entity} ${change.id} (change ${change.seq}): its data is missing or not JSON.`, line);
      continue;
    }
    const data = checkEntityData(change, dataJson.value, () => line);
    if (!data.ok) {
      quarantined.push(data.problem);
      continue;
    }
    rows.push({ seq: change.seq, entity: change.entity, op: "upsert", id: change.id, dataJson: dataText });
  }
  return ok({ rows, quarantined, maxSeq, headSeq: header.data.headSeq, hasMore: header.data.hasMore });
}

/**
 * Where the page after this one starts, read from the bytes of its header and last line alone
 * (to ask for it before this page is decoded, or on another thread); null when there is no page
 * after it or the last line is unreadable.
 */
export function nextPageAfter(bytes: Uint8Array, after: number): number | null {
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = tryJson(bodyText(bytes, 0, headerEnd < 0 ? bytes.length : headerEnd));
  if (!header.ok || ChangeLinesHeaderSchema.safeParse(header.value).data?.hasMore !== true) return null;
  const end = bytes[bytes.length - 1] === NEWLINE ? bytes.length - 1 : bytes.length;
  const start = end === 0 ? 0 : bytes.lastIndexOf(NEWLINE, end - 1) + 1;
  if (start === 0) return null;
  const line = bodyText(bytes, start, end);
  const tab = line.indexOf(CHANGE_LINE_DATA_SEPARATOR);
  const json = tryJson(tab < 0 ? line : line.slice(0, tab));
  const seq = json.ok ? SeqOnlySchema.safeParse(json.value) : null;
  return seq?.success === true && seq.data.seq > after ? seq.data.seq : null;
}
