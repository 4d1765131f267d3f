import { randomBytes } from "node:crypto";

export interface PageSecretOptions {
  /** Most secrets remembered; the oldest are forgotten first. */
  maxSecrets: number;
  /** A page must open its socket this soon after it was served. */
  unusedTtlMs: number;
  /** A page that did may reconnect with it (core restarts, sleep) for this long. */
  usedTtlMs: number;
}

export const PAGE_SECRETS: PageSecretOptions = { maxSecrets: 256, unusedTtlMs: 5 * 60_000, usedTtlMs: 24 * 60 * 60_000 };

/**
 * One secret per page served: only a page this server handed out can open the console API, so
 * a web page elsewhere in the operator's browser cannot drive the workstation even if it guesses
 * the port. Bounded, with an injected clock.
 */
export class PageSecrets {
  private readonly secrets = new Map<string, { issuedAt: number; usedAt: number | null }>();

  constructor(private readonly options: PageSecretOptions = PAGE_SECRETS) {}

  issue(now: number): string {
    const secret = randomBytes(32).toString("base64url");
    this.secrets.set(secret, { issuedAt: now, usedAt: null });
    while (this.secrets.size > this.options.maxSecrets) {
      const oldest = this.secrets.keys().next().value;
      if (oldest === undefined) break;
      this.secrets.delete(oldest);
    }
    return secret;
  }

  /** True for a live secret of a page this server served; marks it used. */
  accept(secret: string, now: number): boolean {
    const entry = this.secrets.get(secret);
    if (entry === undefined) return false;
    const alive = entry.usedAt === null ? now - entry.issuedAt <= this.options.unusedTtlMs : now - entry.usedAt <= this.options.usedTtlMs;
    if (!alive) {
      this.secrets.delete(secret);
      return false;
    }
    entry.usedAt = now;
    return true;
  }
}

/** The page with its secret, as a meta element at the top of <head> (data, not script: the CSP still forbids inline script). */
export function withPageSecret(indexHtml: string, metaName: string, secret: string): string {
  return indexHtml.replace(/<head>/i, `<head>\n    <meta name="${metaName}" content="${secret}" />`);
}

/** Host names a browser may use for this server: what it listens on, and loopback's names when it listens there. */
export function allowedHosts(listenHost: string, port: number): Set<string> {
  const loopback = ["127.0.0.1", "localhost", "[::1]"];
  const names = listenHost === "127.0.0.1" || listenHost === "::1" || listenHost === "localhost" ? loopback : [listenHost.includes(":") ? `[${listenHost}]` : listenHost];
  return new Set(names.map((name) => `${name}:${port}`));
}

/**
 * Pure: may this upgrade request open the console API? The Host must be this server (no DNS
 * rebinding), the Origin this server's page, and the page secret one this server issued.
 */
export function socketRefusal(request: { host: string | undefined; origin: string | undefined; protocols: readonly string[] }, hosts: ReadonlySet<string>, secretOk: (secret: string) => boolean, prefix: string): string | null {
  if (request.host === undefined || !hosts.has(request.host)) return "This server does not answer for that host name.";
  if (request.origin === undefined || (request.origin !== `http://${request.host}` && request.origin !== `https://${request.host}`)) {
    return "Only the console's own page may open the console API.";
  }
  const secret = request.protocols.find((p) => p.startsWith(prefix))?.slice(prefix.length);
  if (secret === undefined || secret === "") return "The console API needs the page secret of a page this console served: reload the page.";
  if (!secretOk(secret)) return "That page secret is unknown or expired: reload the page.";
  return null;
}
