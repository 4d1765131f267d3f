/**
 * The console page's CSP, shared by the browser console and Electron. Scripts only from the
 * app itself; network only to the app's own origin (its console API socket included: 'self'
 * covers ws: to the page's own host) and the configured backend (camera streams).
 * maplibre-gl starts its workers from blob: URLs, hence worker-src blob:.
 */
export function contentSecurityPolicy(backendUrl: string): string {
  const backend = safeOrigin(backendUrl);
  const backendWs = backend.replace(/^http/, "ws");
  // Camera streams may come from the backend's HTTP/2 + TLS stream server: same host, its own port.
  const streams = streamOrigins(backendUrl);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${backend} ${backendWs}${streams}`,
    `media-src 'self' blob: ${backend}${streams}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join("; ");
}

function streamOrigins(url: string): string {
  try {
    const { hostname } = new URL(url);
    return hostname === "" ? "" : ` https://${hostname.includes(":") && !hostname.startsWith("[") ? `[${hostname}]` : hostname}:*`;
  } catch {
    return "";
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}
