import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProvinceEscalation } from "../../../../../shared/domain/province.js";
import type { Ward } from "../../../../../shared/domain/ward.js";
import type { AppError, Result } from "../../../../../shared/result.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { Button } from "../../../components/ui/button.js";
import { Pane } from "../../../components/ui/pane.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useScreenIsCurrent } from "../../status/hooks/use-sync-status.js";
import { PriorityMark } from "../../alarms/components/priority-mark.js";
import { RefusalMessage } from "../../alarms/components/refusal-message.js";
import { useEscalations, useProvinceActions, useSentDirectives, type ProvinceActions } from "../hooks/use-province.js";
import { citiesOf, provinceQueue, type CityOption } from "../model/escalation-queue.js";
import { DirectiveForm } from "./directive-form.js";
import { SentDirectives } from "./sent-directives.js";
import { SharedCameraDialog } from "./shared-camera-dialog.js";
import { useLiveState } from "../../../store/store-context.js";
import { useWards } from "../../../hooks/use-wards.js";
import type { CentreLink } from "../../../../../shared/protocol/province.js";

const NO_LINKS: readonly CentreLink[] = [];

/** The province centre's screen: one queue of every city's escalations (filter by city), and the directives sent. */
export function ProvinceQueue() {
  const { t } = useTranslation();
  const escalations = useEscalations();
  const actions = useProvinceActions();
  const sent = useSentDirectives();
  const screenIsCurrent = useScreenIsCurrent();
  const [cityId, setCityId] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);
  const links = useLiveState((s) => s.status?.links ?? NO_LINKS);
  const wards = useWards();
  const cities = useMemo(() => citiesOf(escalations.values(), links), [escalations, links]);
  const queue = useMemo(() => provinceQueue(escalations.values(), cityId), [escalations, cityId]);
  const sendTo = useMemo(() => mergeCities(cities, sent.map((d) => ({ id: d.cityId, name: d.cityId }))), [cities, sent]);

  return (
    <Pane testId="province-queue" title={t("province.heading")} className="queue province" data-ready={screenIsCurrent ? "true" : "false"}>
      <div className="province__toolbar">
        <select value={cityId ?? ""} aria-label={t("province.filterCity")} data-testid="province-city-filter" onChange={(event) => setCityId(event.currentTarget.value === "" ? null : event.currentTarget.value)}>
          <option value="">{t("province.allCities")}</option>
          {cities.map((city) => (
            <option key={city.id} value={city.id}>
              {city.name}
            </option>
          ))}
        </select>
        <Button size="small" data-testid="province-compose" onClick={() => setComposing((c) => !c)} disabled={sendTo.length === 0}>
          {t("province.sendDirective")}
        </Button>
      </div>
      {composing && <DirectiveForm cities={sendTo} escalationId={null} wardCode={null} wards={wards} actions={actions} onDone={() => setComposing(false)} />}
      {queue.length === 0 ? (
        <p className="queue__empty">{t("province.empty")}</p>
      ) : (
        <ul className="province__list" data-testid="escalation-list">
          {queue.map((escalation) => (
            <EscalationRow key={escalation.id} escalation={escalation} wards={wards} actions={actions} />
          ))}
        </ul>
      )}
      <SentDirectives directives={sent} cities={cities} />
    </Pane>
  );
}

/** The cities a new directive may go to: those that escalated and those already written to. */
function mergeCities(a: readonly CityOption[], b: readonly CityOption[]): CityOption[] {
  const byId = new Map<string, CityOption>();
  for (const city of [...b, ...a]) byId.set(city.id, city);
  return [...byId.values()];
}

function EscalationRow({ escalation, wards, actions }: { escalation: ProvinceEscalation; wards: readonly Ward[]; actions: ProvinceActions }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const [answering, setAnswering] = useState(false);
  const [watching, setWatching] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const when = (iso: string) => formatCityDateTime(iso, locale);
  const run = async (call: () => Promise<Result<unknown>>) => {
    setError(null);
    const result = await call();
    if (!result.ok) setError(result.error);
  };
  const { alarm } = escalation;
  return (
    <li className={`escalation escalation--${escalation.state}`} data-testid="escalation-row" data-escalation-id={escalation.id} data-city-id={escalation.cityId} data-subject={escalation.subject} data-state={escalation.state}>
      <div className="directive__head">
        <PriorityMark priority={alarm.priority} />
        <span className="escalation__city">{escalation.cityName}</span>
        <span className="escalation__what">{escalation.subject === "incident" ? t("province.incident", { title: alarm.title ?? alarm.place }) : t(`alarmTypes.${alarm.type}`, { defaultValue: alarm.type })}</span>
        <span className="directive__state" data-testid="escalation-state">
          {escalation.state === "open" ? t("province.received", { at: when(escalation.receivedAt) }) : t("province.acknowledgedBy", { name: escalation.acknowledgedByName ?? "", at: when(escalation.acknowledgedAt ?? escalation.receivedAt) })}
        </span>
      </div>
      <p className="directive__text">{escalation.reason}</p>
      <p className="directive__meta">
        {alarm.place} · {t("province.escalatedBy", { name: escalation.escalatedByName, at: when(escalation.escalatedAt) })}
      </p>
      <div className="province__actions">
        {escalation.state === "open" && (
          <Button size="small" variant="primary" data-testid="escalation-acknowledge" onClick={() => void run(() => actions.acknowledge(escalation.id))}>
            {t("directives.acknowledge")}
          </Button>
        )}
        <Button size="small" data-testid="escalation-answer" aria-expanded={answering} onClick={() => setAnswering((a) => !a)}>
          {t("province.answer")}
        </Button>
        {escalation.cameraIds.map((cameraId) => (
          <Button key={cameraId} size="small" data-testid={`escalation-camera-${cameraId}`} aria-expanded={watching === cameraId} onClick={() => setWatching(watching === cameraId ? null : cameraId)}>
            {t("province.openCamera", { camera: cameraId })}
          </Button>
        ))}
      </div>
      {watching !== null && <SharedCameraDialog cityId={escalation.cityId} cityName={escalation.cityName} cameraId={watching} onClose={() => setWatching(null)} />}
      {answering && <DirectiveForm cities={[{ id: escalation.cityId, name: escalation.cityName }]} escalationId={escalation.id} wardCode={alarm.wardCode} wards={wards} actions={actions} onDone={() => setAnswering(false)} />}
      {error !== null && <RefusalMessage error={error} onDismiss={() => setError(null)} />}
    </li>
  );
}
