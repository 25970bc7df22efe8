import { ZEntityParamsSchema } from "@/lib/schemas/params";
import { ZUpdateAuthorSchema } from "@/lib/schemas/sources";
import { updateAuthor } from "@/lib/server/authors/update-author";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Edits name, short name or affiliation (`{ version, … }`); 409 when stale or when the name is another author's. */
export const PATCH = mutationRoute({ params: ZEntityParamsSchema, body: ZUpdateAuthorSchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await updateAuthor(ctx, params.id, body),
}));
