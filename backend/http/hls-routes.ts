import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { BACKEND_PATHS } from "../../shared/protocol/backend.js";
import { assertNever, ok, parseWith, type AppError, type Result } from "../../shared/result.js";
import type { PlaylistKind } from "../hls/live-encoder.js";
import { HlsPlaylistQuerySchema } from "../../shared/protocol/hls-directives.js";
import type { LiveReload, PlaylistAnswer, SegmentAnswer, VideoService } from "../hls/video-service.js";
import { sendError } from "./respond.js";

const PlaylistParamsSchema = z.object({ cameraId: z.string().min(1) });
const SegmentParamsSchema = z.object({ cameraId: z.string().min(1), segment: z.string().min(1) });
const RenditionPlaylistParamsSchema = z.object({ cameraId: z.string().min(1), rendition: z.string().min(1) });
const RenditionSegmentParamsSchema = z.object({ cameraId: z.string().min(1), rendition: z.string().min(1), segment: z.string().min(1) });

export interface HlsRouteDeps {
  video: VideoService;
  isCameraOut(cameraId: string): boolean;
}

/** Where the routes are mounted, and who else may refuse a camera there (a city serving the province only what it shared). */
export interface HlsMount {
  prefix: string;
  refuse(cameraId: string): AppError | null;
}

const OPEN_MOUNT: HlsMount = { prefix: BACKEND_PATHS.hls, refuse: () => null };

function unavailable(reply: FastifyReply, reason: string): FastifyReply {
  // Players retry on 503; Retry-After keeps their polling gentle.
  reply.header("Retry-After", "2").header("Cache-Control", "no-cache");
  return sendError(reply, { kind: "offline", message: reason }, 503);
}

function unknownCamera(reply: FastifyReply, cameraId: string): FastifyReply {
  return sendError(reply, { kind: "not_found", message: `Camera ${cameraId} does not exist.` });
}

/**
 * HLS for every camera: GET /hls/:cameraId/index.m3u8 (what tiles load: a looped camera's master
 * playlist, or a live camera's few latest segments), /hls/:cameraId/:rendition/index.m3u8 and
 * /hls/:cameraId/:rendition/seg-N.ts (a looped camera's renditions, e.g. 180p and 360p),
 * /hls/:cameraId/dvr.m3u8 (the last minutes, for instant replay) and /hls/:cameraId/seg-N.ts.
 */
