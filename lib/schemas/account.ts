import { z } from "zod";

/** `DELETE /api/account`: the account's email typed out, so a delete is never a slip. */
export const ZDeleteAccountSchema = z.strictObject({ confirm: z.string().max(320) });
