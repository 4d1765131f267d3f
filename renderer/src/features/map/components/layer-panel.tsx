import { memo } from "react";
import { useTranslation } from "react-i18next";
import { LAYER_KEYS, type LayerKey, type LayerVisibility } from "../model/layer-visibility.js";
import type { MapTheme } from "../model/map-theme.js";
import { BAND_RGBA, NO_READING_RGBA, SENSOR_BANDS } from "../model/sensor-scale.js";
import type { Rgba } from "../model/map-colours.js";

const css = ([r, g, b]: Rgba) => `rgb(${r} ${g} ${b})`;

interface LayerPanelProps {
  visibility: LayerVisibility;
  onToggle: (key: LayerKey) => void;
  theme: MapTheme;
  onTheme: (theme: MapTheme) => void;
  /** Whether the core has a street map; null while it has not said. */
  streetMapInstalled: boolean | null;
  /** The street map is drawn (the operator may hide it to see the wards alone). */
  streetsOn: boolean;
  onToggleStreets: () => void;
}

/**
 * Layer toggles, the day/night style and the sensor colour scale, folded in a corner of the map.
 * Memoised: the map re-renders with every alarm refresh, the panel only when a toggle changes.
 */
export const LayerPanel = memo(function LayerPanel({ visibility, onToggle, theme, onTheme, streetMapInstalled, streetsOn, onToggleStreets }: LayerPanelProps) {
  const { t } = useTranslation();
  return (
    <details className="map-panel map-layers" data-testid="map-layers" open>
      <summary>{t("map.layers")}</summary>
      <fieldset className="map-layers__group">
        <legend className="visually-hidden">{t("map.layers")}</legend>
        {LAYER_KEYS.map((key) => (
          <label key={key} className="map-layers__toggle">
            <input type="checkbox" checked={visibility[key]} onChange={() => onToggle(key)} data-testid={`layer-toggle-${key}`} />
            <span className={`map-layers__swatch map-layers__swatch--${key}`} aria-hidden="true" />
            {t(`map.layer.${key}`)}
          </label>
        ))}
      </fieldset>
      <div className="map-layers__theme" role="group" aria-label={t("map.theme")}>
        {(["dark", "light"] as const).map((option) => (
          <button
            key={option}
            type="button"
            className={`map-layers__theme-btn${theme === option ? " is-active" : ""}`}
            aria-pressed={theme === option}
            onClick={() => onTheme(option)}
            data-testid={`map-theme-${option}`}
          >
            {t(`map.themes.${option}`)}
          </button>
        ))}
      </div>
      {streetMapInstalled === true && (
        <label className="map-layers__toggle map-layers__street-map" data-testid="street-map-status" data-installed="true">
          <input type="checkbox" checked={streetsOn} onChange={onToggleStreets} data-testid="layer-toggle-streets" />
          {t("map.streetMap.installed")}
        </label>
      )}
      {streetMapInstalled === false && (
        <p className="map-layers__street-map" data-testid="street-map-status" data-installed="false">
          {t("map.streetMap.missing")} <code>{t("map.streetMap.howTo")}</code>
        </p>
      )}
      <div className="map-layers__scale">
        <span className="map-layers__scale-title">{t("map.sensorScale")}</span>
        <ul>
          {SENSOR_BANDS.map((band) => (
            <li key={band}>
              <span className="map-layers__band" style={{ background: css(BAND_RGBA[band]) }} aria-hidden="true" />
              {t(`map.bands.${band}`)}
            </li>
          ))}
          <li>
            <span className="map-layers__band" style={{ background: css(NO_READING_RGBA) }} aria-hidden="true" />
            {t("map.noReading")}
          </li>
        </ul>
      </div>
    </details>
  );
});
