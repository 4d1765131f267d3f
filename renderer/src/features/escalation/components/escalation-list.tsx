import { useTranslation } from "react-i18next";
import type { Escalation } from "../../../../../shared/domain/escalation.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { EscalationAnswers } from "../../directives/components/escalation-answers.js";

/** An alarm's or incident's escalations, each with where it stands on its way to the province, and the province's answers to it. */
export function EscalationList({ recordId, escalations, className }: { recordId: string; escalations: readonly Escalation[]; className: string }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const when = (iso: string) => formatCityDateTime(iso, locale);
  if (escalations.length === 0) return null;
  return (
    <ul className={className} data-testid="escalations">
      {escalations.map((e, i) => (
        <li key={i}>
          {t("alarmQueue.escalatedTo", { to: t(`alarmQueue.escalationTargets.${e.to}`), name: e.operatorName, time: when(e.at) })}: {e.reason}{" "}
          <span className="alarm-details__delivery" data-testid="escalation-delivery" data-state={e.delivery.state}>
            ({t(`alarmQueue.escalationDelivery.${e.delivery.state}`, {
              time: when(e.delivery.acknowledgedAt ?? e.delivery.deliveredAt ?? e.at),
              name: e.delivery.acknowledgedByName ?? "",
              error: e.delivery.error ?? "",
            })})
          </span>
          <EscalationAnswers recordId={recordId} index={i} />
        </li>
      ))}
    </ul>
  );
}
