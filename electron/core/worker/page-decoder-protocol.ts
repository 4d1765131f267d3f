import { z } from "zod";
import { resultSchema } from "../../../shared/result.js";
import { DecodedPageSchema } from "../sync/decoded-page.js";

/** Messages between the core (which reads the pages' bytes) and the thread that decodes them. */
export const DecoderRequestSchema = z.object({ id: z.number().int(), body: z.instanceof(Uint8Array) });
export type DecoderRequest = z.infer<typeof DecoderRequestSchema>;

export const DecoderAnswerSchema = z.object({
  id: z.number().int(),
  result: resultSchema(DecodedPageSchema),
});
export type DecoderAnswer = z.infer<typeof DecoderAnswerSchema>;
