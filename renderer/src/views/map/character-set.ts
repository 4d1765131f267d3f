/** Printable ASCII: digits and punctuation may appear in labels later without a new font atlas. */
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

/**
 * Every character the ward labels need, precomposed (NFC): deck.gl draws a glyph per
 * code point, so "ợ" must be one character, not "o" plus two combining marks.
 */
export function labelCharacterSet(texts: Iterable<string>): string[] {
  const set = new Set(ASCII);
  for (const text of texts) for (const char of text.normalize("NFC")) set.add(char);
  return [...set].sort();
}
