import { z } from "zod";

export const OperatorRoleSchema = z.enum(["operator", "supervisor", "viewer"]);
export type OperatorRole = z.infer<typeof OperatorRoleSchema>;

export const OperatorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: OperatorRoleSchema,
});
export type Operator = z.infer<typeof OperatorSchema>;
