import { z } from "zod";
import { VOTE_CHOICES } from "../domain/types";
import { ZIdSchema } from "./params";

export const ZVoteChoiceSchema = z.enum(VOTE_CHOICES, { error: `choice must be one of ${VOTE_CHOICES.join(", ")}` });

/** `PUT …/claims/:id/vote`: the caller's own view of the claim. */
export const ZCastVoteSchema = z.strictObject({ choice: ZVoteChoiceSchema });

/** `POST …/session`: start a live session, optionally with a claim in the spotlight. */
export const ZStartSeminarSchema = z.strictObject({ spotlightClaimId: ZIdSchema.optional() });

/** `PATCH …/session`: the facilitator's controls. */
export const ZSteerSeminarSchema = z
  .strictObject({
    /** Put this claim on everyone's screen (null: no claim). */
    spotlightClaimId: ZIdSchema.nullable().optional(),
    /** Or step through the claims in the map's order. */
    step: z.enum(["next", "previous"], { error: "step must be next or previous" }).optional(),
    /** Lock or unlock editing of the map for everyone but the facilitator. */
    locked: z.boolean({ error: "locked must be true or false" }).optional(),
  })
  .refine((v) => v.spotlightClaimId !== undefined || v.step !== undefined || v.locked !== undefined, { message: "Send spotlightClaimId, step or locked" })
  .refine((v) => !(v.spotlightClaimId !== undefined && v.step !== undefined), { message: "Send either spotlightClaimId or step, not both" });
export type TSteerSeminar = z.infer<typeof ZSteerSeminarSchema>;

/** `POST …/session/poll`: open a poll on a claim (the spotlighted one when absent). */
export const ZOpenPollSchema = z.strictObject({ claimId: ZIdSchema.optional() });

/** `PATCH …/session/poll`: close the open poll, or show or hide the latest poll's result. */
export const ZUpdatePollSchema = z.strictObject({ action: z.enum(["close", "reveal", "hide"], { error: "action must be close, reveal or hide" }) });

/** `POST …/session/poll/ballot`: the caller's answer to the open poll. */
export const ZPollBallotSchema = z.strictObject({ choice: ZVoteChoiceSchema });

