import type { FastifyRequest } from "fastify";

/**
 * The path a request hook decides by: the pattern of the route that will answer it
 * (`/api/v1/changes`, `/hls/:cameraId/index.m3u8`), never the URL as sent. The router decodes
 * percent-escapes before it matches, so `/%61pi/v1/changes` is answered by `/api/v1/changes`: a
 * prefix test on the URL as sent would wave it past the session check. A request no route answers
 * gets its decoded path (it is answered 404, after the same checks).
 */
export function routePath(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  if (pattern !== undefined) return pattern;
  const q = request.url.indexOf("?");
  const sent = q === -1 ? request.url : request.url.slice(0, q);
  try {
    return decodeURIComponent(sent);
  } catch {
    return sent;
  }
}
