import { randomBytes } from "node:crypto";
import { CLEARED_ALARM_IN_CACHE_MS } from "../../shared/alarm-retention.js";
import { isStorageFull } from "../../shared/storage-full.js";
import { hostname } from "node:os";
import { join } from "node:path";
import { CacheStore } from "./cache/cache-store.js";
import { openCache } from "./cache/open-cache.js";
import { CENTRE_KEY, ConsoleService } from "./console-service.js";
import type { SettingsStore } from "./settings/settings-store.js";
import { BackendClient } from "./sync/backend-client.js";
import { OutboxSender } from "./sync/outbox-sender.js";
import { inThreadPageSource } from "./sync/page-source.js";
import { SyncEngine } from "./sync/sync-engine.js";
import { workerPageSource } from "./worker/page-decoder-host.js";
import { WorkstationRequests } from "./workstation/workstation-requests.js";
import { SessionKeeper } from "./session/session-keeper.js";
import { OfflineVerifierSchema } from "./session/offline-verifier.js";
import { demoPasswordOf } from "../../shared/demo-city.js";
import { assertNever, ok, type Result } from "../../shared/result.js";
import type { ConsoleEvent } from "../../shared/protocol/console-api.js";
import { SESSION_REQUESTS } from "../../shared/protocol/session.js";
import { WORKSTATION_REQUESTS } from "../../shared/protocol/workstation-api.js";
import { BASEMAP_REQUESTS } from "../../shared/protocol/basemap-api.js";
import { DOMAIN_RETENTION_DAYS } from "../../shared/protocol/dashboards-api.js";
import { SENSOR_READINGS_KEPT_HOURS } from "../../shared/domain/sensor-reading.js";
import { answerBasemapRequest } from "./basemap/basemap-requests.js";
import { commandHandlers } from "./commands/command-requests.js";
import { PendingCommands } from "./commands/pending-commands.js";
import { handledBy, routeRequests, typesOf } from "./requests/request-router.js";
import { answerDomainReport, answerDomainSamples, answerSensorReadings, answerShiftReport } from "./dashboards/domain-requests.js";
import { settingsHandlers } from "./settings/settings-requests.js";
import { viewHandlers } from "./views/view-requests.js";
import { saveEvidence } from "./evidence/save-evidence.js";
import { StreetMapStore } from "./basemap/street-map-store.js";

export interface ConsoleCoreOptions {
  /** Folder for the cache file. */
  dataDir: string;
  settings: SettingsStore;
  /** better-sqlite3 built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  log?: (line: string) => void;
  /** Changes per catch-up page (tests use small pages to have many transactions to interrupt). */
  pageSize?: number;
  /** Actions per outbox round trip (likewise). */
  outboxBatchSize?: number;
  /**
   * Decode catch-up pages in a worker of their own (page-decoder-worker): set when the core runs in
   * a worker thread, so fetching and validating pages runs beside the SQLite writes.
   */
  decoderWorkerPath?: string | URL;
  /** The backend is a demo city (known passwords); the console says so on screen. */
  demo?: boolean;
  /** Demo only: sign this operator in with the demo password, as soon as the backend answers. */
  autoSignIn?: string;
  /**
   * Other instances of the same backend (sharing its database), tried in turn after the settings'
   * backendUrl when the current one cannot be reached.
   */
  backendFallbackUrls?: readonly string[];
  /** PEM of the CA that signed an https backend's certificate (a city's own PKI). */
  backendCa?: Buffer;
  /**
   * Most bytes the cache may take on disk (a control room's disk is shared with recordings): writes
   * past it are refused as a full disk is (storage_full), never lost. None: the disk's size.
   */
  cacheQuotaBytes?: number;
  /** The city's street map (MBTiles from `npm run basemap`); absent: the map shows the wards only. */
  streetMapFile?: string;
}

export interface ConsoleCore {
  /** The snapshot, the status and the events renderers follow. */
  service: ConsoleService;
  /** Answers one untrusted console API request. Never throws. */
  handle(raw: unknown): Promise<Result<unknown>>;
  /** Messages the operator must see at start (a cache moved aside, settings reset). */
  notices: string[];
  close(): void;
}

/**
 * Demo only: signs the operator in with the demo city's known password, retrying while the backend
 * cannot be reached, until someone is signed in. A refused password ends it (not a demo backend).
 */
