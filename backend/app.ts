import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { pino, type Logger } from "pino";
import type { CameraStatus } from "../shared/domain/camera.js";
import { ffmpegProblemSentence, findWorkingFfmpeg } from "./hls/ffmpeg-locator.js";
import { ensureLocalCertificate, type TlsMaterial } from "./hls/tls-certificate.js";
import { FfmpegVideo, NoVideo, type VideoCamera, type VideoService } from "./hls/video-service.js";
import { registerApiRoutes } from "./http/api-routes.js";
import { attachChangeStream } from "./http/change-stream.js";
import { registerCors } from "./http/cors.js";
import { registerErrorHandlers, registerJsonParser } from "./http/error-handlers.js";
import { registerHlsRoutes, type HlsRouteDeps } from "./http/hls-routes.js";
import { startStreamServer, type StreamServer } from "./http/stream-server.js";
import { registerRecordingRoutes } from "./http/recording-routes.js";
import { setUpRecording, type RecordingOptions } from "./recordings/start-recording.js";
import { registerViewRoutes } from "./http/view-routes.js";
import { registerSimulatorRoutes } from "./http/sim-routes.js";
import { registerWorkstationRoutes } from "./http/workstation-routes.js";
import { ensureDemoPasswords, ensureFirstSupervisor, FIRST_SUPERVISOR } from "./seed/operator-accounts.js";
import { SessionAuthority } from "./auth/session-authority.js";
import { ELECTRON_CONSOLE_ORIGIN } from "../shared/protocol/session.js";
import { registerAuthentication } from "./http/authenticate.js";
import { registerSessionRoutes } from "./http/session-routes.js";
import { registerAuditRoutes } from "./http/audit-routes.js";
import { ShelfExpiry } from "./actions/shelf-expiry.js";
import { OVERLAY_FONT_PATH } from "./resource-paths.js";
import { centreProfile, type CityProfileId } from "./seed/centre-profile.js";
import { buildCityModel, type CityModel } from "./seed/city-model.js";
import { seedOrReconcile } from "./seed/seed.js";
import { isStorageFull } from "../shared/storage-full.js";
import { hashString, seededRandom } from "../shared/seeded-random.js";
import { AlarmIdGenerator } from "./simulator/alarm-ids.js";
import { CameraOutages } from "./simulator/camera-outages.js";
import { Simulator } from "./simulator/simulator.js";
import { BackendStartError, errorCode } from "./start-error.js";
import { openBackendStore } from "./open-store.js";
import { CityCredentials, type CityAccount } from "./province/city-credentials.js";
import { CityUplink, cityUplinkLink } from "./province/city-uplink.js";
import { registerUplinkRoutes } from "./province/uplink-routes.js";
import { registerCityShareRoutes } from "./province/camera-share-city.js";
import { registerProvinceShareProxy } from "./province/camera-share-proxy.js";
import { provinceLinks, type CentreLink } from "../shared/protocol/province.js";
import { commandRefusals } from "./province/command-refusals.js";
import { CameraRuntime } from "./cameras/camera-runtime.js";
import { findFfprobe } from "./cameras/camera-probe.js";
import { registerCameraRoutes } from "./http/camera-routes.js";

