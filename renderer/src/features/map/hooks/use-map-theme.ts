import { useCallback, useState } from "react";
import { parseMapTheme, type MapTheme } from "../model/map-theme.js";

const STORAGE_KEY = "ioc.map.theme";

function storedTheme(): MapTheme {
  try {
    return parseMapTheme(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be disabled (kiosk profiles): the night style is the safe default.
    return "dark";
  }
}

/** The map's light/dark style, remembered per workstation. */
export function useMapTheme(): [MapTheme, (theme: MapTheme) => void] {
  const [theme, setThemeState] = useState<MapTheme>(storedTheme);
  const setTheme = useCallback((next: MapTheme) => {
    setThemeState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, still applied.
    }
  }, []);
  return [theme, setTheme];
}
