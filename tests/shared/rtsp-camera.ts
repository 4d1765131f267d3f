import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect as tcpConnect } from "node:net";
import { freePort } from "../../scripts/lib/free-port.js";
import { testFfmpeg } from "./media-tools.js";

/**
 * A real RTSP camera on loopback: Debian's rtsp-server-perl (scripts/install-system-packages.sh),
 * fed a test picture by ffmpeg. For the backend tests and the e2e that add or repackage one.
 */
const RTSP_SERVER = "/usr/bin/rtsp-server-perl";

export interface RtspCamera {
  /** rtsp://127.0.0.1:<port>/<path>, what a camera would be configured with. */
  url: string;
  /** The port clients connect to. */
  port: number;
  stop(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Two rtsp-server-perl at once on one machine (two test files in parallel workers) deliver no
 * picture to either: they take the same RTP ports. One at a time, then, across processes: a lock
 * file naming its holder's pid, taken over when that process is gone.
 */
const LOCK_FILE = join(tmpdir(), "ioc-rtsp-test-camera.lock");
const LOCK_WAIT_MS = 180_000;

function holderAlive(): boolean {
  try {
    const pid = Number.parseInt(readFileSync(LOCK_FILE, "utf8"), 10);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

async function takeLock(): Promise<() => void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(LOCK_FILE, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(LOCK_FILE);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
      if (!holderAlive()) {
        try {
          unlinkSync(LOCK_FILE);
        } catch {
          // Another waiter took it over first.
        }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Another test's RTSP camera has held ${LOCK_FILE} for minutes.`);
      await sleep(500);
    }
  }
}

/** Starts the server and its publisher (one such camera at a time on the machine); resolves once the stream is being published. */
export async function startRtspCamera(path = "cam1"): Promise<RtspCamera> {
  if (!existsSync(RTSP_SERVER)) throw new Error("This test needs Debian's rtsp-server-perl: run sudo npm run setup:system.");
  const release = await takeLock();
  const children: ChildProcess[] = [];
  const stop = () => {
    for (const child of children) child.kill("SIGKILL");
    release();
  };
  try {
    const [clientPort, sourcePort] = [await freePort(), await freePort()];
    const args = ["-c", String(clientPort), "-s", String(sourcePort), "--client_listen_address", "127.0.0.1", "--source_listen_address", "127.0.0.1"];
    children.push(spawn(RTSP_SERVER, args, { stdio: "ignore" }));
    // The publishing ffmpeg gives up at once if the server is not listening yet, which a loaded machine can take seconds to reach.
    const deadline = Date.now() + 20_000;
    while (!(await acceptsConnections(sourcePort))) {
      if (Date.now() > deadline) throw new Error("timed out waiting for rtsp-server-perl to listen");
      await sleep(300);
    }
    children.push(spawn(await testFfmpeg(), [
      "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
      "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p",
      "-f", "rtsp", `rtsp://127.0.0.1:${sourcePort}/${path}`,
    ], { stdio: "ignore" }));
    await sleep(1500);
    return { url: `rtsp://127.0.0.1:${clientPort}/${path}`, port: clientPort, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
