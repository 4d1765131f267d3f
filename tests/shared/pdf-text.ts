import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A PDF's text, page by page, one line per text run, in NFC (as the ward names are written). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) for (const item of (await (await doc.getPage(n)).getTextContent()).items) if ("str" in item) parts.push(item.str);
  return parts.join("\n").normalize("NFC");
}
