import { foldForSearch } from "../text/fold-for-search.js";

/** What the map's search box finds: the wards, the cameras, and the street map's streets, places and water. */
export type SearchKind = "ward" | "camera" | "street" | "place" | "water";

export interface SearchEntry {
  kind: SearchKind;
  /** Unique within its kind (ward code, camera id, or the name for street map entries). */
  id: string;
  name: string;
  /** Another name it is found by: a road's number (QL18), a camera's id. */
  alias: string | null;
  lon: number;
  lat: number;
}

export interface SearchHit {
  entry: SearchEntry;
  /** Lower is better. */
  score: number;
}

/** Where the map flies for each kind: close enough to see the thing in its streets. */
export const FLY_ZOOM: Record<SearchKind, number> = { ward: 13, street: 15, place: 14, water: 14, camera: 16 };

/** Ties go to what an operator most often means: their wards, then roads, then the rest. */
const KIND_ORDER: Record<SearchKind, number> = { ward: 0, street: 1, place: 2, camera: 3, water: 4 };

const compact = (folded: string) => folded.replace(/[\s\-–.]+/g, "");

/**
 * How well one name matches a query, both folded; null when it does not. Whole name, then the
 * start of the name, then every query word starting a word of the name, then anywhere.
 * Spaces and dashes do not count, so "ql 18", "QL-18" and "ql18" all find QL18.
 */
function matchScore(name: string, query: string, words: readonly string[]): number | null {
  if (name === query || compact(name) === compact(query)) return 0;
  if (name.startsWith(query) || compact(name).startsWith(compact(query))) return 1;
  const nameWords = name.split(/[\s\-–,.()]+/);
  if (words.every((w) => nameWords.some((n) => n.startsWith(w)))) return 2;
  if (words.every((w) => name.includes(w)) || compact(name).includes(compact(query))) return 3;
  return null;
}

/**
 * Pure: the entries whose name (or alias) matches the query, accent- and case-insensitively,
 * best first. An empty query finds nothing (the box is for going somewhere, not for browsing).
 */
export function searchMap(entries: readonly SearchEntry[], query: string, limit = 8): SearchHit[] {
  const folded = foldForSearch(query).trim();
  if (folded === "") return [];
  const words = folded.split(/\s+/);
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    const byName = matchScore(foldForSearch(entry.name), folded, words);
    const byAlias = entry.alias === null ? null : matchScore(foldForSearch(entry.alias), folded, words);
    const score = byName === null ? byAlias : byAlias === null ? byName : Math.min(byName, byAlias);
    if (score !== null) hits.push({ entry, score });
  }
  hits.sort((a, b) => a.score - b.score || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.entry.name.length - b.entry.name.length || a.entry.name.localeCompare(b.entry.name, "vi"));
  return hits.slice(0, limit);
}