function demoSignIn(workstation: WorkstationRequests, session: SessionKeeper, operatorId: string, log: (line: string) => void): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const attempt = async () => {
    if (stopped || (session.state !== "signed_out" && session.state !== "local")) return;
    const signedIn = await workstation.signIn(operatorId, demoPasswordOf(operatorId)).catch((error: unknown) => ({
      ok: false as const,
      error: { kind: "internal" as const, message: error instanceof Error ? error.message : String(error) },
    }));
    if (stopped) return;
    // Signed in at this console only: keep trying the backend, to send what the operator does.
    if (signedIn.ok && session.state === "local") {
      timer = setTimeout(() => void attempt(), 2_000);
      return;
    }
    if (signedIn.ok) return;
    if (signedIn.error.kind === "offline" || signedIn.error.kind === "rate_limited") {
      timer = setTimeout(() => void attempt(), 1_000);
      return;
    }
    log(`demo sign-in as ${operatorId} refused: ${signedIn.error.message}`);
  };
  void attempt();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

function noSessionReason(session: SessionKeeper, reachable: boolean): string {
  switch (session.state) {
    case "local":
      return reachable
        ? "The central backend is reachable again: sign in again to sync and to send the actions taken offline."
        : "Signed in at this console only, while the central backend is unreachable: actions are kept here and sent after the next sign-in.";
    case "expired":
      return "The session has ended: sign in again to sync and to send the queued actions.";
    case "signed_in":
    case "signed_out":
      return "Nobody is signed in at this console: sign in to sync with the central backend.";
    default:
      return assertNever(session.state);
  }
}

/** The street map, or null (none installed, or unusable: logged, and the console keeps its ward map). */
function openStreetMap(file: string, nativeBinding: string | undefined, log: (line: string) => void): StreetMapStore | null {
  const opened = StreetMapStore.open(file, nativeBinding);
  if (!opened.ok) {
    log(opened.error.message);
    return null;
  }
  log(opened.value === null ? `No street map at ${file}: the map shows the wards only.` : `Street map: ${file}.`);
  return opened.value;
}

