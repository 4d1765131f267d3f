import { z } from "zod";
import { AppErrorSchema } from "../../../shared/result.js";
import { DecodedPageSchema } from "../sync/decoded-page.js";

/** Messages between the core and the thread that fetches and decodes catch-up pages. */
export const DecoderRequestSchema = z.object({ id: z.number().int(), after: z.number().int().nonnegative(), limit: z.number().int().positive() });
export type DecoderRequest = z.infer<typeof DecoderRequestSchema>;

export const DecoderAnswerSchema = z.object({
  id: z.number().int(),
  result: z.discriminatedUnion("ok", [z.object({ ok: z.literal(true), value: DecodedPageSchema }), z.object({ ok: z.literal(false), error: AppErrorSchema })]),
});
export type DecoderAnswer = z.infer<typeof DecoderAnswerSchema>;

export const DecoderDataSchema = z.object({ backendUrl: z.string() });
