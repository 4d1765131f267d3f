import type { TargetState } from "../../../shared/commands/command.js";
import type { Target } from "../../../shared/commands/target.js";
import type { Alarm } from "../../../shared/domain/alarm.js";
import type { Bookmark } from "../../../shared/domain/bookmark.js";
import type { Camera } from "../../../shared/domain/camera.js";
import type { Directive } from "../../../shared/domain/directive.js";
import type { ProvinceEscalation } from "../../../shared/domain/province.js";
import type { Incident } from "../../../shared/domain/incident.js";
import type { Operator } from "../../../shared/domain/operator.js";
import type { Sensor } from "../../../shared/domain/sensor.js";
import { SERIES_DOMAINS, type DomainSample, type SeriesDomain } from "../../../shared/domain/domain-sample.js";
import type { WallView } from "../../../shared/domain/wall-view.js";
import { wardRecordId, type Ward } from "../../../shared/domain/ward.js";
import type { DisplayRole } from "../../../shared/domain/workstation.js";
import type { ConsoleEvent, Settings, Snapshot, SyncProblem, SyncStatus } from "../../../shared/protocol/console-api.js";
import { MAX_CHANGED_SAMPLES } from "../../../shared/protocol/dashboards-api.js";
import type { ConsoleSession } from "../../../shared/protocol/session.js";
import { assertNever, type AppError } from "../../../shared/result.js";
import type { LinkState } from "../api/console-client.js";
import { NO_SELECTION, type Selection } from "./selection-sync.js";
import { applyViewChanges } from "./wall-views-state.js";

/**
 * Everything the page knows, replaced immutably on each change so selectors can
 * compare by reference. Collections are maps by id; components sort what they show.
 */
export interface LiveState {
  link: LinkState;
  hasSnapshot: boolean;
  /** A snapshot request is in flight (first load or after a reconnect). */
  loadingSnapshot: boolean;
  status: SyncStatus | null;
  /** The workstation's session; null until the first snapshot. */
  session: ConsoleSession | null;
  operator: Operator | null;
  settings: Settings | null;
  /** By record id: see wardRecordId. */
  wards: ReadonlyMap<string, Ward>;
  cameras: ReadonlyMap<string, Camera>;
  sensors: ReadonlyMap<string, Sensor>;
  alarms: ReadonlyMap<string, Alarm>;
  incidents: ReadonlyMap<string, Incident>;
  /** Bookmarks not deleted (the core sends deleted ones as removed). */
  bookmarks: ReadonlyMap<string, Bookmark>;
  /** The province centre's directives to this city (open ones, and those done within a day). */
  directives: ReadonlyMap<string, Directive>;
  /** At a province: the cities' escalations (open ones, and those acknowledged within a day). */
  escalations: ReadonlyMap<string, ProvinceEscalation>;
  /** Newest last; the core's problems and the page's own (negative ids). */
  problems: readonly SyncProblem[];
  /** The last operator action the core or the backend refused, until dismissed or retried. */
  refusal: Refusal | null;
  /** What the operator is working on, the same in every window (kept in step by SelectionSync). */
  selection: Selection;
  /** This operator's saved wall views, sorted by name. */
  views: readonly WallView[];
  /** The last failure to load or save a view, for the operator to read; null when all is well. */
  viewsError: AppError | null;
  /** The newest request, from any window, to bring a role's window forward; seq tells repeats apart. */
  focusRequest: { role: DisplayRole; seq: number } | null;
  /** Per domain: bumped when the core says its series moved (or after a bulk change), with what moved when known. */
  domainRevisions: Readonly<Record<SeriesDomain, DomainRevision>>;
}

export interface DomainRevision {
  revision: number;
  /** Every sample of the domain that moved since revision `base` (the newest of each); null: read the period again. */
  changed: readonly DomainSample[] | null;
  base: number;
}

export interface Refusal {
  target: Target;
  error: AppError;
}

export const MAX_PROBLEMS = 200;

export const INITIAL_STATE: LiveState = {
  link: "connecting",
  hasSnapshot: false,
  loadingSnapshot: false,
  status: null,
  session: null,
  operator: null,
  settings: null,
  wards: new Map(),
  cameras: new Map(),
  sensors: new Map(),
  alarms: new Map(),
  incidents: new Map(),
  bookmarks: new Map(),
  directives: new Map(),
  escalations: new Map(),
  problems: [],
  refusal: null,
  selection: NO_SELECTION,
  views: [],
  viewsError: null,
  focusRequest: null,
  domainRevisions: Object.fromEntries(SERIES_DOMAINS.map((domain) => [domain, { revision: 0, changed: null, base: 0 }])) as Record<SeriesDomain, DomainRevision>,
};

