import { pruneClearedAlarms } from "../../../shared/alarm-retention.js";
import type { ConsoleEvent, ConsoleRequest, Language, SyncProblem } from "../../../shared/protocol/console-api.js";
import type { AppError, Result } from "../../../shared/result.js";
import { backoffDelayMs, RECONNECT_BACKOFF } from "../../../shared/backoff.js";
import type { ClientProblem, ConsoleClient, LinkState } from "../api/console-client.js";
import { addProblems, applyEvent, applySnapshot, INITIAL_STATE, upsertTarget, type LiveState } from "./live-state.js";
import type { Command, CommandOn, DistributiveOmit, TargetState } from "../../../shared/commands/command.js";
import type { TargetKind } from "../../../shared/commands/target.js";
import { setStreamToken } from "../features/wall/platform/stream-access.js";
import { frameCoalescer } from "./notify-scheduler.js";
import { SelectionSync } from "./selection-sync.js";
import { sortViews } from "./wall-views-state.js";
import type { WallView } from "../../../shared/domain/wall-view.js";

/** The record a command on a `K` answers with. */
export type TargetOf<K extends TargetKind> = Extract<TargetState, { kind: K }>["entity"];

export type ViewDraft = Extract<ConsoleRequest, { type: "view.save" }>["view"];

const RELOAD_INTERVAL_MS = 500;
/** How often alarms cleared more than a day ago leave memory (a console may run for days). */
const PRUNE_INTERVAL_MS = 10 * 60_000;

/**
 * The one live store, and the page's one subscriber to the core's events: loads the snapshot
 * (and the operator's saved views) whenever the link to the core (re)opens, then applies events,
 * the shared selection and requests to bring a window forward included. Components read slices
 * of it through useSyncExternalStore and change it only through its methods.
 */
export class LiveStore {
  private state: LiveState = INITIAL_STATE;
  private readonly listeners = new Set<() => void>();
  private readonly scheduleNotify: () => void;
  private readonly offs: (() => void)[] = [];
  /** Events that arrived while a snapshot was in flight; replayed on top of it. */
  private raced: ConsoleEvent[] = [];
  private snapshotGeneration = 0;
  private snapshotRetry: ReturnType<typeof setTimeout> | null = null;
  private snapshotAttempt = 0;
  private nextOwnProblemId = -1;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  private pruneTimer: ReturnType<typeof setInterval> | null = null;
  private readonly selection: SelectionSync;
  private viewsGeneration = 0;

  constructor(
    readonly client: ConsoleClient,
    scheduleNotify?: (flush: () => void) => () => void,
  ) {
    this.scheduleNotify = (scheduleNotify ?? frameCoalescer)(() => this.notify());
    this.selection = new SelectionSync(
      client,
      () => this.state.selection,
      // What the operator just pointed at must not wait behind an alarm flood's coalesced renders.
      (selection) => this.update({ ...this.state, selection }, true),
    );
  }

  start(): void {
    this.pruneTimer = setInterval(() => this.pruneClearedAlarms(Date.now()), PRUNE_INTERVAL_MS);
    this.offs.push(this.client.onEvent((event) => this.onEvent(event)));
    if (this.client.onProblem) this.offs.push(this.client.onProblem((p) => this.reportProblem(p)));
    if (this.client.onConnection) {
      this.offs.push(this.client.onConnection((link) => this.onLink(link)));
    } else {
      this.onLink("open");
    }
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off();
    if (this.snapshotRetry !== null) clearTimeout(this.snapshotRetry);
    if (this.reloadTimer !== null) clearTimeout(this.reloadTimer);
    if (this.pruneTimer !== null) clearInterval(this.pruneTimer);
    this.snapshotGeneration += 1;
  }

  getState = (): LiveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Any operator command: the core shows it at once and queues it; the answer is merged here. */
  async command(command: Command): Promise<Result<TargetState>> {
    const result = await this.client.request({ type: "command", command });
    if (result.ok) this.update(upsertTarget(this.state, result.value));
    return result;
  }

  /** One command on one target of kind `K`, answered with that target as the console now shows it. */
  async commandOn<K extends TargetKind>(kind: K, id: string, command: DistributiveOmit<CommandOn<K>, "target">): Promise<Result<TargetOf<K>>> {
    const result = await this.command({ ...command, target: { kind, id } } as CommandOn<K>);
    if (!result.ok) return result;
    const state = result.value;
    if (state.kind !== kind) return { ok: false, error: { kind: "internal", message: `The core answered a ${kind} command with a ${state.kind}.` } };
    return { ok: true, value: state.entity as TargetOf<K> };
  }

  /** Acknowledgement, the queue's own action: a refusal stays on screen until dismissed or retried. */
  async acknowledge(alarmId: string): Promise<Result<TargetState>> {
    if (this.state.refusal !== null) this.update({ ...this.state, refusal: null });
    const target = { kind: "alarm", id: alarmId } as const;
    const result = await this.command({ type: "acknowledge", target });
    if (!result.ok) this.update({ ...this.state, refusal: { target, error: result.error } });
    return result;
  }

  // The selection and view setters are handed to components as callbacks: bound once here.
  selectAlarm = (alarmId: string | null): void => this.selection.select({ alarmId });

  selectWard = (wardCode: string | null): void => this.selection.select({ wardCode });

