/**
 * What the Electron shell lets a window do with a URL. Pure (no electron import), so it is tested
 * without Electron. Origins are compared parsed, never as string prefixes: "app://console.evil"
 * starts with "app://console".
 */

/** The only pages a console window may show: its own. */
export function mayNavigate(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

/** An IPC call is answered only for a frame showing our own page. */
export function isTrustedFrame(frameUrl: string | undefined, appOrigin: string): boolean {
  return frameUrl !== undefined && originOf(frameUrl) === appOrigin;
}

/**
 * Links that may open in the system browser: https, to a host on the list (the map data's
 * licence pages). Everything else is refused: a console must not become a way out to the web.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ["www.openstreetmap.org", "github.com"];

export function mayOpenExternally(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.username === "" && parsed.password === "" && hosts.includes(parsed.hostname);
  } catch {
    return false;
  }
}

/** scheme://host[:port]; WHATWG gives custom schemes (app:) an opaque "null" origin outside Electron, so it is built here. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== "null") return parsed.origin;
    return parsed.host === "" ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
