import { asciiJson } from "../../shared/protocol/ascii-json.js";
import { CHANGE_LINE_DATA_SEPARATOR } from "../../shared/protocol/backend.js";
import type { StoredChange } from "../store/backend-store.js";

/*
 * Catch-up is the backend's hottest path: 100,000 changes for a console starting empty. The
 * store already holds each entity as JSON text (validated when it was written), so a page is
 * built by splicing that text into the envelope rather than parsing it only to serialise it
 * again. The envelope's own fields go through JSON.stringify, so ids and times are escaped.
 */

/** A change's fields but its data, as JSON members, compact (no whitespace, so no tab). */
function envelopeMembers(change: StoredChange): string {
  return `"seq":${change.seq},"entity":${JSON.stringify(change.entity)},"op":${JSON.stringify(change.op)},"id":${JSON.stringify(change.id)},"at":${JSON.stringify(change.at)}`;
}

/** One change as JSON text, field for field what ChangeSchema describes. */
export function encodeStoredChange(change: StoredChange): string {
  return `{${envelopeMembers(change)},"data":${change.dataJson ?? "null"}}`;
}

/** A ChangesPage as JSON text. */
export function encodeChangesPage(changes: readonly StoredChange[], headSeq: number, hasMore: boolean): string {
  return `{"changes":[${changes.map(encodeStoredChange).join(",")}],"headSeq":${headSeq},"hasMore":${hasMore}}`;
}

/** A `change` stream message as JSON text, from the store's text. */
export function encodeStoredStreamChange(change: StoredChange): string {
  return `{"type":"change","change":${encodeStoredChange(change)}}`;
}

/**
 * Stored text is written by asciiJson (one line, ASCII); anything else is normalised the same way,
 * so a line stays one line and a page stays readable as Latin-1.
 */
function oneLine(dataJson: string | null): string {
  if (dataJson === null) return "null";
  return dataJson.includes("\n") || dataJson.includes("\r") ? asciiJson(JSON.parse(dataJson)) : dataJson;
}

/** A page as change lines (CHANGE_LINES_CONTENT_TYPE): a header line, then `<envelope>\t<data>` per change. */
export function encodeChangeLines(changes: readonly StoredChange[], headSeq: number, hasMore: boolean): string {
  const lines = [`{"headSeq":${headSeq},"hasMore":${hasMore}}`];
  for (const change of changes) lines.push(`{${envelopeMembers(change)}}${CHANGE_LINE_DATA_SEPARATOR}${oneLine(change.dataJson)}`);
  return `${lines.join("\n")}\n`;
}
