import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Camera } from "../../../../../shared/domain/camera.js";
import type { CameraProbe } from "../../../../../shared/protocol/cameras.js";
import { LIMITS } from "../../../../../shared/limits.js";
import { useLiveState } from "../../../store/store-context.js";
import { useCameraActions } from "../hooks/use-camera-actions.js";
import { cancelLocationPick, startLocationPick, useLocationPicking } from "../hooks/use-location-pick.js";
import { cameraFormOf, emptyCameraForm, formatLocation, formCredentials, readCameraForm, type CameraFormState, type FieldProblem, type FormProblems } from "../model/camera-form.js";

/** Adds a camera (camera null) or edits an added one: where it is, its stream, its credentials, its recording. */
export function CameraForm({ camera, onDone }: { camera: Camera | null; onDone(): void }) {
  const { t } = useTranslation();
  const wards = useLiveState((s) => s.wards);
  const wardList = useMemo(() => [...wards.values()].sort((a, b) => a.name.localeCompare(b.name, "vi")), [wards]);
  const actions = useCameraActions();
  const [state, setState] = useState<CameraFormState>(() => (camera === null ? emptyCameraForm(wardList[0]?.code ?? "") : cameraFormOf(camera)));
  const [problems, setProblems] = useState<FormProblems>({});
  const [probe, setProbe] = useState<{ kind: "idle" } | { kind: "testing" } | { kind: "done"; probe: CameraProbe } | { kind: "failed"; message: string }>({ kind: "idle" });
  const [saving, setSaving] = useState(false);
  const picking = useLocationPicking();
  useEffect(() => cancelLocationPick, []);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof CameraFormState>(key: K, value: CameraFormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const problemText = (problem: FieldProblem | undefined) => (problem === undefined ? null : t(`cameras.errors.${problem.key}`, { detail: problem.detail ?? "" }));

  const test = async () => {
    const read = readCameraForm(state);
    if (!read.ok && (read.problems.url !== undefined || read.problems.credentials !== undefined)) {
      setProblems(read.problems);
      return;
    }
    const credentials = formCredentials(state);
    setProbe({ kind: "testing" });
    const result = await actions.probe({
      url: state.url.trim(),
      credentials: credentials.ok && credentials.value !== undefined ? credentials.value : null,
      storedCredentialsOf: camera !== null && credentials.ok && credentials.value === undefined ? camera.id : null,
    });
    setProbe(result.ok ? { kind: "done", probe: result.value } : { kind: "failed", message: result.error.message });
  };

  const save = async () => {
    const read = readCameraForm(state);
    setProblems(read.ok ? {} : read.problems);
    if (!read.ok) return;
    setSaving(true);
    const result = camera === null ? await actions.add(read.value) : await actions.edit(camera.id, read.value);
    setSaving(false);
    if (result.ok) onDone();
    else setError(result.error.message);
  };

  const field = (key: keyof CameraFormState, label: string, problem: FieldProblem | undefined, props: { type?: string; maxLength: number; placeholder?: string; testId: string }) => (
    <label className="camera-form__field">
      <span>{label}</span>
      <input
        type={props.type ?? "text"}
        value={String(state[key])}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        aria-invalid={problem !== undefined}
        autoComplete={props.type === "password" ? "new-password" : "off"}
        onChange={(event) => set(key, event.currentTarget.value as never)}
        data-testid={props.testId}
      />
      {problem !== undefined && (
        <span className="camera-form__error" role="alert" data-testid={`${props.testId}-error`}>
          {problemText(problem)}
        </span>
      )}
    </label>
  );

  return (
    <form
      className="camera-form"
      aria-label={camera === null ? t("cameras.add") : t("cameras.edit")}
      data-testid="camera-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {field("name", t("cameras.name"), problems.name, { maxLength: LIMITS.nameChars, testId: "camera-name" })}
      <label className="camera-form__field">
        <span>{t("cameras.ward")}</span>
        <select value={state.wardCode} onChange={(event) => set("wardCode", event.currentTarget.value)} data-testid="camera-ward">
          {wardList.map((ward) => (
            <option key={ward.code} value={ward.code}>
              {ward.name}
            </option>
          ))}
        </select>
      </label>
      {field("location", t("cameras.location"), problems.location, { maxLength: 60, placeholder: "106.780000, 21.040000", testId: "camera-location" })}
      <button
        type="button"
        className="btn btn--ghost btn--small camera-form__pick"
        aria-pressed={picking}
        onClick={() => (picking ? cancelLocationPick() : startLocationPick((point) => set("location", formatLocation(point))))}
        data-testid="camera-pick-location"
      >
        {picking ? t("cameras.pickingOnMap") : t("cameras.pickOnMap")}
      </button>
      {field("url", t("cameras.url"), problems.url, { maxLength: LIMITS.cameraUrlChars, placeholder: "rtsp://10.0.0.7:554/stream1", testId: "camera-url" })}
      {field("subStreamUrl", t("cameras.subStreamUrl"), problems.subStreamUrl, { maxLength: LIMITS.cameraUrlChars, placeholder: t("cameras.optional"), testId: "camera-sub-url" })}
      {field("username", t("cameras.username"), undefined, { maxLength: LIMITS.cameraUserChars, placeholder: state.keepCredentials ? t("cameras.kept") : t("cameras.optional"), testId: "camera-username" })}
      {field("password", t("cameras.password"), problems.credentials, { type: "password", maxLength: LIMITS.passwordChars, placeholder: state.keepCredentials ? t("cameras.kept") : t("cameras.optional"), testId: "camera-password" })}
      <label className="camera-form__check">
        <input type="checkbox" checked={state.recording} onChange={(event) => set("recording", event.currentTarget.checked)} data-testid="camera-recording" />
        <span>{t("cameras.recording")}</span>
      </label>
      {field("retentionDays", t("cameras.retentionDays"), problems.retentionDays, { type: "number", maxLength: 3, testId: "camera-retention" })}
      <div className="camera-form__actions">
        <button type="button" className="btn btn--ghost btn--small" disabled={probe.kind === "testing"} onClick={() => void test()} data-testid="camera-test">
          {probe.kind === "testing" ? t("cameras.testing") : t("cameras.test")}
        </button>
        <button type="submit" className="btn btn--small" disabled={saving} data-testid="camera-save">
          {t("cameras.save")}
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={onDone} data-testid="camera-cancel">
          {t("cameras.cancel")}
        </button>
      </div>
      {probe.kind === "done" && (
        <p className={`camera-form__probe camera-form__probe--${probe.probe.answered ? "ok" : "bad"}`} role="status" data-testid="camera-probe">
          {probe.probe.answered
            ? t("cameras.probeOk", { codec: probe.probe.codec, width: probe.probe.width, height: probe.probe.height, fps: probe.probe.fps ?? "?" })
            : probe.probe.problem}
        </p>
      )}
      {probe.kind === "failed" && (
        <p className="camera-form__probe camera-form__probe--bad" role="alert" data-testid="camera-probe">
          {probe.message}
        </p>
      )}
      {error !== null && (
        <p className="camera-form__error" role="alert" data-testid="camera-form-error">
          {error}
        </p>
      )}
    </form>
  );
}
