import { startBackend, type RunningBackend } from "./app.js";
import { parseCliArgs, USAGE } from "./cli-args.js";
import { needsMallocArenaRelaunch, relaunchWithBoundedMallocArenas } from "./runtime/malloc-arenas.js";
import { BackendStartError } from "./start-error.js";
import { resolveLink } from "./province/link-secrets.js";

/** `tsx backend/main.ts --port 8420 --data-dir .cache/backend [--no-simulator] [--no-video] [--alarm-interval-ms N]` */
async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.value.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = parsed.value;
  const link = resolveLink(args, process.env);
  if (!link.ok) {
    process.stderr.write(`${link.error.message}\n`);
    return 2;
  }
  let backend: RunningBackend;
  try {
    backend = await startBackend({
      port: args.port,
      host: args.host,
      dataDir: args.dataDir,
      ...(args.publicUrl === undefined ? {} : { publicUrl: args.publicUrl }),
      simulator: {
        enabled: args.simulator,
        ...(args.alarmIntervalMs === undefined ? {} : { alarmIntervalMs: args.alarmIntervalMs }),
        ...(args.domainIntervalMs === undefined ? {} : { domainIntervalMs: args.domainIntervalMs }),
        ...(args.sensorIntervalMs === undefined ? {} : { sensorIntervalMs: args.sensorIntervalMs }),
        ...(args.domainHistoryDays === undefined ? {} : { domainHistoryHours: args.domainHistoryDays * 24 }),
      },
      video: {
        enabled: args.video,
        ...(args.ffmpegPath === undefined ? {} : { ffmpegPath: args.ffmpegPath }),
        ...(args.videoCacheDir === undefined ? {} : { cacheDir: args.videoCacheDir }),
      },
      streamTls: args.streamPort === undefined ? { enabled: args.streamTls } : { enabled: args.streamTls, port: args.streamPort },
      cameraSources: args.cameraSources,
      ...(args.cameras === undefined ? {} : { cameraCount: args.cameras }),
      ...(args.cityProfile === undefined ? {} : { cityProfile: args.cityProfile }),
      ...(args.storeQuotaMb === undefined ? {} : { storeQuotaBytes: Math.floor(args.storeQuotaMb * 1024 * 1024) }),
      ...(args.databaseUrl === undefined ? {} : { databaseUrl: args.databaseUrl }),
      recording: {
        enabled: args.recording,
        ...(args.retentionDays === undefined ? {} : { retentionDays: args.retentionDays }),
        ...(args.recordingQuotaMb === undefined ? {} : { quotaBytesPerCamera: Math.floor(args.recordingQuotaMb * 1024 * 1024) }),
      },
      log: !args.quiet,
      ...(link.value === undefined ? {} : { link: link.value }),
      demo: args.demo,
      simulatorApi: args.simulatorApi,
      consoleOrigins: args.consoleOrigins,
      ...(args.auditKeyFile === undefined ? {} : { auditKeyFile: args.auditKeyFile }),
      ...(args.tlsCert !== undefined && args.tlsKey !== undefined ? { tls: { certFile: args.tlsCert, keyFile: args.tlsKey } } : {}),
      onFirstSupervisor: (id, password) => {
        process.stdout.write(
          `First start: no operator can sign in yet, so a supervisor account was made.\n` +
            `  operator ID: ${id}\n  one-time password: ${password}\n` +
            `This password is shown only now and must be replaced at the first sign-in.\n`,
        );
      },
    });
  } catch (error) {
    if (error instanceof BackendStartError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (args.video && backend.videoProblem !== null) process.stderr.write(`${backend.videoProblem}\n`);
  if (args.demo) process.stderr.write("Demo city: operators op-01, op-02, sup-01 and view-01 sign in with the known passwords uongbi-<id>. Never use --demo for a real city.\n");
  process.stdout.write(`IOC backend listening on ${backend.url}\n`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second Ctrl+C: the operator does not want to wait.
        resolve(130);
        return;
      }
      stopping = true;
      process.stderr.write(`Received ${signal}; stopping the IOC backend.\n`);
      backend.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

function run(): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`The IOC backend stopped on an unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

if (needsMallocArenaRelaunch()) relaunchWithBoundedMallocArenas();
else run();
