import { z } from "zod";
import { AppErrorSchema } from "../../../shared/result.js";
import { DecodedPageSchema } from "../sync/decoded-page.js";

/** Messages between the core (which reads the pages' bytes) and the thread that decodes them. */
export const DecoderRequestSchema = z.object({ id: z.number().int(), body: z.instanceof(Uint8Array) });
export type DecoderRequest = z.infer<typeof DecoderRequestSchema>;

export const DecoderAnswerSchema = z.object({
  id: z.number().int(),
  result: z.discriminatedUnion("ok", [z.object({ ok: z.literal(true), value: DecodedPageSchema }), z.object({ ok: z.literal(false), error: AppErrorSchema })]),
});
export type DecoderAnswer = z.infer<typeof DecoderAnswerSchema>;
