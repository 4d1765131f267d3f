import { z } from "zod";
import { PolygonSchema } from "./geo.js";

/** A ward (phường) or commune (xã) of Uông Bí. `code` is the official 5-digit GSO code. */
export const WardSchema = z.object({
  code: z.string().regex(/^\d{5}$/),
  name: z.string().min(1),
  fullName: z.string().min(1),
  nameAscii: z.string().min(1),
  kind: z.enum(["ward", "commune"]),
  boundary: PolygonSchema,
});
export type Ward = z.infer<typeof WardSchema>;
