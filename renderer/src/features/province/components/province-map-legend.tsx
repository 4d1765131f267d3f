import { useTranslation } from "react-i18next";
import type { ProvinceCityRow } from "../model/province-map.js";

/** Beside the province's map: each city, its link and its open escalations. */
export function ProvinceMapLegend({ cities }: { cities: readonly ProvinceCityRow[] }) {
  const { t } = useTranslation();
  return (
    <section className="map-panel province-legend" aria-label={t("provinceMap.legend")} data-testid="province-legend">
      <h3>{t("provinceMap.legend")}</h3>
      <ul className="province-legend__list">
        {cities.map((city) => (
          <li
            key={city.id}
            className={`province-legend__city province-legend__city--${city.link}`}
            data-testid="province-city"
            data-city-id={city.id}
            data-link-state={city.link}
            data-open-escalations={city.openEscalations}
            data-wards={city.wards}
          >
            <span className="province-legend__swatch" aria-hidden="true" />
            <span className="province-legend__name">{t(`links.${city.link}`, { name: city.name })}</span>
            <span className="province-legend__count">{t("provinceMap.openEscalations", { count: city.openEscalations })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
