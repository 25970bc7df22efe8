import { z } from "zod";
import { MAX_SOURCE_TEXT_BYTES, ZExtractHtmlSchema } from "@/lib/schemas/sources";
import { json, route } from "@/lib/server/http";
import { readHtml } from "@/lib/server/import/read-html";
import { readJson } from "@/lib/server/request";
import { requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/**
 * `POST /api/sources/extract` with `{ html }` → `{ text, title }`: what a page becomes as a source,
 * so the person adding it sees (and can edit) the text before saving. Writes nothing; signed-in
 * callers only, rate-limited like writes.
 */
export const POST = route(z.object({}), async (request) => {
  await requireWriter(request);
  const { html } = await readJson(request, ZExtractHtmlSchema, MAX_SOURCE_TEXT_BYTES * 4);
  return json(await readHtml(html));
});
