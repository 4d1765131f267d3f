import { useTranslation } from "react-i18next";
import type { HandoverSummary } from "../../../../../shared/domain/handover.js";

/** The automatic part of a handover: open incidents, shelved alarms, unacknowledged critical alarms. */
export function HandoverSummaryList({ summary, testId }: { summary: HandoverSummary; testId: string }) {
  const { t } = useTranslation();
  const sections = [
    { key: "openIncidents", items: summary.openIncidents.map((i) => ({ id: i.id, text: i.title })) },
    { key: "shelvedAlarms", items: summary.shelvedAlarms.map((a) => ({ id: a.id, text: `${t(`alarmTypes.${a.type}`, { defaultValue: a.type })} — ${a.place}` })) },
    { key: "unacknowledgedCritical", items: summary.unacknowledgedCritical.map((a) => ({ id: a.id, text: `${t(`alarmTypes.${a.type}`, { defaultValue: a.type })} — ${a.place}` })) },
  ] as const;
  return (
    <div className="ws-summary" data-testid={testId}>
      {sections.map((section) => (
        <section key={section.key} className="ws-summary__section" data-section={section.key} data-count={section.items.length}>
          <h3>
            {t(`workstation.handover.${section.key}`)} ({section.items.length})
          </h3>
          {section.items.length === 0 ? (
            <p className="ws-summary__none">{t("workstation.handover.none")}</p>
          ) : (
            <ul>
              {section.items.map((item) => (
                <li key={item.id} data-item-id={item.id}>
                  {item.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
