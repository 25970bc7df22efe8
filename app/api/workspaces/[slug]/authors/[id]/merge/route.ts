import { ZEntityParamsSchema } from "@/lib/schemas/params";
import { ZMergeAuthorSchema } from "@/lib/schemas/sources";
import { mergeAuthor } from "@/lib/server/authors/merge-author";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Merges this author into `intoId` (`{ version, intoId, intoVersion }`): its sources move there; undoable. */
export const POST = mutationRoute({ params: ZEntityParamsSchema, body: ZMergeAuthorSchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await mergeAuthor(ctx, params.id, body),
}));
