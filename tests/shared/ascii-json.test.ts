import { describe, expect, it } from "vitest";
import { asciiJson } from "../../shared/protocol/ascii-json.js";

describe("ASCII JSON", () => {
  it("escapes every character above U+007F and reads back the same value", () => {
    const value = { place: "Trường THCS Nguyễn Trãi, phường Nam Khê", note: "ảnh 📷", tab: "a\tb", n: 1.5, list: [null, true] };
    const text = asciiJson(value);
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
    expect(text).toContain("Tr\\u01b0\\u1eddng");
    // A character outside the BMP is two escaped surrogates, as JSON allows.
    expect(text).toContain("\\ud83d\\udcf7");
    expect(JSON.parse(text)).toEqual(value);
  });

  it("leaves ASCII text exactly as JSON.stringify writes it", () => {
    const value = { id: "cam-01", at: "2026-11-25T10:00:00.000Z", quote: 'say "hi"' };
    expect(asciiJson(value)).toBe(JSON.stringify(value));
  });
});
