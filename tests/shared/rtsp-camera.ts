import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect as tcpConnect, createServer } from "node:net";
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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
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

/** Starts the server and its publisher; resolves once the stream is being published. */
export async function startRtspCamera(path = "cam1"): Promise<RtspCamera> {
  if (!existsSync(RTSP_SERVER)) throw new Error("This test needs Debian's rtsp-server-perl: run sudo npm run setup:system.");
  const children: ChildProcess[] = [];
  const stop = () => {
    for (const child of children) child.kill("SIGKILL");
  };
  try {
    const [clientPort, sourcePort] = [await freePort(), await freePort()];
    children.push(spawn(RTSP_SERVER, ["-c", String(clientPort), "-s", String(sourcePort), "--client_listen_address", "127.0.0.1", "--source_listen_address", "127.0.0.1"], { stdio: "ignore" }));
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