export interface BackendOptions {
  /** 0 = a random free port. */
  port: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** The SQLite file and the HLS cache live here. */
  dataDir: string;
  /** Base of the cameras' streamUrl; default `http://${host}:${actualPort}`. */
  publicUrl?: string;
  /**
   * Default enabled, a random alarm about every 20 s; the current hour's domain series rewritten
   * every `domainIntervalMs` (default a minute), a new store seeded with `domainHistoryHours` of them (default 24).
   */
  simulator?: { enabled: boolean; alarmIntervalMs?: number; domainIntervalMs?: number; sensorIntervalMs?: number; domainHistoryHours?: number };
  /** Default enabled; without a working ffmpeg, cameras are offline. */
  /** cacheDir: where encoded loops are kept (default dataDir/hls); several backends may share it. */
  video?: { enabled: boolean; ffmpegPath?: string; cacheDir?: string };
  /**
   * Camera streams over HTTP/2 + TLS on their own port (a self-signed certificate made with openssl
   * under dataDir/tls); camera stream URLs then point there. Off by default: browsers must trust it.
   */
  streamTls?: { enabled: boolean; port?: number };
  /** Camera id → RTSP or HLS URL repackaged with `ffmpeg -c copy` instead of the simulated picture. */
  cameraSources?: Readonly<Record<string, string>>;
  /** How many cameras to simulate (cameraCatalogue); default the catalogue's. */
  cameraCount?: number;
  /** Which simulated city a city backend is (default Uông Bí); a province backend simulates none. */
  cityProfile?: CityProfileId;
  /** pino logging (to stderr) on or off; tests pass false. Default on. */
  log?: boolean;
  /**
   * The demo city: operators op-01, op-02, sup-01 and view-01 with their known passwords
   * (uongbi-<id>). Without it, a store nobody can sign in to gets a first supervisor with a
   * one-time password, handed to `onFirstSupervisor` once.
   */
  demo?: boolean;
  /** Called once, on a new non-demo store, with the first supervisor's one-time password. */
  onFirstSupervisor?: (operatorId: string, password: string) => void;
  /** The simulator's control API (/api/v1/sim/*, supervisors only). Off unless asked for. */
  simulatorApi?: boolean;
  /** Browser origins of the consoles that play this backend's camera streams (CORS, stream Origin check). */
  consoleOrigins?: readonly string[];
  /** The audit trail's HMAC key file (default dataDir/keys/audit.key, made on first start); IOC_AUDIT_KEY wins. */
  auditKeyFile?: string;
  /** Most bytes the store may take on disk (writes past it are refused as storage_full); default no limit. SQLite only. */
  storeQuotaBytes?: number;
  /** Commands one session may send: a burst, then a steady rate (default ACTION_RATE; tests set a small one). */
  actionRate?: { burst: number; perSecond: number };
  /**
   * postgres://…: the store lives in PostgreSQL, which several backends may share (each follows
   * the others' commits); they must share the audit key too. Default: SQLite in dataDir.
   */
  databaseUrl?: string;
  /**
   * The API, the change stream and camera streams over TLS with this certificate (PEM files: the
   * city's own PKI or a public CA). Consoles verify it (their --backend-ca for a private CA).
   */
  tls?: { certFile: string; keyFile: string };
  /** Every camera's segments kept and indexed (retention per camera); default on wherever video works. */
  recording?: RecordingOptions;
  /**
   * The link between centres. A province backend accepts these cities' backends on /uplink/ (each
   * with its own secret); a city backend with a province sends its escalations up and reads back
   * what the province did. Default: a city with no province.
   */
  link?: ProvinceLink | CityLink;
}

export interface ProvinceLink {
  role: "province";
  cities: readonly CityAccount[];
}

export interface CityLink {
  role: "city";
  cityId: string;
  provinceUrl: string;
  /** Never logged. */
  secret: string;
  /** How often the province is asked what it did with this city's escalations (default every second). */
  updatesIntervalMs?: number;
}


export interface RunningBackend {
  url: string;
  port: number;
  /** Why cameras have no video (disabled, or ffmpeg unusable), in one sentence; null when video works. */
  videoProblem: string | null;
  /** Base URL of the camera streams (the HTTP/2 + TLS server when enabled, else `url`). */
  streamUrl: string;
  close(): Promise<void>;
}

const DEFAULT_ALARM_INTERVAL_MS = 20_000;
const SENSOR_INTERVAL_MS = 30_000;
/** The current hour's domain series fill up this often: 77 records a minute, a live enough dashboard. */
const DOMAIN_INTERVAL_MS = 60_000;
/** A new store's domain series: enough for today's dashboards and a shift report. */
const DOMAIN_HISTORY_HOURS = 24;
const CLEAR_AFTER_MS = 15 * 60_000;

function createLogger(enabled: boolean): Logger {
  // stderr, synchronously: stdout carries the one "listening" line scripts wait for, and
  // without request logging there is little to write.
  return pino({ enabled, level: "info", base: { service: "ioc-backend" } }, pino.destination({ dest: 2, sync: true }));
}

interface CreatedVideo {
  video: VideoService;
  /** The working ffmpeg (exports remux with it), or why there is none. */
  ffmpeg: { path: string | null; problem: string | null };
}

