import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useLiveState } from "../../../store/store-context.js";
import { directivesAnswering } from "../model/escalation-answers.js";

/** Under an escalation in a city console: the province's answers to it (its directives), with where each stands. */
export function EscalationAnswers({ recordId, index }: { recordId: string; index: number }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const directives = useLiveState((s) => s.directives);
  const answers = useMemo(() => directivesAnswering(directives.values(), recordId, index), [directives, recordId, index]);
  if (answers.length === 0) return null;
  return (
    <ul className="escalation-answers" data-testid="escalation-answers">
      {answers.map((d) => (
        <li key={d.id} data-testid="escalation-answer" data-directive-id={d.id} data-state={d.state}>
          {t("directives.answered", { name: d.sentByName, time: formatCityDateTime(d.sentAt, locale) })} “{d.text}” ({t(`directives.states.${d.state}`)})
        </li>
      ))}
    </ul>
  );
}
