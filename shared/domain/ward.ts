import { z } from "zod";
import { PolygonSchema } from "./geo.js";
import { CityIdSchema } from "./province.js";

/** A ward (phường) or commune (xã) of Uông Bí. `code` is the official 5-digit GSO code. */
export const WardSchema = z.object({
  code: z.string().regex(/^\d{5}$/),
  name: z.string().min(1),
  fullName: z.string().min(1),
  nameAscii: z.string().min(1),
  kind: z.enum(["ward", "commune"]),
  boundary: PolygonSchema,
  /** At the province: the city this ward belongs to (a city's own wards carry none). */
  cityId: CityIdSchema.optional(),
});
export type Ward = z.infer<typeof WardSchema>;

/** A ward's record id: its code at a city; `<cityId>~<code>` at the province, where the cities' wards meet. */
export function wardRecordId(ward: Pick<Ward, "code" | "cityId">): string {
  return ward.cityId === undefined ? ward.code : `${ward.cityId}~${ward.code}`;
}