  /** Clears what the operator selected (Alt+X, Escape), in every window. */
  clearSelection = (): void => this.selection.select({ alarmId: null, wardCode: null });

  /** A camera the operator asked to see (map click, "show on wall"): the wall takes it. */
  requestCamera = (cameraId: string): void => this.selection.requestCamera(cameraId);

  saveView = async (view: ViewDraft): Promise<Result<WallView>> => {
    const result = await this.client.request({ type: "view.save", view });
    this.update({ ...this.state, viewsError: result.ok ? null : result.error });
    return result;
  };

  deleteView = async (viewId: string): Promise<Result<{ id: string }>> => {
    const result = await this.client.request({ type: "view.delete", viewId });
    this.update({ ...this.state, viewsError: result.ok ? null : result.error });
    return result;
  };


  dismissRefusal(): void {
    if (this.state.refusal !== null) this.update({ ...this.state, refusal: null });
  }

  async setLanguage(language: Language): Promise<Result<Language>> {
    const result = await this.client.request({ type: "settings.update", language });
    if (!result.ok) {
      this.reportError("settings.update", result.error);
      return result;
    }
    this.update({ ...this.state, settings: result.value });
    return { ok: true, value: result.value.language };
  }

  reportProblem(problem: ClientProblem): void {
    const own: SyncProblem = {
      id: this.nextOwnProblemId--,
      at: new Date().toISOString(),
      source: problem.source,
      message: problem.message,
    };
    this.update(addProblems(this.state, [own]));
  }

  private reportError(source: string, error: AppError): void {
    this.reportProblem({ source, message: `${error.kind}: ${error.message}` });
  }

  private onLink(link: LinkState): void {
    this.update({ ...this.state, link });
    if (link === "open") {
      this.selection.linkOpened();
      this.snapshotAttempt = 0;
      void this.loadSnapshot();
    } else {
      this.selection.linkClosed();
      // A snapshot answer that arrives for a dead link is stale; the next open asks again.
      this.snapshotGeneration += 1;
      this.raced = [];
      if (this.snapshotRetry !== null) clearTimeout(this.snapshotRetry);
      this.snapshotRetry = null;
      if (this.state.loadingSnapshot) this.update({ ...this.state, loadingSnapshot: false });
    }
  }

  /**
   * A catch-up writes a page every few milliseconds: reload at most once per RELOAD_INTERVAL_MS
   * (the last one after the burst), never once per page.
   */
  private scheduleReload(): void {
    if (this.reloadTimer !== null) return;
    // The cache is ahead of the screen from now on: say so at once, not when the reload starts,
    // so that nothing (the status bar, the queue's readiness) reads the old snapshot as current.
    if (!this.state.loadingSnapshot) this.update({ ...this.state, loadingSnapshot: true });
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      if (this.state.link === "open") void this.loadSnapshot();
    }, RELOAD_INTERVAL_MS);
  }

  private async loadSnapshot(): Promise<void> {
    const generation = ++this.snapshotGeneration;
    this.raced = [];
    this.update({ ...this.state, loadingSnapshot: true });
    const result = await this.client.request({ type: "snapshot" });
    if (generation !== this.snapshotGeneration) return;

    if (!result.ok) {
      this.reportError("snapshot", result.error);
      this.update({ ...this.state, loadingSnapshot: false });
      if (this.state.link === "open") {
        const delay = backoffDelayMs(this.snapshotAttempt++, RECONNECT_BACKOFF);
        this.snapshotRetry = setTimeout(() => void this.loadSnapshot(), delay);
      }
      return;
    }
    let next = applySnapshot(this.state, result.value);
    for (const event of this.raced) next = applyEvent(next, event, true);
    this.raced = [];
    this.update({ ...next, loadingSnapshot: false });
    if (next.operator !== null) void this.loadViews();
  }

  /** Views come from their own request: every snapshot reload (sign-in, bulk change) reads them again. */
  private async loadViews(): Promise<void> {
    const generation = ++this.viewsGeneration;
    const result = await this.client.request({ type: "view.list" });
    if (generation !== this.viewsGeneration) return;
    this.update(result.ok ? { ...this.state, views: sortViews(result.value), viewsError: null } : { ...this.state, viewsError: result.error });
  }

  private onEvent(event: ConsoleEvent): void {
    if (event.type === "bulk.changed") this.scheduleReload();
    // Signed in (again): the core now answers with the city it holds for this operator.
    if (event.type === "session" && event.session.state === "signed_in" && this.state.session?.state !== "signed_in" && this.state.link === "open") void this.loadSnapshot();
    if (event.type === "selection") this.selection.fromCore(event.selection);
    if (this.state.loadingSnapshot) this.raced.push(event);
    this.update(applyEvent(this.state, event));
  }

  /** Drops alarms cleared more than a day ago (see shared/alarm-retention.ts). */
  pruneClearedAlarms(nowMs: number): void {
    const alarms = pruneClearedAlarms(this.state.alarms, this.state.incidents.values(), nowMs);
    if (alarms !== this.state.alarms) this.update({ ...this.state, alarms });
  }

  /** `now`: notify at once instead of on the next coalesced flush. */
  private update(next: LiveState, now = false): void {
    if (next === this.state) return;
    if (next.session?.streamToken !== this.state.session?.streamToken) setStreamToken(next.session?.streamToken ?? null);
    this.state = next;
    if (now) this.notify();
    else this.scheduleNotify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