/**
 * Each named domain one revision on. The samples that moved pile up (newest of each, at most
 * MAX_CHANGED_SAMPLES) from a base revision, so a dashboard that missed a revision (two events in
 * one notification) still lays them all over what it shows rather than reading its period again.
 */
function bumpDomains(
  revisions: Readonly<Record<SeriesDomain, DomainRevision>>,
  domains: readonly SeriesDomain[],
  changed: readonly DomainSample[] | undefined,
): Readonly<Record<SeriesDomain, DomainRevision>> {
  const next = { ...revisions };
  for (const domain of domains) {
    const previous = next[domain];
    const revision = previous.revision + 1;
    const mine = changed?.filter((s) => s.domain === domain);
    if (mine === undefined) next[domain] = { revision, changed: null, base: revision };
    else if (previous.changed !== null && previous.changed.length + mine.length <= MAX_CHANGED_SAMPLES) next[domain] = { revision, changed: newestById([...previous.changed, ...mine]), base: previous.base };
    else next[domain] = { revision, changed: mine, base: previous.revision };
  }
  return next;
}

function newestById(samples: readonly DomainSample[]): DomainSample[] {
  const byId = new Map<string, DomainSample>();
  for (const sample of samples) {
    const held = byId.get(sample.id);
    if (held === undefined || held.updatedAt <= sample.updatedAt) byId.set(sample.id, sample);
  }
  return [...byId.values()];
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** By record id: a city's code, or `<cityId>~<code>` at the province (the id its changes carry). */
function wardsById(wards: readonly Ward[]): Map<string, Ward> {
  return new Map(wards.map((ward) => [wardRecordId(ward), ward]));
}

export function applySnapshot(state: LiveState, snapshot: Snapshot): LiveState {
  const ownProblems = state.problems.filter((p) => p.id < 0);
  return {
    ...state,
    hasSnapshot: true,
    status: snapshot.status,
    session: snapshot.session,
    operator: snapshot.operator,
    settings: snapshot.settings,
    wards: wardsById(snapshot.wards),
    cameras: byId(snapshot.cameras),
    sensors: byId(snapshot.sensors),
    alarms: byId(snapshot.alarms),
    incidents: byId(snapshot.incidents),
    bookmarks: byId(snapshot.bookmarks),
    directives: byId(snapshot.directives),
    escalations: byId(snapshot.escalations),
    problems: capProblems(mergeProblems(snapshot.problems, ownProblems)),
  };
}

function upsertAll<T>(
  current: ReadonlyMap<string, T>,
  items: readonly T[] | undefined,
  keyOf: (item: T) => string,
  removed: readonly string[] | undefined,
  keep: (incoming: T, existing: T | undefined) => boolean,
): ReadonlyMap<string, T> {
  if ((items === undefined || items.length === 0) && (removed === undefined || removed.length === 0)) return current;
  const next = new Map(current);
  for (const item of items ?? []) {
    const key = keyOf(item);
    if (keep(item, next.get(key))) next.set(key, item);
  }
  for (const key of removed ?? []) next.delete(key);
  return next;
}

const always = (): boolean => true;

/** Used when replaying events that raced a snapshot: never go back to an older alarm. */
const notOlder = (incoming: Alarm, existing: Alarm | undefined): boolean =>
  existing === undefined || incoming.updatedAt >= existing.updatedAt;

export function applyEvent(state: LiveState, event: ConsoleEvent, replaying = false): LiveState {
  switch (event.type) {
    case "status":
      return { ...state, status: event.status };
    case "settings":
      return { ...state, settings: event.settings };
    case "problem":
      return addProblems(state, [event.problem]);
    case "action.refused":
      // Shown at once by the core, refused later by the backend (someone else was first).
      return { ...state, refusal: { target: event.target, error: event.error } };
    case "operator":
      // Someone else signed in at this workstation, or the operator's record changed.
      return { ...state, operator: event.operator };
    case "session":
      return applySession(state, event.session);
    case "bulk.changed":
      // The store reloads its snapshot (see LiveStore); the dashboards read their series again.
      return { ...state, domainRevisions: bumpDomains(state.domainRevisions, SERIES_DOMAINS, undefined) };
    case "selection":
      // Needs the store's bookkeeping of its own requests in flight (see SelectionSync).
      return state;
    case "workstation.focus":
      // A raced event replayed on a snapshot was already acted on.
      return replaying ? state : { ...state, focusRequest: { role: event.role, seq: (state.focusRequest?.seq ?? 0) + 1 } };
    case "domain.changed":
      // The live state holds no series: the dashboards read theirs from the core's cache, or lay
      // the few samples that moved over what they show.
      return { ...state, domainRevisions: bumpDomains(state.domainRevisions, event.domains, event.samples) };
    case "changed": {
      const removed = event.removed ?? {};
      return {
        ...state,
        wards: upsertAll(state.wards, event.wards, wardRecordId, removed["ward"] ?? removed["wards"], always),
        cameras: upsertAll(state.cameras, event.cameras, (c) => c.id, removed["camera"] ?? removed["cameras"], always),
        sensors: upsertAll(state.sensors, event.sensors, (s) => s.id, removed["sensor"] ?? removed["sensors"], always),
        alarms: upsertAll(
          state.alarms,
          event.alarms,
          (a) => a.id,
          removed["alarm"] ?? removed["alarms"],
          replaying ? notOlder : always,
        ),
        incidents: upsertAll(
          state.incidents,
          event.incidents,
          (i) => i.id,
          removed["incident"] ?? removed["incidents"],
          always,
        ),
        bookmarks: upsertAll(state.bookmarks, event.bookmarks, (b) => b.id, removed["bookmark"], always),
        directives: upsertAll(state.directives, event.directives, (d) => d.id, removed["directive"], always),
        escalations: upsertAll(state.escalations, event.escalations, (e) => e.id, removed["escalation"], always),
        views: applyViewChanges(state.views, event, state.operator?.id ?? null),
      };
    }
    default:
      return assertNever(event);
  }
}

/** Signed out, the page forgets the city (the next sign-in reloads it); expired, it keeps showing it. */
function applySession(state: LiveState, session: ConsoleSession): LiveState {
  if (session.state !== "signed_out") return { ...state, session, operator: session.operator };
  return { ...state, session, operator: null, wards: new Map(), cameras: new Map(), sensors: new Map(), alarms: new Map(), incidents: new Map(), bookmarks: new Map(), directives: new Map(), escalations: new Map(), refusal: null, views: [], viewsError: null };
}

export function upsertAlarm(state: LiveState, alarm: Alarm): LiveState {
  return { ...state, alarms: upsertAll(state.alarms, [alarm], (a) => a.id, undefined, notOlder) };
}

/** A command's target as the core answered it. */
export function upsertTarget(state: LiveState, target: TargetState): LiveState {
  switch (target.kind) {
    case "alarm":
      return upsertAlarm(state, target.entity);
    case "incident":
      return { ...state, incidents: upsertAll(state.incidents, [target.entity], (i) => i.id, undefined, always) };
    case "bookmark":
      return { ...state, bookmarks: upsertAll(state.bookmarks, target.entity.deletedAt === null ? [target.entity] : [], (b) => b.id, target.entity.deletedAt === null ? undefined : [target.entity.id], always) };
    case "camera":
      return { ...state, cameras: upsertAll(state.cameras, [target.entity], (c) => c.id, undefined, always) };
    case "directive":
      return { ...state, directives: upsertAll(state.directives, [target.entity], (d) => d.id, undefined, always) };
    case "escalation":
      return { ...state, escalations: upsertAll(state.escalations, [target.entity], (e) => e.id, undefined, always) };
    default:
      return assertNever(target);
  }
}

function mergeProblems(a: readonly SyncProblem[], b: readonly SyncProblem[]): SyncProblem[] {
  const seen = new Set<number>();
  const merged: SyncProblem[] = [];
  for (const problem of [...a, ...b]) {
    if (seen.has(problem.id)) continue;
    seen.add(problem.id);
    merged.push(problem);
  }
  return merged.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}

function capProblems(problems: SyncProblem[]): SyncProblem[] {
  return problems.length > MAX_PROBLEMS ? problems.slice(problems.length - MAX_PROBLEMS) : problems;
}

export function addProblems(state: LiveState, problems: readonly SyncProblem[]): LiveState {
  if (problems.length === 0) return state;
  return { ...state, problems: capProblems(mergeProblems(state.problems, problems)) };
}
