import { useEffect, useState } from "react";
import type { BasemapInfo, NamedPlace } from "../../../../../shared/basemap/basemap-schemas.js";
import { setTileLoader } from "../platform/street-map-tiles.js";
import { useOperator } from "../../../hooks/use-operator.js";
import { useStore } from "../../../store/store-context.js";

export interface StreetMap {
  /** Null until the core has answered. */
  info: BasemapInfo | null;
  /** The street map's searchable names (none without one). */
  places: readonly NamedPlace[];
}

const NOTHING: readonly NamedPlace[] = [];

/** Whether the core has a street map, its searchable names, and its tiles wired to maplibre; asked once per operator. */
export function useStreetMap(): StreetMap {
  const store = useStore();
  const operatorId = useOperator()?.id ?? null;
  const [info, setInfo] = useState<BasemapInfo | null>(null);
  const [places, setPlaces] = useState<readonly NamedPlace[]>(NOTHING);

  setTileLoader((tile) => store.client.request({ type: "basemap.tile", tile }));

  useEffect(() => {
    if (operatorId === null) return;
    let cancelled = false;
    void store.client.request({ type: "basemap.info" }).then((result) => {
      if (cancelled) return;
      // An answer that is not one (the core unreachable) keeps the ward map: the street map is extra.
      setInfo(result.ok ? result.value : { installed: false });
      if (!result.ok || !result.value.installed) return;
      void store.client.request({ type: "basemap.places" }).then((named) => {
        if (!cancelled && named.ok) setPlaces(named.value);
      });
    });
    return () => {
      cancelled = true;
    };
  }, [store, operatorId]);

  return { info, places };
}
