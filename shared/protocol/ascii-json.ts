/*
 * JSON text with every non-ASCII character written as a \u escape. It is the same JSON (any
 * parser reads the same values back), but as bytes it is ASCII, so a reader can take it as
 * Latin-1 without a UTF-8 decode, and JavaScript engines keep it as one-byte strings: a
 * catch-up of Vietnamese place names parsed as two-byte text costs a quarter more.
 */

const NON_ASCII = /[^\x00-\x7f]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** JSON.stringify, then every character above U+007F escaped (surrogate pairs escape half by half, as JSON allows). */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  // `search` first: most records are ASCII already and need no copy.
  return json.search(NON_ASCII) < 0 ? json : json.replace(NON_ASCII, escapeChar);
}
