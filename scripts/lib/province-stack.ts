import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { citySecretVariable, OWN_SECRET_VARIABLE } from "../../backend/province/link-secrets.js";
import { spawnBackend, type BackendProcess } from "./backend-process.js";
import { freePort } from "./free-port.js";

/** The three centres `--province` runs: the province's, and two of its cities. */
export const PROVINCE_CENTRES = [
  { id: "province", name: "Quảng Ninh (tỉnh)", offset: 10 },
  { id: "uong-bi", name: "Uông Bí", offset: 0 },
  { id: "cam-pha", name: "Cẩm Phả", offset: 20 },
] as const;
export type CentreId = (typeof PROVINCE_CENTRES)[number]["id"];

export interface ProvinceStackOptions {
  /** Each centre's store under here, in a folder named by its id. */
  dataDir: string;
  /** Uông Bí's backend port; the province's is 10 above, Cẩm Phả's 20 above. 0: any free ports. */
  backendPort: number;
  /** The browser console origin each centre's backend lets play its streams (one console per centre). */
  consoleOrigins: Readonly<Record<CentreId, string>>;
  demo: boolean;
  video: boolean;
  simulator: boolean;
  alarmIntervalMs?: string | undefined;
  inheritOutput?: boolean;
  quiet?: boolean;
}

export interface RunningCentre {
  id: CentreId;
  name: string;
  backend: BackendProcess;
}

export interface ProvinceStack {
  centres: readonly RunningCentre[];
  stop(): Promise<void>;
}

const portFor = async (base: number, offset: number) => (base === 0 ? freePort() : base + offset);

/**
 * The whole chain on one machine: a province backend and two linked city backends, each with its
 * own store. The link secrets are made for this run and handed over by environment only: they
 * are never printed, logged or written anywhere.
 */
export async function startProvinceStack(options: ProvinceStackOptions): Promise<ProvinceStack> {
  const cities = PROVINCE_CENTRES.filter((c) => c.id !== "province");
  const secrets = new Map(cities.map((c) => [c.id, randomBytes(24).toString("hex")]));
  const common = (id: CentreId) => [
    "--console-origin",
    options.consoleOrigins[id],
    ...(options.demo ? ["--demo", "--simulator-api"] : []),
    ...(options.video ? [] : ["--no-video"]),
    ...(options.simulator ? [] : ["--no-simulator"]),
    ...(options.alarmIntervalMs === undefined ? [] : ["--alarm-interval-ms", options.alarmIntervalMs]),
    ...(options.quiet === true ? ["--quiet"] : []),
  ];
  const running: RunningCentre[] = [];
  const stop = async () => {
    await Promise.all(running.map((c) => c.backend.stop()));
  };
  try {
    const provinceCentre = PROVINCE_CENTRES[0];
    const province = await spawnBackend({
      port: await portFor(options.backendPort, provinceCentre.offset),
      dataDir: join(options.dataDir, provinceCentre.id),
      extraArgs: [...common("province"), "--role", "province", ...cities.flatMap((c) => ["--city", `${c.id}=${c.name}`])],
      env: Object.fromEntries(cities.map((c) => [citySecretVariable(c.id), secrets.get(c.id) ?? ""])),
      ...(options.inheritOutput === undefined ? {} : { inheritOutput: options.inheritOutput }),
    });
    running.push({ id: "province", name: provinceCentre.name, backend: province });
    for (const city of cities) {
      const backend = await spawnBackend({
        port: await portFor(options.backendPort, city.offset),
        dataDir: join(options.dataDir, city.id),
        extraArgs: [...common(city.id), "--city-profile", city.id, "--province-url", province.url, "--city-id", city.id],
        env: { [OWN_SECRET_VARIABLE]: secrets.get(city.id) ?? "" },
        ...(options.inheritOutput === undefined ? {} : { inheritOutput: options.inheritOutput }),
      });
      running.push({ id: city.id, name: city.name, backend });
    }
    return { centres: running, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
