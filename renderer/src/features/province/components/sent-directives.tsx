import { useTranslation } from "react-i18next";
import type { Directive } from "../../../../../shared/domain/directive.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useWardsByCode } from "../../../hooks/use-wards.js";
import { provinceWardName } from "../model/directive-draft.js";
import type { CityOption } from "../model/escalation-queue.js";
import { PriorityMark } from "../../alarms/components/priority-mark.js";

/** The directives the province sent, each with where it stands at its city (sent, delivered, acknowledged, done and the note). */
export function SentDirectives({ directives, cities }: { directives: readonly Directive[]; cities: readonly CityOption[] }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const wards = useWardsByCode();
  const cityName = (id: string) => cities.find((c) => c.id === id)?.name ?? id;
  const when = (iso: string) => formatCityDateTime(iso, locale);
  if (directives.length === 0) return null;
  return (
    <section className="directives" aria-label={t("province.sent")}>
      <h3 className="directives__heading">{t("province.sent")}</h3>
      <ul className="directives__list" data-testid="sent-directives">
        {directives.map((d) => (
          <li key={d.id} className={`directive directive--${d.priority} directive--${d.state}`} data-testid="sent-directive" data-directive-id={d.id} data-escalation-id={d.escalationId ?? ""} data-state={d.state}>
            <div className="directive__head">
              <PriorityMark priority={d.priority} />
              <span className="directive__kind">{cityName(d.cityId)}</span>
              <span className="directive__state" data-testid="sent-directive-state">
                {t(`province.states.${d.state}`)}
              </span>
            </div>
            <p className="directive__text">{d.text}</p>
            {(d.wardCode !== null || d.dueAt !== null) && (
              <p className="directive__meta" data-testid="sent-directive-where">
                {[d.wardCode === null ? null : provinceWardName(wards, d.cityId, d.wardCode), d.dueAt === null ? null : t("directives.due", { at: when(d.dueAt) })].filter((part) => part !== null).join(" · ")}
              </p>
            )}
            {d.acknowledgedAt !== null && <p className="directive__meta">{t("directives.acknowledgedBy", { name: d.acknowledgedByName ?? "", at: when(d.acknowledgedAt) })}</p>}
            {d.doneAt !== null && (
              <p className="directive__meta" data-testid="sent-directive-note">
                {t("directives.doneBy", { name: d.doneByName ?? "", at: when(d.doneAt) })}: {d.doneNote}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