async function createVideo(options: BackendOptions, dataDir: string, model: CityModel, logger: Logger): Promise<CreatedVideo> {
  const sources = options.cameraSources ?? {};
  for (const id of Object.keys(sources)) if (!model.cameras.some((c) => c.id === id)) logger.warn({ camera: id }, "--camera-source names no camera of the catalogue; ignored");
  const cameras: VideoCamera[] = model.cameras.map((c) => {
    const sourceUrl = sources[c.id];
    return sourceUrl === undefined ? { id: c.id, name: c.name, live: c.live } : { id: c.id, name: c.name, live: c.live, sourceUrl };
  });
  if (options.video?.enabled === false) {
    // Exports of what is stored still need ffmpeg where recording was asked for explicitly.
    const ffmpeg = options.recording?.enabled === true ? await findWorkingFfmpeg(OVERLAY_FONT_PATH, options.video.ffmpegPath) : null;
    const found = ffmpeg?.ok === true ? { path: ffmpeg.path, problem: null } : { path: null, problem: "Video is disabled on this backend: nothing can be exported." };
    return { video: new NoVideo(cameras, "Video is disabled on this backend."), ffmpeg: found };
  }
  const ffmpeg = await findWorkingFfmpeg(OVERLAY_FONT_PATH, options.video?.ffmpegPath);
  const found = ffmpeg.ok ? { path: ffmpeg.path, problem: null } : { path: null, problem: ffmpegProblemSentence(ffmpeg.reason) };
  if (!ffmpeg.ok) {
    const problem = ffmpegProblemSentence(ffmpeg.reason);
    logger.warn(problem);
    return { video: new NoVideo(cameras, problem), ffmpeg: found };
  }
  logger.info({ ffmpeg: ffmpeg.path }, "camera video enabled");
  const video = new FfmpegVideo(ffmpeg.path, OVERLAY_FONT_PATH, { loopsDir: join(options.video?.cacheDir ?? join(dataDir, "hls"), "loops"), liveDir: join(dataDir, "hls", "live") }, cameras, logger);
  return { video, ffmpeg: found };
}

