import { z } from "zod";
import { LINK_RELATIONS, POSITION_STANCES, ROLES, STANCES, VISIBILITIES, VOICES } from "../domain/types";

/** Trimmed text that must not be empty, with a length limit named in the message. */
export const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max.toLocaleString("en")} characters`);

/** A claim is one sentence: at most this many characters, however it arrives. */
export const MAX_CLAIM_LENGTH = 500;
export const ZClaimTextSchema = text(MAX_CLAIM_LENGTH, "A claim");
/** A note on a piece of evidence or a position. */
export const MAX_NOTE_LENGTH = 5000;
export const ZNoteSchema = z.string().trim().max(MAX_NOTE_LENGTH, `A note must be at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters`);
export const ZTagsSchema = z.array(z.string().trim().toLowerCase().min(1).max(40, "A tag must be at most 40 characters").regex(/^[\p{L}\p{N}-]+$/u, "A tag uses letters, digits and hyphens")).max(12, "At most 12 tags");
export const ZVersionSchema = z.int().min(1, "version must be a positive integer");
export const ZStanceSchema = z.enum(STANCES, { error: `stance must be one of ${STANCES.join(", ")}` });
export const ZVoiceSchema = z.enum(VOICES, { error: `voice must be one of ${VOICES.join(", ")}` });
export const ZPositionStanceSchema = z.enum(POSITION_STANCES, { error: `stance must be one of ${POSITION_STANCES.join(", ")}` });
export const ZLinkRelationSchema = z.enum(LINK_RELATIONS, { error: `relation must be one of ${LINK_RELATIONS.join(", ")}` });
export const ZRoleSchema = z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` });
export const ZVisibilitySchema = z.enum(VISIBILITIES, { error: `visibility must be one of ${VISIBILITIES.join(", ")}` });
