import "server-only";
import { db } from "../../db/client";
import { queryWords } from "../../domain/search";

/**
 * The query's words, each replaced by the most similar word of the workspace's source texts
 * (pg_trgm similarity, its default threshold); null when that changes nothing.
 */
export async function correctWords(workspaceId: string, q: string): Promise<string | null> {
  const words = queryWords(q, 3);
  if (words.length === 0) return null;
  const rows = await db().$queryRaw<{ typed: string; best: string | null }[]>`
    select w.word as typed, (
      select sw.word from "SearchWord" sw
      where sw."workspaceId" = ${workspaceId}::uuid and sw.word % w.word
      order by similarity(sw.word, w.word) desc, sw.word
      limit 1
    ) as best
    from unnest(${words}::text[]) with ordinality as w(word, n)
    order by w.n`;
  const corrected = rows.map((r) => r.best ?? r.typed);
  return corrected.some((word, i) => word !== words[i]) ? corrected.join(" ") : null;
}
