import { z } from "zod";
import { assertNever } from "../shared/result.js";
import { isPostgresUrl } from "./store/pg/database-url.js";
import { DOMAIN_RETENTION_DAYS } from "../shared/protocol/dashboards-api.js";
import { CityIdSchema } from "../shared/domain/province.js";
import { CITY_PROFILE_IDS, type CityProfileId } from "./seed/centre-profile.js";
import { BackendRoleSchema, type BackendRole } from "../shared/protocol/province.js";

export const USAGE = [
  "Usage: tsx backend/main.ts [options]",
  "  --port N               port to listen on (default 8420; 0 = any free port)",
  "  --host ADDRESS         address to listen on (default 127.0.0.1)",
  "  --data-dir DIR         SQLite file and video cache (default .cache/backend)",
  "  --database-url URL     keep the store in PostgreSQL (postgres://USER@HOST:PORT/DB; password from PGPASSWORD or ~/.pgpass)",
  "  --public-url URL       base of camera stream URLs (default http://HOST:PORT)",
  "  --no-simulator         no random alarms or sensor readings",
  "  --alarm-interval-ms N  a random alarm every N ms (default 20000)",
  "  --sensor-interval-ms N a share of the sensors report a new reading every N ms (default 30000)",
  "  --domain-interval-ms N the city's other domains (public services, air, traffic...) get new figures every N ms (default 60000)",
  "  --domain-history-days N days of those figures a new store is seeded with (default 1; at most 90, what a console keeps)",
  "  --no-video             no camera video; cameras show as offline",
  "  --ffmpeg PATH          use this ffmpeg instead of looking for one",
  "  --video-cache-dir DIR  where encoded camera loops are kept (default DATA_DIR/hls); shareable",
  "  --stream-tls           camera streams over HTTP/2 + TLS (self-signed, made with openssl) on their own port",
  "  --stream-port N        port of the HTTP/2 stream server (default any free port)",
  "  --camera-source ID=URL repackage an RTSP or HLS source (ffmpeg -c copy) as camera ID; repeatable",
  "  --demo                 the demo city: operators op-01, op-02, sup-01, view-01 with known passwords (uongbi-<id>)",
  "  --simulator-api        enable the simulator's control API (/api/v1/sim/*; supervisors only)",
  "  --console-origin URL   a browser console's origin allowed to play camera streams; repeatable",
  "  --tls-cert FILE        serve the API, change stream and camera streams over TLS with this certificate (PEM)",
  "  --tls-key FILE         its private key (PEM); both or neither",
  "  --audit-key-file FILE  the audit trail's HMAC key (default DATA_DIR/keys/audit.key, made once); IOC_AUDIT_KEY wins",
  "  --cameras N            simulate N cameras (default the 22 of the catalogue; more are added in the wards)",
  "  --store-quota-mb N     most the store may take on disk; writes past it are refused as storage_full (default no limit)",
  "  --no-recording         keep no recordings of the cameras (default: every camera is recorded where video works)",
  "  --retention-days N     days each camera's recordings are kept (default 30)",
  "  --recording-quota-mb N most disk one camera's recordings may take; the oldest go first (default no limit; 100 with --demo)",
  "  --role city|province   a city's centre (default) or the province's, which the cities' backends link up to",
  "  --city ID=NAME         (province) a city that may link up; its secret from IOC_CITY_SECRET_<ID> (dashes as _); repeatable",
  "  --province-url URL     (city) the province backend to send escalations to",
  "  --city-id ID           (city) this city's id at the province; its secret from IOC_CITY_SECRET",
  "  --city-profile ID      (city) the simulated city: uong-bi (default) or cam-pha (a small synthetic geography)",
  "  --uplink-interval-ms N (city) how often the province is asked what it did with this city's escalations (default 1000)",
  "  --quiet                no log lines on stderr",
  "  --help                 this text",
].join("\n");