function listenError(error: unknown, port: number, host: string): BackendStartError {
  const code = errorCode(error);
  if (code === "EADDRINUSE") {
    return new BackendStartError("port_in_use", `Port ${port} is already in use: stop the other IOC backend or pass --port <free port>.`, { cause: error });
  }
  if (code === "EACCES") {
    return new BackendStartError("listen", `Not allowed to listen on ${host}:${port}: pick a port above 1024 with --port.`, { cause: error });
  }
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return new BackendStartError("listen", `Cannot listen on ${host}: this machine has no such address.`, { cause: error });
  }
  return new BackendStartError("listen", `Cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** The certificate and key files, or one sentence saying which cannot be read. */
function readTls(files: { certFile: string; keyFile: string }): TlsMaterial {
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new BackendStartError("tls", `Cannot read the TLS ${what} ${file}: ${errorCode(error) ?? String(error)}.`, { cause: error });
    }
  };
  return { cert: read(files.certFile, "certificate"), key: read(files.keyFile, "key"), certPath: files.certFile };
}

/** Host as it goes in a URL: a wildcard becomes loopback, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/** The HTTP/2 + TLS stream server, or null (logged) when no certificate can be made: streams stay on HTTP/1.1. */
async function startTlsStreams(
  options: BackendOptions,
  host: string,
  fastifyLogger: FastifyBaseLogger,
  logger: Logger,
  hls: HlsRouteDeps,
  access: { authority: SessionAuthority; consoleOrigins: readonly string[] },
): Promise<StreamServer | null> {
  let tls: TlsMaterial;
  try {
    // The backend's own certificate when it has one; else one made here (browsers must be told to trust it).
    tls = options.tls === undefined ? await ensureLocalCertificate(join(options.dataDir, "tls"), host) : readTls(options.tls);
  } catch (error) {
    logger.warn({ err: error }, "no certificate for HTTP/2 streams; camera streams stay on HTTP/1.1");
    return null;
  }
  try {
    const server = await startStreamServer({ host, port: options.streamTls?.port ?? 0, urlHost: urlHost(host), tls, logger: fastifyLogger, hls, ...access });
    logger.info({ streams: server.url, certificate: tls.certPath }, "camera streams over HTTP/2 + TLS");
    return server;
  } catch (error) {
    throw listenError(error, options.streamTls?.port ?? 0, host);
  }
}

export async function startBackend(options: BackendOptions): Promise<RunningBackend> {
  const host = options.host ?? "127.0.0.1";
  const logger = createLogger(options.log !== false);
  const { store, leadership, auditKey } = await openBackendStore({ dataDir: options.dataDir, auditKeyFile: options.auditKeyFile, quotaBytes: options.storeQuotaBytes, databaseUrl: options.databaseUrl }, logger);
  const cleanups: Array<() => Promise<void> | void> = [() => store.close(), () => leadership.close()];
  const closeAll = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        logger.error({ err: error }, "error while shutting down");
      }
    }
  };
  try {
    const profile = centreProfile(options.link?.role ?? "city", options.cityProfile);
    const model = buildCityModel(profile.wards(), profile.cameras(options.cameraCount), profile.sensors);
    const { video, ffmpeg } = await createVideo(options, options.dataDir, model, logger);
    cleanups.push(() => video.close());
    const normalStatus: CameraStatus = video.available ? "online" : "offline";
    const ids = new AlarmIdGenerator();
    const onError = (error: unknown) => logger.error({ err: error }, "simulator step failed");
    const outages = new CameraOutages(store, model, ids, normalStatus, onError);
    cleanups.push(() => outages.close());
    const simulator = new Simulator({
      store,
      model,
      ids,
      random: seededRandom(hashString(`sim-${Date.now()}`)),
      alarmIntervalMs: options.simulator?.alarmIntervalMs ?? DEFAULT_ALARM_INTERVAL_MS,
      sensorIntervalMs: options.simulator?.sensorIntervalMs ?? SENSOR_INTERVAL_MS,
      domainIntervalMs: options.simulator?.domainIntervalMs ?? DOMAIN_INTERVAL_MS,
      clearAfterMs: CLEAR_AFTER_MS,
      now: () => new Date(),
      onError,
    });
    cleanups.push(() => simulator.close());
    const shelves = new ShelfExpiry(store, () => new Date(), onError);
    cleanups.push(() => shelves.close());

    // HLS segments are fetched every second per camera: no per-request logging.
    // Typed as fastify's own logger interface so route modules take a plain FastifyInstance.
    const fastifyLogger: FastifyBaseLogger = logger;
    const tls = options.tls === undefined ? null : readTls(options.tls);
    // Typed as the plain HTTP instance: the routes use only what HTTP and HTTPS requests share.
    const app = Fastify({
      loggerInstance: fastifyLogger,
      logController: new LogController({ disableRequestLogging: true }),
      forceCloseConnections: true,
      bodyLimit: 1024 * 1024,
      ...(tls === null ? {} : { https: { key: tls.key, cert: tls.cert } }),
    }) as unknown as FastifyInstance;
    cleanups.push(() => app.close());
    const consoleOrigins = [ELECTRON_CONSOLE_ORIGIN, ...(options.consoleOrigins ?? [])];
    const authority = new SessionAuthority(store);
    registerJsonParser(app);
    registerErrorHandlers(app);
    registerCors(app, consoleOrigins);
    registerAuthentication(app, authority);
    registerSessionRoutes(app, authority);
    const role = options.link?.role ?? "city";
    const cityIds = new Set(options.link?.role === "province" ? options.link.cities.map((c) => c.id) : []);
    // Late-bound: the camera runtime needs the recorder and the public address, made further down.
    let cameraRuntime: CameraRuntime | null = null;
    registerApiRoutes(app, store, options.actionRate, commandRefusals(role, cityIds, store), async (command) => cameraRuntime?.afterCommand(command), role);
    if (options.simulatorApi === true) registerSimulatorRoutes(app, simulator, outages);
    registerWorkstationRoutes(app, store, authority);
    registerAuditRoutes(app, store);
    registerHlsRoutes(app, { video, isCameraOut: (id) => outages.isOut(id) });
    if (options.link?.role === "city") cleanups.push(await registerCityShareRoutes(app, { store, secret: options.link.secret, hls: { video, isCameraOut: (id) => outages.isOut(id) } }));
    registerViewRoutes(app, store);
    registerCameraRoutes(app, { store, ffprobePath: await findFfprobe() });
    // The links between centres, told to the consoles with each heartbeat: a province's cities, or a city's uplink.
    let links: () => CentreLink[] = () => [];
    if (options.link?.role === "province") {
      const credentials = await CityCredentials.create(options.link.cities);
      const lastSeen = new Map<string, number>();
      const cities = options.link.cities.map(({ id, name }) => ({ id, name }));
      const shareProxy = await registerProvinceShareProxy(app, { store, cities: options.link.cities, consoleOrigins, logger });
      cleanups.push(() => shareProxy.close());
      registerUplinkRoutes(app, store, credentials, (cityId) => lastSeen.set(cityId, Date.now()), (cityId, announced) => shareProxy.announce(cityId, announced));
      links = () => provinceLinks(cities, lastSeen, Date.now());
    }
    const recording = setUpRecording({
      options: options.recording,
      dataDir: options.dataDir,
      store,
      video,
      ffmpeg,
      cameraIds: model.cameras.map((c) => c.id),
      isCameraOut: (id) => outages.isOut(id),
      auditKey,
      logger,
    });
    if (recording.recorder !== null) cleanups.push(() => recording.recorder?.close());
    // The catalogue's cameras, and those supervisors add while the backend runs.
    const knownCameras = new Set(model.cameras.map((c) => c.id));
    registerRecordingRoutes(app, { store, files: recording.files, cameraIds: knownCameras, recorder: recording.recorder, exporter: recording.exporter });
    const stream = await attachChangeStream({ server: app.server, store, logger, authority, allowedOrigins: consoleOrigins, links: () => links() });
    cleanups.push(() => stream.close());

    try {
      await app.listen({ port: options.port, host });
    } catch (error) {
      throw listenError(error, options.port, host);
    }
    const address = app.server.address() as AddressInfo;
    const url = `${tls === null ? "http" : "https"}://${urlHost(host)}:${address.port}`;
    const streamServer =
      options.streamTls?.enabled === true ? await startTlsStreams(options, host, fastifyLogger, logger, { video, isCameraOut: (id) => outages.isOut(id) }, { authority, consoleOrigins }) : null;
    if (streamServer !== null) cleanups.push(() => streamServer.close());
    const publicUrl = options.publicUrl ?? streamServer?.url ?? url;

    // A full disk must not keep a city's backend down: a store that already holds its city serves
    // it, and the camera addresses it could not bring up to date are written at the next start.
    let seeded = false;
    try {
      seeded = await seedOrReconcile(store, model, { now: new Date(), publicUrl, cameraStatus: (id) => outages.statusOf(id), demo: options.demo === true, operators: profile.operators, seedAlarms: profile.seedAlarms, domainHistoryHours: options.simulator?.domainHistoryHours ?? DOMAIN_HISTORY_HOURS });
    } catch (error) {
      if (!isStorageFull(error) || (await store.countEntities()) === 0) throw error;
      logger.error("the store is full: the cameras' stream addresses were not updated; free space and restart");
    }
    if (options.demo === true) {
      await ensureDemoPasswords(store, new Date(), profile.operators);
    } else {
      const password = await ensureFirstSupervisor(store, new Date());
      if (password !== null) options.onFirstSupervisor?.(FIRST_SUPERVISOR.id, password);
    }
    logger.info({ url, dataDir: options.dataDir, seeded }, "IOC backend listening");
    const runtime = new CameraRuntime({ store, video, recorder: recording.recorder, knownCameras, publicUrl: () => publicUrl, quotaBytes: recording.quotaBytes, logger });
    cleanups.push(() => runtime.close());
    await runtime.start();
    cameraRuntime = runtime;
    video.start();
    recording.recorder?.start();
    // With several instances on one database, one of them simulates the city.
    // The province's centre watches its cities; it simulates no city of its own.
    if (options.simulator?.enabled !== false && options.link?.role !== "province") {
      leadership.start((leading) => {
        logger.info({ leading }, leading ? "this instance runs the simulator" : "another instance runs the simulator");
        if (leading) simulator.start();
        else simulator.close();
      });
    }
    await shelves.start();
    if (options.link?.role === "city") {
      const { provinceUrl, cityId, secret, updatesIntervalMs } = options.link;
      // The province reaches this backend for shared cameras where its consoles do: --public-url, else where it listens.
      const uplink = new CityUplink({ store, provinceUrl, cityId, secret, cityUrl: options.publicUrl ?? url, cityName: profile.name, logger, ...(updatesIntervalMs === undefined ? {} : { updatesIntervalMs }) });
      cleanups.push(() => uplink.close());
      links = () => [cityUplinkLink(uplink.linkState)];
      await uplink.start();
    }

    let closing: Promise<void> | null = null;
    return {
      url,
      port: address.port,
      videoProblem: video.problem,
      streamUrl: streamServer?.url ?? publicUrl,
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
