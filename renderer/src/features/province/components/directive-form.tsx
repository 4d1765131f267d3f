import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AlarmPrioritySchema, type AlarmPriority } from "../../../../../shared/domain/alarm.js";
import { LIMITS } from "../../../../../shared/limits.js";
import type { Ward } from "../../../../../shared/domain/ward.js";
import type { AppError } from "../../../../../shared/result.js";
import { Button } from "../../../components/ui/button.js";
import { TextField } from "../../../components/ui/text-field.js";
import { RefusalMessage } from "../../alarms/components/refusal-message.js";
import type { DirectiveDraft, ProvinceActions } from "../hooks/use-province.js";
import { cityWardOptions, initialWard } from "../model/directive-draft.js";
import { dueFromLocal, type CityOption } from "../model/escalation-queue.js";

interface DirectiveFormProps {
  /** The cities it may go to; one only when it answers an escalation. */
  cities: readonly CityOption[];
  escalationId: string | null;
  wardCode: string | null;
  /** The wards the cities told the province: a directive names one of its city's, or none. */
  wards: readonly Ward[];
  actions: ProvinceActions;
  onDone(): void;
}

/** A directive to one city: text, priority, optional ward (one of that city's) and due time. */
export function DirectiveForm({ cities, escalationId, wardCode, wards, actions, onDone }: DirectiveFormProps) {
  const { t } = useTranslation();
  const [cityId, setCityId] = useState(cities[0]?.id ?? "");
  const [text, setText] = useState("");
  const [priority, setPriority] = useState<AlarmPriority>("high");
  const wardOptions = useMemo(() => cityWardOptions(wards, cityId), [wards, cityId]);
  const [ward, setWard] = useState(() => initialWard(wardOptions, wardCode));
  const [due, setDue] = useState("");
  const [error, setError] = useState<AppError | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (text.trim() === "" || cityId === "") return;
    const draft: DirectiveDraft = { cityId, text: text.trim(), priority, wardCode: ward === "" ? null : ward, dueAt: dueFromLocal(due), escalationId };
    setError(null);
    const result = await actions.send(draft);
    if (result.ok) onDone();
    else setError(result.error);
  }

  return (
    <form className="directive-form" data-testid="directive-form" onSubmit={(event) => void submit(event)}>
      {cities.length > 1 && (
        <select value={cityId} aria-label={t("province.city")} data-testid="directive-city" onChange={(event) => {
            setCityId(event.currentTarget.value);
            setWard("");
          }}
        >
          {cities.map((city) => (
            <option key={city.id} value={city.id}>
              {city.name}
            </option>
          ))}
        </select>
      )}
      <TextField value={text} onValue={setText} label={t("province.directiveText")} maxLength={LIMITS.noteChars} data-testid="directive-form-text" autoFocus />
      <select value={priority} aria-label={t("province.priority")} data-testid="directive-priority" onChange={(event) => setPriority(event.currentTarget.value as AlarmPriority)}>
        {AlarmPrioritySchema.options.map((p) => (
          <option key={p} value={p}>
            {t(`priorities.${p}`)}
          </option>
        ))}
      </select>
      <select value={ward} aria-label={t("province.ward")} data-testid="directive-ward" onChange={(event) => setWard(event.currentTarget.value)}>
        <option value="">{wardOptions.length === 0 ? t("province.noWardKnown") : t("province.noWard")}</option>
        {wardOptions.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>
      <input type="datetime-local" value={due} aria-label={t("province.due")} data-testid="directive-due" onChange={(event) => setDue(event.currentTarget.value)} />
      <Button size="small" variant="primary" type="submit" data-testid="directive-send" disabled={text.trim() === "" || cityId === ""}>
        {t("province.send")}
      </Button>
      <Button size="small" type="button" onClick={onDone}>
        {t("directives.cancel")}
      </Button>
      {error !== null && <RefusalMessage error={error} onDismiss={() => setError(null)} />}
    </form>
  );
}