export function registerHlsRoutes(app: FastifyInstance, deps: HlsRouteDeps, mount: HlsMount = OPEN_MOUNT): void {
  const at = mount.prefix;
  const sendPlaylist = (reply: FastifyReply, cameraId: string, answer: PlaylistAnswer) => {
    switch (answer.kind) {
      case "playlist":
        return reply.header("Content-Type", "application/vnd.apple.mpegurl").header("Cache-Control", "no-cache").send(answer.body);
      case "too_far_ahead":
        return sendError(reply, { kind: "invalid_request", message: `Camera ${cameraId}'s newest segment is ${answer.last}; a blocking reload may ask for at most two past it.` });
      case "unavailable":
        return unavailable(reply, answer.reason);
      case "unknown_camera":
        return unknownCamera(reply, cameraId);
      case "not_found":
        return sendError(reply, { kind: "not_found", message: `Camera ${cameraId} has no such playlist.` });
      default:
        return assertNever(answer);
    }
  };
  const sendSegment = (reply: FastifyReply, cameraId: string, segment: string, answer: SegmentAnswer) => {
    switch (answer.kind) {
      case "segment":
        // A segment name always means the same bytes (a loop position, or a clock-numbered live segment).
        return reply.header("Content-Type", "video/mp2t").header("Cache-Control", "private, max-age=60").send(answer.body);
      case "unavailable":
        return unavailable(reply, answer.reason);
      case "unknown_camera":
        return unknownCamera(reply, cameraId);
      case "not_found":
        return sendError(reply, { kind: "not_found", message: `No segment ${segment} for camera ${cameraId}.` });
      default:
        return assertNever(answer);
    }
  };

  /**
   * Blocking reloads are advertised only over HTTP/2, where a held request is one more stream on
   * the shared connection; over HTTP/1.1 each would hold one of the browser's six connections.
   */
  const liveReload = (request: FastifyRequest): Result<LiveReload> => {
    const query = parseWith(HlsPlaylistQuerySchema, request.query ?? {}, "playlist query");
    if (!query.ok) return query;
    return ok({ canBlockReload: request.raw.httpVersionMajor >= 2, msn: query.value._HLS_msn });
  };
  // A held request ends after the camera went out: say so rather than serve a stale playlist.
  const afterWait = (reply: FastifyReply, cameraId: string, answer: PlaylistAnswer) =>
    deps.isCameraOut(cameraId) ? unavailable(reply, `Camera ${cameraId} is offline.`) : sendPlaylist(reply, cameraId, answer);

  const playlistRoute = (kind: PlaylistKind) => async (request: FastifyRequest, reply: FastifyReply) => {
    const params = parseWith(PlaylistParamsSchema, request.params, "camera id");
    if (!params.ok) return sendError(reply, params.error);
    const { cameraId } = params.value;
    const refused = mount.refuse(cameraId);
    if (refused !== null) return sendError(reply, refused);
    // Only known cameras can have an outage, so this check cannot hide a 404.
    if (deps.isCameraOut(cameraId)) return unavailable(reply, `Camera ${cameraId} is offline.`);
    const reload = liveReload(request);
    if (!reload.ok) return sendError(reply, reload.error);
    return afterWait(reply, cameraId, await deps.video.playlist(cameraId, Date.now(), kind, reload.value));
  };
  app.get(`${at}/:cameraId/index.m3u8`, playlistRoute("live"));
  app.get(`${at}/:cameraId/dvr.m3u8`, playlistRoute("dvr"));

  app.get(`${at}/:cameraId/:rendition/index.m3u8`, async (request, reply) => {
    const params = parseWith(RenditionPlaylistParamsSchema, request.params, "rendition");
    if (!params.ok) return sendError(reply, params.error);
    const { cameraId, rendition } = params.value;
    const refused = mount.refuse(cameraId);
    if (refused !== null) return sendError(reply, refused);
    if (deps.isCameraOut(cameraId)) return unavailable(reply, `Camera ${cameraId} is offline.`);
    const reload = liveReload(request);
    if (!reload.ok) return sendError(reply, reload.error);
    return afterWait(reply, cameraId, await deps.video.renditionPlaylist(cameraId, rendition, Date.now(), reload.value));
  });

  app.get(`${at}/:cameraId/:segment`, async (request, reply) => {
    const params = parseWith(SegmentParamsSchema, request.params, "segment");
    if (!params.ok) return sendError(reply, params.error);
    const { cameraId, segment } = params.value;
    const refused = mount.refuse(cameraId);
    if (refused !== null) return sendError(reply, refused);
    if (deps.isCameraOut(cameraId)) return unavailable(reply, `Camera ${cameraId} is offline.`);
    return sendSegment(reply, cameraId, segment, await deps.video.segment(cameraId, segment));
  });

  app.get(`${at}/:cameraId/:rendition/:segment`, async (request, reply) => {
    const params = parseWith(RenditionSegmentParamsSchema, request.params, "segment");
    if (!params.ok) return sendError(reply, params.error);
    const { cameraId, rendition, segment } = params.value;
    const refused = mount.refuse(cameraId);
    if (refused !== null) return sendError(reply, refused);
    if (deps.isCameraOut(cameraId)) return unavailable(reply, `Camera ${cameraId} is offline.`);
    return sendSegment(reply, cameraId, segment, await deps.video.segment(cameraId, segment, rendition));
  });
}
