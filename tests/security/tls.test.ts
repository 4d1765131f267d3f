import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startConsoleCore, type ConsoleCore } from "../../electron/core/console-core.js";
import { MemorySettingsStore } from "../../electron/core/settings/memory-settings-store.js";
import { startTestBackend, type TestBackend } from "../backend/backend-harness.js";
import { until } from "../shared/until.js";

/**
 * A backend on the city's own PKI: a CA made here with openssl signs the backend's certificate.
 * A console given that CA syncs over TLS; one without it, or with another CA, refuses the backend.
 */
const dir = mkdtempSync(join(tmpdir(), "ioc-tls-"));
const file = (name: string) => join(dir, name);
function openssl(...args: string[]): Buffer {
  try {
    return execFileSync("openssl", args, { stdio: "pipe" });
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") throw new Error("These tests make certificates with openssl, which is missing: run sudo npm run setup:system.");
    throw error;
  }
}

function makeCa(name: string): void {
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", `/CN=${name}`, "-keyout", file(`${name}.key`), "-out", file(`${name}.pem`));
}

beforeAll(() => {
  makeCa("city-ca");
  makeCa("other-ca");
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=ioc-backend", "-keyout", file("backend.key"), "-out", file("backend.csr"));
  writeFileSync(file("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  openssl("x509", "-req", "-in", file("backend.csr"), "-CA", file("city-ca.pem"), "-CAkey", file("city-ca.key"), "-CAcreateserial", "-days", "2", "-extfile", file("san.ext"), "-out", file("backend.pem"));
});

let backend: TestBackend | null = null;
let core: ConsoleCore | null = null;
afterEach(async () => {
  core?.close();
  core = null;
  await backend?.stop();
  backend = null;
});

function consoleWith(url: string, ca: string | null): ConsoleCore {
  const settings = new MemorySettingsStore({ backendUrl: url, language: "vi", operatorId: "op-01" });
  return startConsoleCore({ dataDir: mkdtempSync(join(tmpdir(), "ioc-tls-console-")), settings, demo: true, autoSignIn: "op-01", ...(ca === null ? {} : { backendCa: readFileSync(file(ca)) }) });
}

describe("a backend over TLS", () => {
  it("serves https, and a console given the city's CA signs in and syncs", async () => {
    backend = await startTestBackend({ tls: { certFile: file("backend.pem"), keyFile: file("backend.key") } });
    expect(backend.backend.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    core = consoleWith(backend.backend.url, "city-ca.pem");
    await until(() => core!.service.getStatus().state === "online", "online over TLS", 20_000);
  });

  it("a console without the CA, or with another, refuses the backend and says why", async () => {
    backend = await startTestBackend({ tls: { certFile: file("backend.pem"), keyFile: file("backend.key") } });
    for (const ca of [null, "other-ca.pem"]) {
      core = consoleWith(backend.backend.url, ca);
      await until(() => /certificate is not trusted/.test(core!.service.getStatus().lastError ?? ""), `the refusal (${ca ?? "no CA"})`, 20_000);
      expect(core.service.getStatus().state).toBe("offline");
      core.close();
      core = null;
    }
  });
});
