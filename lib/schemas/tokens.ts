import { z } from "zod";
import { text } from "./fields";

export const MAX_TOKEN_NAME_LENGTH = 80;

/** `POST /api/tokens`: what the new API token is for. */
export const ZCreateApiTokenSchema = z.strictObject({ name: text(MAX_TOKEN_NAME_LENGTH, "A token name") });
