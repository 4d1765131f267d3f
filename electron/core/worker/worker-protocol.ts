import { z } from "zod";
import { SettingsSchema, SyncStatusSchema } from "../../../shared/protocol/console-api.js";
import { resultSchema } from "../../../shared/result.js";

/** Messages between the thread that answers renderers and the worker that owns the cache. */
export const HostToWorkerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("request"), id: z.number().int(), request: z.unknown() }),
  z.object({ kind: z.literal("close") }),
]);
export type HostToWorker = z.infer<typeof HostToWorkerSchema>;

export const WorkerToHostSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ready"), notices: z.array(z.string()), status: SyncStatusSchema }),
  z.object({
    kind: z.literal("response"),
    id: z.number().int(),
    result: resultSchema(z.unknown()),
  }),
  /** Events are forwarded as they are: every renderer validates them on arrival. */
  z.object({ kind: z.literal("event"), event: z.unknown() }),
  z.object({ kind: z.literal("log"), line: z.string() }),
  /** The core changed the settings (language, the operator signed in): the host keeps them on disk. */
  z.object({ kind: z.literal("settings"), settings: SettingsSchema }),
  z.object({ kind: z.literal("fatal"), message: z.string() }),
  z.object({ kind: z.literal("closed") }),
]);
export type WorkerToHost = z.infer<typeof WorkerToHostSchema>;

export const WorkerDataSchema = z.object({
  dataDir: z.string(),
  settings: SettingsSchema,
  nativeBinding: z.string().optional(),
  /** page-decoder-worker's file (the Electron bundle passes its .cjs; under tsx it is found beside this file). */
  decoderWorkerPath: z.string().optional(),
  demo: z.boolean().optional(),
  autoSignIn: z.string().optional(),
  /** PEM text of the backend's CA. */
  backendCa: z.string().optional(),
  /** Other instances of the same backend, tried in turn when the current one cannot be reached. */
  backendFallbackUrls: z.array(z.url()).optional(),
  cacheQuotaBytes: z.number().int().positive().optional(),
  /** The street map's MBTiles file. */
  streetMapFile: z.string().optional(),
});
export type WorkerData = z.infer<typeof WorkerDataSchema>;
