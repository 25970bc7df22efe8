-- Full-text search and suggested passages.
--
-- Claims, excerpts, source titles and author names carry stored generated tsvector columns with
-- GIN indexes. Source texts are long, so they are indexed as passages (a paragraph, or a run of
-- its sentences of at most ~700 characters) in "Passage", each with its offsets into Source.text
-- in the API's units (UTF-16 code units, end exclusive): a hit or a suggestion then points at an
-- exact span of the text. pg_trgm indexes give typo tolerance on names, titles and claims; for
-- the long texts a trigram index would be large and slow to query, so each workspace keeps the
-- words of its sources ("SearchWord") and a misspelt word is corrected against them instead.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- PostgreSQL's text-search parser takes every non-ASCII character for a letter when the
-- database's ctype is C (as the embedded server's is), so “talk would be one word and a
-- no-break space would stick to the word before it. Typographic quotes, dashes and spaces become
-- ASCII spaces (Unicode hyphens ASCII hyphens) before parsing: one character for one, so offsets
-- into the text stay valid. lib/domain/search.ts keeps the same table for the marks. (A character
-- class in regexp_replace: translate() with the same list is about 15 times slower.)
CREATE FUNCTION "stancemap_search_text"(body TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(regexp_replace(body, U&'[\2010\2011]', '-', 'g'),
  U&'[\00A0\1680\2000-\200B\2028\2029\202F\205F\3000\FEFF\2012-\2015\2018-\201F\00AB\00BB\2039\203A\2026\2022\00B7\2032\2033\00A1\00BF\00A7\00B6\2020\2021\00A9\00AE\2122\3001\3002\300C-\3011\FF08\FF09\FF0C\FF1A\FF1B\FF01\FF1F]', ' ', 'g');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "stancemap_search_text"("text"))) STORED;

-- AlterTable
ALTER TABLE "Excerpt" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "stancemap_search_text"("exact"))) STORED;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "stancemap_search_text"("title"))) STORED;

-- AlterTable: names are not English words; 'simple' keeps "Harding" from being stemmed to "hard".
ALTER TABLE "Author" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "stancemap_search_text"("name" || ' ' || "shortName"))) STORED;

-- CreateTable
CREATE TABLE "Passage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "stancemap_search_text"("text"))) STORED,

    CONSTRAINT "Passage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchWord" (
    "workspaceId" UUID NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("workspaceId","word")
);

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Claim_text_idx" ON "Claim" USING GIN ("text" gin_trgm_ops);

-- CreateIndex: a GIN index buffers new entries in a pending list that every search reads through
-- until it is merged; excerpts arrive many at a time, so keep that list short (512 kB, not 4 MB).
CREATE INDEX "Excerpt_searchVector_idx" ON "Excerpt" USING GIN ("searchVector") WITH (gin_pending_list_limit = 512);

-- CreateIndex
CREATE INDEX "Source_searchVector_idx" ON "Source" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Source_title_idx" ON "Source" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Author_searchVector_idx" ON "Author" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Author_name_idx" ON "Author" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Passage_sourceId_start_idx" ON "Passage"("sourceId", "start");

-- CreateIndex
CREATE INDEX "Passage_workspaceId_idx" ON "Passage"("workspaceId");

-- CreateIndex (a short pending list, as for excerpts: a source brings dozens of passages at once)
CREATE INDEX "Passage_searchVector_idx" ON "Passage" USING GIN ("searchVector") WITH (gin_pending_list_limit = 512);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "SearchWord" ADD CONSTRAINT "SearchWord_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The passages of a text: paragraphs split at blank lines (as the source reader draws them),
-- whitespace at their edges left out; a paragraph longer than `max_length` characters is cut
-- between sentences into runs of at most `max_length` (a single longer sentence between words).
-- Offsets are UTF-16 code units like every selector of the API; PostgreSQL counts code points, so
-- a text with characters beyond the BMP (emoji) has its offsets shifted by the surrogates before.
CREATE FUNCTION "stancemap_split_passages"(body TEXT, max_length INTEGER DEFAULT 700)
RETURNS TABLE ("passage_start" INTEGER, "passage_end" INTEGER, "passage_text" TEXT)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  ws CONSTANT TEXT := '[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]';
  paragraph_break CONSTANT TEXT := '\n(?:[ \t\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*\n)+';
  -- A sentence ends at . ! or ? and any closing quotes or brackets (group 1), then whitespace
  -- (group 2). No lookbehind: PostgreSQL's is slow on long texts; the end mark is added back.
  sentence_break CONSTANT TEXT := '([.!?][\]"''’”)»]*)([\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+)';
  astral CONSTANT TEXT := '[\U00010000-\U0010FFFF]';
  paragraphs TEXT[] := regexp_split_to_array(body, paragraph_break);
  break_lengths INTEGER[];
  starts INTEGER[] := '{}';
  ends INTEGER[] := '{}';
  texts TEXT[] := '{}';
  sentences TEXT[];
  mark_lengths INTEGER[];
  gap_lengths INTEGER[];
  para TEXT;
  trimmed TEXT;
  offset_at INTEGER := 0;
  p_start INTEGER;
  cursor_at INTEGER;
  chunk_start INTEGER;
  chunk_end INTEGER;
  s_finish INTEGER;
  head TEXT;
  cut INTEGER;
