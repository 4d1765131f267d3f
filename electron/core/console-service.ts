import type { DomainSample, SeriesDomain } from "../../shared/domain/domain-sample.js";
import { MAX_CHANGED_SAMPLES } from "../../shared/protocol/dashboards-api.js";
import { alarmIdsOfIncidents, CLEARED_ALARM_ON_SCREEN_MS, keepsAlarm } from "../../shared/alarm-retention.js";
import type { Target } from "../../shared/commands/target.js";
import type { Alarm } from "../../shared/domain/alarm.js";
import type { Bookmark } from "../../shared/domain/bookmark.js";
import { BackendRoleSchema, type BackendRole } from "../../shared/protocol/province.js";
import { keepsEscalation, type ProvinceEscalation } from "../../shared/domain/province.js";
import { keepsDirective, type Directive } from "../../shared/domain/directive.js";
import { LIMITS } from "../../shared/limits.js";
import type { Operator } from "../../shared/domain/operator.js";
import type { ConsoleEvent, ConsoleResponse, Snapshot, SyncStatus } from "../../shared/protocol/console-api.js";
import type { ConsoleSession } from "../../shared/protocol/session.js";
import { assertNever } from "../../shared/result.js";
import type { CacheStore } from "./cache/cache-store.js";
import type { PendingCommands } from "./commands/pending-commands.js";
import type { SessionKeeper } from "./session/session-keeper.js";
import type { SettingsStore } from "./settings/settings-store.js";
import type { ValidChange } from "./sync/validate-changes.js";

export type ConsoleListener = (event: ConsoleEvent) => void;

/** The cache's note of the backend's role, so a console started offline still knows which centre it serves. */
export const CENTRE_KEY = "backend-role";

