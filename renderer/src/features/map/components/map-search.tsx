import { LIMITS } from "../../../../../shared/limits.js";
import { useMemo, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { searchMap, type SearchEntry } from "../../../../../shared/basemap/map-search.js";

interface MapSearchProps {
  entries: readonly SearchEntry[];
  onPick: (entry: SearchEntry) => void;
}

/** The map's search box: a ward, a camera, a street or a place by name, accent-insensitive; Enter or a click flies there. */
export function MapSearch({ entries, onPick }: MapSearchProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const hits = useMemo(() => searchMap(entries, query), [entries, query]);
  const pick = (entry: SearchEntry) => {
    onPick(entry);
    setQuery("");
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") setActive((i) => Math.min(i + 1, Math.max(hits.length - 1, 0)));
    else if (event.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
    else if (event.key === "Escape") setQuery("");
    else if (event.key === "Enter") {
      const hit = hits[active] ?? hits[0];
      if (hit !== undefined) pick(hit.entry);
    } else return;
    event.preventDefault();
  };
  return (
    <div className="map-panel map-search" role="search">
      <input
        type="search"
        className="map-search__input"
        maxLength={LIMITS.nameChars}
        placeholder={t("map.search.placeholder")}
        aria-label={t("map.search.label")}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="map-search"
      />
      {query.trim() !== "" && (
        <ul className="map-search__results" role="listbox" aria-label={t("map.search.results")} data-testid="map-search-results">
          {hits.length === 0 && <li className="map-search__none">{t("map.search.none")}</li>}
          {hits.map((hit, i) => (
            <li key={`${hit.entry.kind}:${hit.entry.id}`} role="option" aria-selected={i === active}>
              <button type="button" className={`map-search__hit${i === active ? " is-active" : ""}`} onClick={() => pick(hit.entry)} data-testid="map-search-hit">
                <span className="map-search__name">{hit.entry.name}</span>
                {hit.entry.alias !== null && hit.entry.alias !== hit.entry.name && <span className="map-search__alias">{hit.entry.alias}</span>}
                <span className="map-search__kind">{t(`map.search.kinds.${hit.entry.kind}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
