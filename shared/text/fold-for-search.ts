/**
 * Case- and accent-insensitive text for search: an officer typing "cho" finds "Chợ", "quang trung"
 * finds "Quang Trung", "dong" finds "Đông". One definition for every search box of the console.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}
