import { CameraCredentialsSchema, CameraUrlSchema, type CameraStreamSettings } from "../../../../../shared/domain/camera-setup.js";
import type { Camera } from "../../../../../shared/domain/camera.js";
import type { LonLat } from "../../../../../shared/domain/geo.js";
import { LIMITS } from "../../../../../shared/limits.js";

/** The camera form as typed: text fields stay text until the supervisor saves or tests. */
export interface CameraFormState {
  name: string;
  wardCode: string;
  /** "106.78, 21.04", typed or set by a click on the map. */
  location: string;
  url: string;
  subStreamUrl: string;
  username: string;
  password: string;
  /** Editing a camera with stored credentials: leave them as they are unless new ones are typed. */
  keepCredentials: boolean;
  recording: boolean;
  retentionDays: string;
}

export type CameraFormField = "name" | "wardCode" | "location" | "url" | "subStreamUrl" | "credentials" | "retentionDays";

/** What is wrong with a field: an i18n key under cameras.errors, with the schema's own sentence where it has one. */
export interface FieldProblem {
  key: string;
  detail?: string;
}

export type FormProblems = Partial<Record<CameraFormField, FieldProblem>>;

export interface CameraFormValue {
  name: string;
  wardCode: string;
  location: LonLat;
  /** Credentials undefined: keep the stored ones (an edit only). */
  settings: Omit<CameraStreamSettings, "credentials"> & { credentials: CameraStreamSettings["credentials"] | undefined };
}

export const DEFAULT_RETENTION_DAYS = 30;

export function emptyCameraForm(wardCode: string): CameraFormState {
  return { name: "", wardCode, location: "", url: "", subStreamUrl: "", username: "", password: "", keepCredentials: false, recording: true, retentionDays: String(DEFAULT_RETENTION_DAYS) };
}

/** Pure: the form filled from an added camera, its credentials kept (never sent back to consoles). */
export function cameraFormOf(camera: Camera): CameraFormState {
  const setup = camera.setup;
  return {
    name: camera.name,
    wardCode: camera.wardCode,
    location: formatLocation(camera.location),
    url: setup?.url ?? "",
    subStreamUrl: setup?.subStreamUrl ?? "",
    username: "",
    password: "",
    keepCredentials: setup?.hasCredentials ?? false,
    recording: setup?.recording ?? true,
    retentionDays: String(setup?.retentionDays ?? DEFAULT_RETENTION_DAYS),
  };
}

export function formatLocation([lon, lat]: LonLat): string {
  return `${lon.toFixed(6)}, ${lat.toFixed(6)}`;
}

/** Pure: "lon, lat" (or "lon lat") as a point, or null. */
export function parseLocation(text: string): LonLat | null {
  const parts = text.trim().split(/[\s,;]+/).filter((p) => p !== "");
  if (parts.length !== 2) return null;
  const [lon, lat] = parts.map(Number);
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return [lon, lat];
}

function urlProblem(text: string): FieldProblem | null {
  const parsed = CameraUrlSchema.safeParse(text);
  return parsed.success ? null : { key: "url", detail: parsed.error.issues[0]?.message ?? "" };
}

/** Pure: the credentials the form sends: new ones typed, none, or (editing) kept as stored. */
export function formCredentials(state: CameraFormState): { ok: true; value: CameraStreamSettings["credentials"] | undefined } | { ok: false } {
  if (state.username === "" && state.password === "") return { ok: true, value: state.keepCredentials ? undefined : null };
  const parsed = CameraCredentialsSchema.safeParse({ username: state.username, password: state.password });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
}

/** Pure: the form checked field by field against the same schemas the backend applies. */
export function readCameraForm(state: CameraFormState): { ok: true; value: CameraFormValue } | { ok: false; problems: FormProblems } {
  const problems: FormProblems = {};
  const name = state.name.trim();
  if (name === "" || name.length > LIMITS.nameChars) problems.name = { key: "name" };
  if (state.wardCode === "") problems.wardCode = { key: "ward" };
  const location = parseLocation(state.location);
  if (location === null) problems.location = { key: "location" };
  const url = state.url.trim();
  const mainProblem = urlProblem(url);
  if (mainProblem !== null) problems.url = mainProblem;
  const sub = state.subStreamUrl.trim();
  const subProblem = sub === "" ? null : urlProblem(sub);
  if (subProblem !== null) problems.subStreamUrl = subProblem;
  const credentials = formCredentials(state);
  if (!credentials.ok) problems.credentials = { key: "credentials" };
  const retentionDays = Number(state.retentionDays);
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > LIMITS.retentionDaysMax) problems.retentionDays = { key: "retention" };
  if (Object.keys(problems).length > 0 || location === null || !credentials.ok) return { ok: false, problems };
  return {
    ok: true,
    value: { name, wardCode: state.wardCode, location, settings: { url, subStreamUrl: sub === "" ? null : sub, credentials: credentials.value, recording: state.recording, retentionDays } },
  };
}
