import { z } from "zod";
import { json, route } from "@/lib/server/http";
import { extractSource } from "@/lib/server/import/extract-source";
import { requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/**
 * `POST /api/sources/extract` with a file (multipart `file`: pdf, html, txt, md), `{ url }` or
 * `{ html }` → `{ text, title, author, published, siteName, pages }`: what it becomes as a source,
 * so the person adding it sees (and can correct) the text and metadata before saving. Writes
 * nothing; signed-in callers only, rate-limited like writes.
 */
export const POST = route(z.object({}), async (request) => {
  await requireWriter(request);
  return json(await extractSource(request));
});
