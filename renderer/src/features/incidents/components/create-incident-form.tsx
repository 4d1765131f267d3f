import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../../shared/limits.js";
import { Button } from "../../../components/ui/button.js";

interface CreateIncidentFormProps {
  count: number;
  onCreate: (title: string | null, unit: string | null) => void;
  onCancel: () => void;
}

/** "Create an incident from 2 alarms": an optional title (else made from the alarms' places) and unit. */
export function CreateIncidentForm({ count, onCreate, onCancel }: CreateIncidentFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [unit, setUnit] = useState("");
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  function submit(event: FormEvent): void {
    event.preventDefault();
    onCreate(title.trim() === "" ? null : title.trim(), unit.trim() === "" ? null : unit.trim());
  }

  return (
    <form
      className="incident-create"
      data-testid="create-incident-form"
      data-count={count}
      onSubmit={submit}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === "Escape") onCancel();
      }}
    >
      <strong>{t("incidents.createFrom", { count })}</strong>
      <input
        ref={titleRef}
        data-testid="create-incident-title"
        maxLength={LIMITS.nameChars}
        placeholder={t("incidents.titlePlaceholder")}
        aria-label={t("incidents.title")}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <input
        data-testid="create-incident-unit"
        maxLength={LIMITS.nameChars}
        placeholder={t("incidents.unitPlaceholder")}
        aria-label={t("incidents.unit")}
        value={unit}
        onChange={(event) => setUnit(event.target.value)}
      />
      <Button type="submit" size="small" variant="primary" data-testid="create-incident-submit">
        {t("incidents.create")}
      </Button>
      <Button size="small" onClick={onCancel}>
        {t("alarmQueue.cancel")}
      </Button>
    </form>
  );
}