/** Opens the cache and starts syncing with the backend named in the settings. */
export function startConsoleCore(options: ConsoleCoreOptions): ConsoleCore {
  const log = options.log ?? (() => undefined);
  const opened = openCache({
    path: join(options.dataDir, "cache.sqlite"),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.cacheQuotaBytes !== undefined ? { quotaBytes: options.cacheQuotaBytes } : {}),
  });
  const store = new CacheStore(opened.db);
  const notices: string[] = [];
  if (opened.movedAside) {
    const message = `The local cache was unreadable; it was kept as ${opened.movedAside} and is being rebuilt from the backend.`;
    notices.push(message);
    store.addProblem("cache", message, null);
    log(message);
  }
  const session = new SessionKeeper();
  const pending = new PendingCommands(store);
  const service = new ConsoleService(store, options.settings, session, pending, options.demo === true);
  const emit = (event: ConsoleEvent) => service.emit(event);
  const streetMap = options.streetMapFile === undefined ? null : openStreetMap(options.streetMapFile, options.nativeBinding, log);
  const client = new BackendClient(
    [options.settings.get().backendUrl, ...(options.backendFallbackUrls ?? [])],
    undefined,
    {
      authorization: () => session.authorization(),
      onUnauthenticated: (authorization) => session.expired(authorization),
    },
    options.backendCa,
  );
  const sender = new OutboxSender(
    store,
    client,
    {
      onConfirmed: (confirmed) => service.targetChanged({ kind: confirmed.kind, id: confirmed.entity.id }),
      onRefused: (target, error) => {
        service.targetChanged(target);
        emit({ type: "action.refused", target, error });
      },
      onPendingChanged: () => service.updateStatus({}),
    },
    () => session.sendingOperatorId,
    options.outboxBatchSize,
  );
  const workstation = new WorkstationRequests({
      client,
      session,
      settings: options.settings,
      emit,
      sessionView: () => service.sessionView(),
      alarms: () => service.snapshot().alarms,
      incidents: () => store.list("incident"),
      verifiers: {
        // A sign-in still in flight when the console closes finds the cache closed: nothing to keep then.
        get: (operatorId) => {
          if (!store.db.open) return null;
          const raw = store.localValue(`verifier:${operatorId}`);
          const parsed = raw === null ? null : OfflineVerifierSchema.safeParse(JSON.parse(raw));
          return parsed?.success === true ? parsed.data : null;
        },
        set: (verifier) => {
          if (store.db.open) store.setLocalValue(`verifier:${verifier.operator.id}`, JSON.stringify(verifier));
        },
      },
      workstationId: store.workstationId(() => `${hostname()}-${randomBytes(3).toString("hex")}`),
    });
  const pages = options.decoderWorkerPath !== undefined ? workerPageSource(client, options.decoderWorkerPath) : inThreadPageSource(client);
  const engine = new SyncEngine({
    store,
    client,
    pages,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    noSessionReason: (reachable) => noSessionReason(session, reachable),
    events: {
      onApplied: (changes) => service.changesApplied(changes),
      onBulkApplied: (count) => service.bulkApplied(count),
      onProblems: (problems) => {
        for (const problem of problems) emit({ type: "problem", problem });
      },
      onState: (state, detail) => {
        if (state !== "online") sender.setOnline(false);
        service.updateStatus({ state, lastError: detail.lastError, headSeq: detail.headSeq });
        log(`sync: ${state}${detail.lastError ? ` (${detail.lastError})` : ""}`);
      },
      onOnline: () => sender.setOnline(true),
      onCentre: (role) => {
        if (store.db.open) store.setLocalValue(CENTRE_KEY, role);
        service.updateStatus({ centre: role });
      },
      onLinks: (links) => service.updateStatus({ links }),
    },
  });
  // Every request type has its handler, built with what it needs; the compiler checks none is missing.
  const handle = routeRequests({
    snapshot: () => ok(service.snapshot()),
    ...commandHandlers({
      store,
      session,
      pending,
      queue: sender,
      display: {
        targetChanged: (target) => service.targetChanged(target),
        alarmsChanged: (ids) => service.alarmsChanged(ids),
        statusChanged: () => service.updateStatus({}),
        online: () => service.getStatus().state === "online",
      },
    }),
    "sync.retry": () => {
      engine.retryNow();
      return ok(service.getStatus());
    },
    ...settingsHandlers(options.settings, emit),
    ...viewHandlers({ store, session, remote: client, emit }),
    ...handledBy([...typesOf(WORKSTATION_REQUESTS), ...typesOf(SESSION_REQUESTS)], (request) => workstation.handle(request)),
    "recordings.health": () => client.recordingHealth(),
    "cameras.probe": (request) => client.probeCamera(request.probe),
    "evidence.export": (request) => saveEvidence(client, join(options.dataDir, "evidence"), request.export),
    ...handledBy(typesOf(BASEMAP_REQUESTS), (request) => answerBasemapRequest(request, streetMap, session.state !== "signed_out")),
    "domain.samples": (request) => answerDomainSamples(request, store, session.state !== "signed_out"),
    "sensor.readings": (request) => answerSensorReadings(request, store, session.state !== "signed_out"),
    "report.shift": (request) => answerShiftReport(request, store, session.state === "signed_out" ? null : (session.operator?.name ?? session.operator?.id ?? null), new Date()),
    "report.domain": (request) => answerDomainReport(request, store, session.state !== "signed_out", new Date()),
  });
  // A new session (or none) changes what may be read and sent: start the link over, send what is theirs.
  let lastSessionKey = "";
  session.onChange(() => {
    const key = `${session.state}:${session.operator?.id ?? ""}:${session.sendingOperatorId ?? ""}`;
    if (key === lastSessionKey) return;
    lastSessionKey = key;
    engine.reconnect();
    sender.kick();
  });
  engine.start();
  // Alarms cleared long ago (shared/alarm-retention.ts), domain samples past the retention period and
  // sensor readings older than a day leave the cache now and every hour; a full disk only postpones it.
  const prune = () => {
    try {
      store.pruneClearedAlarms(new Date(Date.now() - CLEARED_ALARM_IN_CACHE_MS).toISOString());
      store.pruneDomainSamples(new Date(Date.now() - DOMAIN_RETENTION_DAYS * 86_400_000).toISOString());
      store.pruneSensorReadings(new Date(Date.now() - SENSOR_READINGS_KEPT_HOURS * 3_600_000).toISOString());
    } catch (e) {
      if (!isStorageFull(e)) log(`pruning the cache failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  prune();
  const pruneTimer = setInterval(prune, 60 * 60_000);
  pruneTimer.unref();
  const autoSignIn = options.demo === true && options.autoSignIn !== undefined ? demoSignIn(workstation, session, options.autoSignIn, log) : null;
  return {
    service,
    handle,
    notices,
    close() {
      clearInterval(pruneTimer);
      autoSignIn?.stop();
      engine.stop();
      pages.close();
      sender.stop();
      streetMap?.close();
      opened.db.close();
    },
  };
}