BEGIN
  SELECT array_agg(length(m[1]) ORDER BY n) INTO break_lengths
  FROM regexp_matches(body, '(' || paragraph_break || ')', 'g') WITH ORDINALITY AS t(m, n);

  FOR i IN 1 .. coalesce(array_length(paragraphs, 1), 0) LOOP
    para := paragraphs[i];
    p_start := offset_at + coalesce(length(substring(para FROM '^' || ws || '+')), 0);
    trimmed := substr(para, p_start - offset_at + 1, length(para) - (p_start - offset_at) - coalesce(length(substring(para FROM ws || '+$')), 0));
    IF trimmed <> '' THEN
      IF length(trimmed) <= max_length THEN
        starts := starts || p_start;
        ends := ends || (p_start + length(trimmed));
        texts := texts || trimmed;
      ELSE
        sentences := regexp_split_to_array(trimmed, sentence_break);
        SELECT array_agg(length(m[1]) ORDER BY n), array_agg(length(m[2]) ORDER BY n) INTO mark_lengths, gap_lengths
        FROM regexp_matches(trimmed, sentence_break, 'g') WITH ORDINALITY AS t(m, n);
        cursor_at := p_start;
        chunk_start := p_start;
        chunk_end := p_start;
        FOR j IN 1 .. array_length(sentences, 1) LOOP
          s_finish := cursor_at + length(sentences[j]) + coalesce(mark_lengths[j], 0);
          IF chunk_end > chunk_start AND s_finish - chunk_start > max_length THEN
            starts := starts || chunk_start;
            ends := ends || chunk_end;
            texts := texts || substr(trimmed, chunk_start - p_start + 1, chunk_end - chunk_start);
            chunk_start := cursor_at;
          END IF;
          -- One sentence longer than a passage: cut it at the last space that fits.
          WHILE s_finish - chunk_start > max_length LOOP
            head := substr(trimmed, chunk_start - p_start + 1, max_length + 1);
            cut := length(substring(head FROM '^.*' || ws)) - 1;
            IF cut IS NULL OR cut < 1 THEN cut := max_length; END IF;
            starts := starts || chunk_start;
            ends := ends || (chunk_start + cut);
            texts := texts || substr(head, 1, cut);
            chunk_start := chunk_start + cut;
            chunk_start := chunk_start + coalesce(length(substring(substr(trimmed, chunk_start - p_start + 1) FROM '^' || ws || '+')), 0);
          END LOOP;
          chunk_end := s_finish;
          cursor_at := s_finish + coalesce(gap_lengths[j], 0);
        END LOOP;
        IF chunk_end > chunk_start THEN
          starts := starts || chunk_start;
          ends := ends || chunk_end;
          texts := texts || substr(trimmed, chunk_start - p_start + 1, chunk_end - chunk_start);
        END IF;
      END IF;
    END IF;
    offset_at := offset_at + length(para) + coalesce(break_lengths[i], 0);
  END LOOP;

  -- Pieces are cut from their paragraph, not from the body: substr() on a long multibyte text
  -- walks it from the start every time.
  IF body ~ astral THEN
    RETURN QUERY SELECT s + regexp_count(left(body, s), astral), e + regexp_count(left(body, e), astral), t
      FROM unnest(starts, ends, texts) AS u(s, e, t);
  ELSE
    RETURN QUERY SELECT s, e, t FROM unnest(starts, ends, texts) AS u(s, e, t);
  END IF;
END;
$$;

-- Passages are written by a trigger rather than by the code that creates sources: sources arrive
-- through the API, the demo seed, imports and bulk SQL (bench/generate-large.ts), and a trigger is
-- the one place none of them can forget. Soft-deleting a source keeps its passages (searches join
-- on the source's deletedAt), so undoing the delete needs nothing here.
CREATE FUNCTION "stancemap_write_passages"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW."text" IS NOT DISTINCT FROM OLD."text" THEN
      RETURN NULL;
    END IF;
    DELETE FROM "Passage" WHERE "sourceId" = NEW."id";
  END IF;
  INSERT INTO "Passage" ("workspaceId", "sourceId", "start", "end", "text")
  SELECT NEW."workspaceId", NEW."id", p.passage_start, p.passage_end, p.passage_text
  FROM "stancemap_split_passages"(NEW."text") AS p;
  -- Words only grow: one no longer in any text just corrects a typo to a word that finds nothing.
  INSERT INTO "SearchWord" ("workspaceId", "word")
  SELECT NEW."workspaceId", w.lexeme FROM unnest(to_tsvector('simple'::regconfig, "stancemap_search_text"(NEW."text"))) AS w
  WHERE w.lexeme ~ '^[^0-9[:punct:]]{3,}$'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "Source_passages" AFTER INSERT OR UPDATE OF "text" ON "Source"
FOR EACH ROW EXECUTE FUNCTION "stancemap_write_passages"();

-- Backfill: the passages and words of the sources that exist already.
INSERT INTO "Passage" ("workspaceId", "sourceId", "start", "end", "text")
SELECT s."workspaceId", s."id", p.passage_start, p.passage_end, p.passage_text
FROM "Source" s CROSS JOIN LATERAL "stancemap_split_passages"(s."text") AS p;

INSERT INTO "SearchWord" ("workspaceId", "word")
SELECT DISTINCT s."workspaceId", w.lexeme FROM "Source" s CROSS JOIN LATERAL unnest(to_tsvector('simple'::regconfig, "stancemap_search_text"(s."text"))) AS w
WHERE w.lexeme ~ '^[^0-9[:punct:]]{3,}$'
ON CONFLICT DO NOTHING;