export interface CliArgs {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | undefined;
  simulator: boolean;
  alarmIntervalMs: number | undefined;
  domainIntervalMs: number | undefined;
  sensorIntervalMs: number | undefined;
  domainHistoryDays: number | undefined;
  video: boolean;
  ffmpegPath: string | undefined;
  videoCacheDir: string | undefined;
  streamTls: boolean;
  streamPort: number | undefined;
  cameraSources: Record<string, string>;
  /** undefined: the catalogue as it is. */
  cameras: number | undefined;
  storeQuotaMb: number | undefined;
  /** postgres://…: the store lives in PostgreSQL; undefined: SQLite in the data directory. */
  databaseUrl: string | undefined;
  quiet: boolean;
  help: boolean;
  demo: boolean;
  simulatorApi: boolean;
  consoleOrigins: string[];
  auditKeyFile: string | undefined;
  tlsCert: string | undefined;
  tlsKey: string | undefined;
  recording: boolean;
  retentionDays: number | undefined;
  recordingQuotaMb: number | undefined;
  role: BackendRole;
  /** Province: the cities that may link up, id → name. */
  cities: Array<{ id: string; name: string }>;
  provinceUrl: string | undefined;
  cityId: string | undefined;
  uplinkIntervalMs: number | undefined;
  cityProfile: CityProfileId | undefined;
}

const PortSchema = z.coerce.number().int().min(0).max(65_535);
const IntervalSchema = z.coerce.number().int().min(100);
const UrlSchema = z.url();
const StoreQuotaSchema = z.coerce.number().positive().max(1_000_000);
const CameraCountSchema = z.coerce.number().int().min(1).max(1000);
/** A console keeps no more days of domain figures than this: seeding more would only be pruned. */
const DomainHistoryDaysSchema = z.coerce.number().int().min(0).max(DOMAIN_RETENTION_DAYS);
const RetentionDaysSchema = z.coerce.number().positive().max(3650);

const VALUE_FLAGS = [
  "--port",
  "--host",
  "--data-dir",
  "--public-url",
  "--alarm-interval-ms",
  "--domain-interval-ms",
  "--sensor-interval-ms",
  "--domain-history-days",
  "--ffmpeg",
  "--video-cache-dir",
  "--stream-port",
  "--camera-source",
  "--console-origin",
  "--audit-key-file",
  "--tls-cert",
  "--tls-key",
  "--cameras",
  "--store-quota-mb",
  "--database-url",
  "--retention-days",
  "--recording-quota-mb",
  "--role",
  "--city",
  "--province-url",
  "--city-id",
  "--uplink-interval-ms",
  "--city-profile",
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
const isValueFlag = (flag: string): flag is ValueFlag => (VALUE_FLAGS as readonly string[]).includes(flag);

/** Pure: argv (without node and script) → options, or one sentence saying what is wrong. */
/** Per camera, with --demo and no --recording-quota-mb: about 17 minutes of the simulated stream. */
export const DEMO_RECORDING_QUOTA_MB = 100;

export function parseCliArgs(argv: readonly string[]): { ok: true; value: CliArgs } | { ok: false; error: string } {
  const args: CliArgs = {
    port: 8420,
    host: "127.0.0.1",
    dataDir: ".cache/backend",
    publicUrl: undefined,
    simulator: true,
    alarmIntervalMs: undefined,
    domainIntervalMs: undefined,
    sensorIntervalMs: undefined,
    domainHistoryDays: undefined,
    video: true,
    ffmpegPath: undefined,
    videoCacheDir: undefined,
    streamTls: false,
    streamPort: undefined,
    cameraSources: {},
    cameras: undefined,
    storeQuotaMb: undefined,
    databaseUrl: undefined,
    quiet: false,
    help: false,
    demo: false,
    simulatorApi: false,
    consoleOrigins: [],
    auditKeyFile: undefined,
    tlsCert: undefined,
    tlsKey: undefined,
    recording: true,
    retentionDays: undefined,
    recordingQuotaMb: undefined,
    role: "city",
    cities: [],
    provinceUrl: undefined,
    cityId: undefined,
    uplinkIntervalMs: undefined,
    cityProfile: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? "";
    // Accept both "--port 8420" and "--port=8420".
    const [flag = "", inlineValue] = raw.startsWith("--") && raw.includes("=") ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)] : [raw, undefined];
    if (flag === "--no-simulator") args.simulator = false;
    else if (flag === "--no-video") args.video = false;
    else if (flag === "--no-recording") args.recording = false;
    else if (flag === "--quiet") args.quiet = true;
    else if (flag === "--demo") args.demo = true;
    else if (flag === "--simulator-api") args.simulatorApi = true;
    else if (flag === "--stream-tls") args.streamTls = true;
    else if (flag === "--help" || flag === "-h") args.help = true;
    else if (isValueFlag(flag)) {
      const value = inlineValue ?? argv[++i];
      if (value === undefined || value === "") return { ok: false, error: `${flag} needs a value.` };
      const problem = applyValue(args, flag, value);
      if (problem !== null) return { ok: false, error: problem };
    } else {
      return { ok: false, error: `Unknown option ${raw}.` };
    }
  }
  if ((args.tlsCert === undefined) !== (args.tlsKey === undefined)) return { ok: false, error: "--tls-cert and --tls-key go together: give both, or neither." };
  const link = linkProblem(args);
  if (link !== null) return { ok: false, error: link };
  if (args.databaseUrl !== undefined && args.storeQuotaMb !== undefined) return { ok: false, error: "--store-quota-mb limits the SQLite store only: size a PostgreSQL database on its server." };
  // The demo's simulated cameras each write some 360 MB an hour: a demo left running keeps a bounded history.
  if (args.demo && args.recordingQuotaMb === undefined) args.recordingQuotaMb = DEMO_RECORDING_QUOTA_MB;
  return { ok: true, value: args };
}

