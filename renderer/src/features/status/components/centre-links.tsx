import { useTranslation } from "react-i18next";
import type { CentreLink } from "../../../../../shared/protocol/province.js";
import { formatCityTime } from "../../../../../shared/time.js";
import { useLanguage } from "../../../hooks/use-language.js";

/**
 * The links between centres as the backend last told: at a city, whether its uplink reaches the
 * province; at the province, each city's, with when it was last heard from.
 */
export function CentreLinks({ links }: { links: readonly CentreLink[] }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  if (links.length === 0) return null;
  return (
    <div className="status-bar__item status-bar__links" data-testid="centre-links">
      {links.map((link) => (
        <span
          key={link.id}
          className={`conn conn--${link.state === "up" ? "online" : link.state === "down" ? "offline" : "connecting"}`}
          data-testid="centre-link"
          data-link-id={link.id}
          data-state={link.state}
          title={link.since === null ? undefined : t("links.since", { at: formatCityTime(link.since, locale) })}
        >
          <span className="conn__dot" aria-hidden="true" />
          <span className="conn__label">{t(`links.${link.state}`, { name: link.id === "province" ? t("links.province") : link.name })}</span>
        </span>
      ))}
    </div>
  );
}