function parseCentre(raw: string | null): BackendRole | null {
  const parsed = BackendRoleSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * What the renderers see of the core: the snapshot, the sync status and the events that keep them
 * current. Requests are answered by the handlers of each area (see console-core.ts); they tell
 * this service what changed.
 */
export class ConsoleService {
  private readonly listeners = new Set<ConsoleListener>();
  private status: SyncStatus;

  constructor(
    private readonly store: CacheStore,
    private readonly settings: SettingsStore,
    private readonly session: SessionKeeper,
    private readonly pending: PendingCommands,
    /** A demo city (known passwords): the console says so on screen. */
    private readonly demo = false,
  ) {
    session.onChange(() => {
      this.emit({ type: "session", session: this.sessionView() });
      this.updateStatus({});
    });
    this.status = {
      state: "connecting",
      backendUrl: settings.get().backendUrl,
      lastSyncAt: store.getLastSyncAt(),
      cursor: store.getCursor(),
      headSeq: null,
      pendingActions: store.pendingCount(),
      lastError: null,
      storageFull: store.storageFull,
      centre: parseCentre(store.localValue(CENTRE_KEY)),
      links: [],
    };
    store.onStorageChange(() => this.updateStatus({}));
  }

  onEvent(listener: ConsoleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ConsoleEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // One broken listener (a closed socket, a destroyed window) must not starve the others.
      }
    }
  }

  updateStatus(patch: Partial<SyncStatus>): void {
    this.status = {
      ...this.status,
      ...patch,
      cursor: this.store.getCursor(),
      lastSyncAt: this.store.getLastSyncAt(),
      pendingActions: this.store.pendingCount(),
      storageFull: this.store.storageFull,
    };
    this.emit({ type: "status", status: this.status });
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  /** The workstation's session as renderers see it (never its tokens, but the stream token). */
  sessionView(): ConsoleSession {
    const issued = this.session.issued;
    const acting = this.session.sendingOperatorId;
    return {
      state: this.session.state,
      operator: this.session.operator,
      expiresAt: issued?.expiresAt ?? null,
      streamToken: issued?.streamToken ?? null,
      mustChangePassword: issued?.mustChangePassword ?? false,
      demo: this.demo,
      waiting: this.store.waitingByOperator().filter((w) => w.operatorId !== acting && w.count > 0),
    };
  }

  snapshot(): ConsoleResponse<"snapshot"> {
    // Signed out, the console shows nothing of the city: its cache is for the operators who sign in.
    if (this.session.state === "signed_out") {
      return { status: this.status, session: this.sessionView(), operator: null, settings: this.settings.get(), wards: [], cameras: [], sensors: [], alarms: [], incidents: [], bookmarks: [], directives: [], escalations: [], problems: [] };
    }
    const snapshot: Snapshot = {
      status: this.status,
      session: this.sessionView(),
      operator: this.session.operator,
      settings: this.settings.get(),
      wards: this.store.list("ward"),
      // With the cameras a supervisor added or changed here and the backend has not confirmed yet.
      cameras: this.pending.all("camera", this.store.list("camera")),
      sensors: this.store.list("sensor"),
      ...this.keptAlarmsAndIncidents(),
      bookmarks: this.shownBookmarks(),
      directives: this.shownDirectives(),
      escalations: this.shownEscalations(),
      problems: this.store.listProblems(),
    };
    return snapshot;
  }

  /** Open alarms and those cleared within a day (and any an incident names): what the screens keep. */
  private keptAlarmsAndIncidents(): Pick<Snapshot, "alarms" | "incidents"> {
    const incidents = this.pending.all("incident", this.store.list("incident"));
    const named = alarmIdsOfIncidents(incidents);
    const now = Date.now();
    const alarms = this.store.list("alarm").filter((alarm) => keepsAlarm(alarm, now, CLEARED_ALARM_ON_SCREEN_MS, named));
    return { alarms: this.pending.all("alarm", alarms), incidents };
  }

  /** The province's directives with the outbox's laid over: those not done, and those done within a day. */
  private shownDirectives(): Directive[] {
    const now = Date.now();
    return this.pending.all("directive", this.store.list("directive")).filter((d) => keepsDirective(d, now, CLEARED_ALARM_ON_SCREEN_MS));
  }

  /** At a province: the cities' escalations with the outbox's laid over, open ones and those acknowledged within a day. */
  private shownEscalations(): ProvinceEscalation[] {
    const now = Date.now();
    return this.pending.all("escalation", this.store.list("escalation")).filter((e) => keepsEscalation(e, now, CLEARED_ALARM_ON_SCREEN_MS));
  }

  /** Bookmarks not deleted, with the outbox's laid over, newest first, as many as the screens keep. */
  private shownBookmarks(): Bookmark[] {
    return this.pending
      .all("bookmark", this.store.list("bookmark"))
      .filter((b) => b.deletedAt === null)
      .sort((a, b) => (a.startAt < b.startAt ? 1 : a.startAt > b.startAt ? -1 : 0))
      .slice(0, LIMITS.bookmarksOnScreen);
  }

  /** A bookmark as the operator sees it goes to the screens, or leaves them once deleted. */
  private bookmarkEvent(event: Extract<ConsoleEvent, { type: "changed" }>, removed: Record<string, string[]>, id: string, bookmark: Bookmark | null): void {
    if (bookmark === null || bookmark.deletedAt !== null) (removed["bookmark"] ??= []).push(id);
    else (event.bookmarks ??= []).push(bookmark);
  }

  /** Called by the sync engine after it applied changes: tell the renderers what changed. */
  changesApplied(changes: readonly ValidChange[]): void {
    const event: Extract<ConsoleEvent, { type: "changed" }> = { type: "changed" };
    const removed: Record<string, string[]> = {};
    // The last version of each alarm in this batch, already validated: no second read or parse.
    const alarms = new Map<string, Alarm>();
    let signedIn: Operator | null = null;
    const domains = new Set<SeriesDomain>();
    const samples: DomainSample[] = [];
    for (const c of changes) {
      if (c.op === "delete") {
        (removed[c.entity] ??= []).push(c.id);
        continue;
      }
      switch (c.entity) {
        case "ward":
          (event.wards ??= []).push(c.data!);
          break;
        case "camera":
          (event.cameras ??= []).push(this.pending.one("camera", c.id, c.data!) ?? c.data!);
          break;
        case "sensor":
          (event.sensors ??= []).push(c.data!);
          break;
        case "alarm":
          alarms.set(c.id, c.data!);
          break;
        case "incident":
          (event.incidents ??= []).push(this.pending.one("incident", c.id, c.data!) ?? c.data!);
          break;
        case "bookmark":
          this.bookmarkEvent(event, removed, c.id, this.pending.one("bookmark", c.id, c.data!) ?? c.data!);
          break;
        case "operator":
          // The signed-in operator's record (name, role) arrived or changed: a console that
          // showed the bare id before its first sync now shows the name.
          if (c.id === this.session.operator?.id) signedIn = c.data!;
          break;
        case "view":
          (event.views ??= []).push(c.data!);
          break;
        case "domain_sample":
          domains.add(c.data!.domain);
          samples.push(c.data!);
          break;
        case "directive":
          (event.directives ??= []).push(this.pending.one("directive", c.id, c.data!) ?? c.data!);
          break;
        case "escalation":
          (event.escalations ??= []).push(this.pending.one("escalation", c.id, c.data!) ?? c.data!);
          break;
        default:
          assertNever(c);
      }
    }
    // A live tick's few samples travel with the event; a catch-up's many are read from the cache.
    if (domains.size > 0) this.emit({ type: "domain.changed", domains: [...domains], ...(samples.length <= MAX_CHANGED_SAMPLES ? { samples } : {}) });
    if (alarms.size > 0) {
      const anyPending = this.store.pendingCount() > 0;
      event.alarms = anyPending ? [...alarms.values()].map((a) => this.pending.one("alarm", a.id, a) ?? a) : [...alarms.values()];
    }
    if (Object.keys(removed).length > 0) event.removed = removed;
    this.emit(event);
    if (signedIn !== null) {
      this.session.operatorUpdated(signedIn);
      this.emit({ type: "operator", operator: signedIn });
    }
    this.updateStatus({});
  }

  bulkApplied(count: number): void {
    this.emit({ type: "bulk.changed", count });
    this.updateStatus({});
  }

  /** A target changed outside the change feed (a command queued, confirmed or refused): show it as it is now. */
  targetChanged(target: Target): void {
    switch (target.kind) {
      case "alarm":
        this.alarmsChanged([target.id]);
        return;
      case "incident": {
        const incident = this.pending.one("incident", target.id);
        // Gone: an incident created here whose creation the backend refused.
        this.emit(incident === null ? { type: "changed", removed: { incident: [target.id] } } : { type: "changed", incidents: [incident] });
        return;
      }
      case "bookmark": {
        const event: Extract<ConsoleEvent, { type: "changed" }> = { type: "changed" };
        const removed: Record<string, string[]> = {};
        // Gone: one made here whose creation the backend refused; or deleted.
        this.bookmarkEvent(event, removed, target.id, this.pending.one("bookmark", target.id));
        if (Object.keys(removed).length > 0) event.removed = removed;
        this.emit(event);
        return;
      }
      case "camera": {
        const camera = this.pending.one("camera", target.id);
        // Gone: one added here whose addition the backend refused.
        this.emit(camera === null ? { type: "changed", removed: { camera: [target.id] } } : { type: "changed", cameras: [camera] });
        return;
      }
      case "directive": {
        const directive = this.pending.one("directive", target.id);
        if (directive !== null) this.emit({ type: "changed", directives: [directive] });
        return;
      }
      case "escalation": {
        const escalation = this.pending.one("escalation", target.id);
        if (escalation !== null) this.emit({ type: "changed", escalations: [escalation] });
        return;
      }
      default:
        assertNever(target.kind);
    }
  }

  alarmsChanged(ids: readonly string[]): void {
    this.emit({ type: "changed", alarms: ids.flatMap((id) => this.pending.one("alarm", id) ?? []) });
  }
}