/** A period in milliseconds, at least 100: set when valid, else the sentence saying what the flag takes. */
function withInterval(flag: ValueFlag, value: string, set: (ms: number) => void): string | null {
  const interval = IntervalSchema.safeParse(value);
  if (!interval.success) return `${flag} must be a whole number of at least 100, not "${value}".`;
  set(interval.data);
  return null;
}

function applyValue(args: CliArgs, flag: ValueFlag, value: string): string | null {
  switch (flag) {
    case "--port": {
      const port = PortSchema.safeParse(value);
      if (!port.success) return `--port must be a whole number from 0 to 65535, not "${value}".`;
      args.port = port.data;
      return null;
    }
    case "--alarm-interval-ms":
      return withInterval(flag, value, (ms) => (args.alarmIntervalMs = ms));
    case "--domain-interval-ms":
      return withInterval(flag, value, (ms) => (args.domainIntervalMs = ms));
    case "--sensor-interval-ms":
      return withInterval(flag, value, (ms) => (args.sensorIntervalMs = ms));
    case "--domain-history-days": {
      const days = DomainHistoryDaysSchema.safeParse(value);
      if (!days.success) return `--domain-history-days must be a whole number of days from 0 to 90, not "${value}".`;
      args.domainHistoryDays = days.data;
      return null;
    }
    case "--public-url": {
      if (!UrlSchema.safeParse(value).success) return `--public-url must be an absolute URL such as http://10.0.0.5:8420, not "${value}".`;
      args.publicUrl = value;
      return null;
    }
    case "--host":
      args.host = value;
      return null;
    case "--data-dir":
      args.dataDir = value;
      return null;
    case "--ffmpeg":
      args.ffmpegPath = value;
      return null;
    case "--video-cache-dir":
      args.videoCacheDir = value;
      return null;
    case "--stream-port": {
      const port = PortSchema.safeParse(value);
      if (!port.success) return `--stream-port must be a whole number from 0 to 65535, not "${value}".`;
      args.streamPort = port.data;
      return null;
    }
    case "--camera-source": {
      const match = /^([^=\s]+)=((?:rtsps?|https?):\/\/\S+)$/i.exec(value);
      if (match?.[1] === undefined || match[2] === undefined) return `--camera-source must look like cam-05=rtsp://10.0.0.7:554/stream1, not "${value}".`;
      args.cameraSources[match[1]] = match[2];
      return null;
    }
    case "--audit-key-file":
      args.auditKeyFile = value;
      return null;
    case "--tls-cert":
      args.tlsCert = value;
      return null;
    case "--tls-key":
      args.tlsKey = value;
      return null;
    case "--console-origin": {
      let origin: string;
      try {
        origin = new URL(value).origin;
      } catch {
        origin = "null";
      }
      if (origin === "null" || origin !== value.replace(/\/$/, "")) return `--console-origin must be an origin such as http://127.0.0.1:8421 (scheme, host, port; no path), not "${value}".`;
      args.consoleOrigins.push(origin);
      return null;
    }
    case "--cameras": {
      const count = CameraCountSchema.safeParse(value);
      if (!count.success) return `--cameras must be a whole number from 1 to 1000, not "${value}".`;
      args.cameras = count.data;
      return null;
    }
    case "--retention-days": {
      const days = RetentionDaysSchema.safeParse(value);
      if (!days.success) return `--retention-days must be a number of days above 0 (at most 3650), not "${value}".`;
      args.retentionDays = days.data;
      return null;
    }
    case "--recording-quota-mb": {
      const quota = StoreQuotaSchema.safeParse(value);
      if (!quota.success) return `--recording-quota-mb must be a number of megabytes above 0, not "${value}".`;
      args.recordingQuotaMb = quota.data;
      return null;
    }
    case "--store-quota-mb": {
      const quota = StoreQuotaSchema.safeParse(value);
      if (!quota.success) return `--store-quota-mb must be a number of megabytes above 0, not "${value}".`;
      args.storeQuotaMb = quota.data;
      return null;
    }
    case "--database-url": {
      // Never repeat the value: it may hold a password.
      if (!isPostgresUrl(value)) return "--database-url must be a PostgreSQL URL such as postgres://ioc@db.local:5432/ioc.";
      args.databaseUrl = value;
      return null;
    }
    case "--role": {
      const role = BackendRoleSchema.safeParse(value);
      if (!role.success) return `--role must be city or province, not "${value}".`;
      args.role = role.data;
      return null;
    }
    case "--city": {
      const eq = value.indexOf("=");
      const id = CityIdSchema.safeParse(value.slice(0, Math.max(eq, 0)));
      const name = value.slice(eq + 1).trim();
      if (eq < 0 || !id.success || name === "") return `--city must look like uong-bi=Uông Bí (a lower-case id, then the city's name), not "${value}".`;
      args.cities.push({ id: id.data, name });
      return null;
    }
    case "--province-url": {
      if (!UrlSchema.safeParse(value).success) return `--province-url must be an absolute URL such as http://10.0.1.5:8430, not "${value}".`;
      args.provinceUrl = value;
      return null;
    }
    case "--city-id": {
      const id = CityIdSchema.safeParse(value);
      if (!id.success) return `--city-id must be 2-32 lower-case letters, digits or dashes, not "${value}".`;
      args.cityId = id.data;
      return null;
    }
    case "--city-profile": {
      const profile = CITY_PROFILE_IDS.find((id) => id === value);
      if (profile === undefined) return `--city-profile must be one of ${CITY_PROFILE_IDS.join(", ")}, not "${value}".`;
      args.cityProfile = profile;
      return null;
    }
    case "--uplink-interval-ms":
      return withInterval(flag, value, (ms) => (args.uplinkIntervalMs = ms));
    default:
      return assertNever(flag);
  }
}

/** The link flags that only make sense together, or null. */
function linkProblem(args: CliArgs): string | null {
  if (args.role === "province" && (args.provinceUrl !== undefined || args.cityId !== undefined)) return "--province-url and --city-id are for a city's backend, not with --role province.";
  if (args.role === "province" && args.cityProfile !== undefined) return "--city-profile is for a city's backend: the province simulates no city.";
  if (args.role === "province" && args.cities.length === 0) return "--role province needs at least one --city ID=NAME that may link up.";
  if (args.role === "city" && args.cities.length > 0) return "--city is for the province's backend: add --role province.";
  if ((args.provinceUrl === undefined) !== (args.cityId === undefined)) return "--province-url and --city-id go together: give both, or neither.";
  if (args.uplinkIntervalMs !== undefined && args.provinceUrl === undefined) return "--uplink-interval-ms is for a city linked to a province: add --province-url and --city-id.";
  return null;
}
