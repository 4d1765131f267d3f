import { execFile } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import { isIP } from "node:net";
import { join } from "node:path";

export interface TlsMaterial {
  key: Buffer;
  cert: Buffer;
  certPath: string;
}

/** Pure: the subjectAltName for the stream certificate: loopback always, plus the host we listen on. */
export function subjectAltNames(host: string): string {
  const names = new Set(["DNS:localhost", "IP:127.0.0.1", "IP:::1"]);
  if (host !== "0.0.0.0" && host !== "::" && host !== "") names.add(isIP(host) === 0 ? `DNS:${host}` : `IP:${host}`);
  return [...names].join(",");
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 20_000, windowsHide: true }, (error, _stdout, stderr) => {
      if (error === null) resolve();
      else reject(new Error(`${command} failed: ${stderr.trim().split("\n").slice(-2).join(" | ") || error.message}`));
    });
  });
}

/**
 * A self-signed certificate made on this machine (kept under `dir`, reused across runs) so camera
 * streams can be served over HTTP/2, which needs TLS in browsers. Needs the `openssl` command.
 */
export async function ensureLocalCertificate(dir: string, host: string): Promise<TlsMaterial> {
  const keyPath = join(dir, "stream-key.pem");
  const certPath = join(dir, "stream-cert.pem");
  try {
    return { key: await readFile(keyPath), cert: await readFile(certPath), certPath };
  } catch {
    // Not made yet.
  }
  await mkdir(dir, { recursive: true });
  await run("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", keyPath, "-out", certPath, "-days", "825",
    "-subj", "/CN=IOC Uong Bi camera streams",
    "-addext", `subjectAltName=${subjectAltNames(host)}`,
  ]);
  return { key: await readFile(keyPath), cert: await readFile(certPath), certPath };
}
