import { useTranslation } from "react-i18next";
import type { Directive } from "../../../../../shared/domain/directive.js";
import { useClock } from "../../../hooks/use-clock.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useWardName } from "../../../hooks/use-wards.js";
import { useLiveState } from "../../../store/store-context.js";
import { useDirectiveActions } from "../hooks/use-directive-actions.js";
import { useDirectiveCue } from "../hooks/use-directive-cue.js";
import { useDirectives } from "../hooks/use-directives.js";
import { countToAcknowledge } from "../model/directive-queue.js";
import { answeredRecordId } from "../model/escalation-answers.js";
import { DirectiveItem } from "./directive-item.js";

/**
 * The province centre's directives to this city, at the head of the alarm queue: their own kind of item,
 * sounded as they arrive (unless the queue is silenced), each to acknowledge and then mark done with a note.
 */
export function DirectivesList({ silenced }: { silenced: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const directives = useDirectives();
  const actions = useDirectiveActions();
  const wardName = useWardName();
  const now = useClock(60_000).getTime();
  const lastTone = useDirectiveCue(silenced);
  const alarms = useLiveState((s) => s.alarms);
  const answeredAlarm = (directive: Directive): string | null => {
    const recordId = answeredRecordId(directive);
    return recordId !== null && alarms.has(recordId) ? recordId : null;
  };
  if (directives.length === 0) return null;
  return (
    <section className="directives" data-testid="directives" data-last-tone={lastTone ?? ""} aria-label={t("directives.heading")}>
      <h3 className="directives__heading">
        {t("directives.heading")} · {t("directives.toAcknowledge", { count: countToAcknowledge(directives) })}
      </h3>
      <ul className="directives__list">
        {directives.map((directive) => (
          <DirectiveItem
            key={directive.id}
            directive={directive}
            wardName={directive.wardCode === null ? null : wardName(directive.wardCode)}
            alarmId={answeredAlarm(directive)}
            locale={locale}
            now={now}
            actions={actions}
          />
        ))}
      </ul>
    </section>
  );
}
