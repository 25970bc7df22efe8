-- Long paragraphs cut in linear time. A paragraph longer than a passage was cut with substr() at
-- growing offsets into it, and substr() on a multibyte text walks it from its start every time
-- (about 7 ms a call into a 1 MB paragraph): one 1 MB paragraph without a sentence end took from
-- 15 s to over a minute. The paragraph is now read once into blocks of 2,040 characters, and
-- every piece (a run of sentences, a cut, the whitespace after a cut) is read from the one or two
-- blocks it lies in. The passages are the same as before, but for one thing: a sentence cut between
-- words at a run of spaces no longer leaves the run's first spaces at the end of its passage.
CREATE OR REPLACE FUNCTION "stancemap_split_passages"(body TEXT, max_length INTEGER DEFAULT 700)
RETURNS TABLE ("passage_start" INTEGER, "passage_end" INTEGER, "passage_text" TEXT)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  ws CONSTANT TEXT := '[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]';
  visible CONSTANT TEXT := '[^\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]';
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
  -- A long paragraph in blocks: a piece of at most block_size characters lies in two of them.
  block_size CONSTANT INTEGER := 2040;
  blocks TEXT[];
  block_at INTEGER;
  window_text TEXT;
  skipped INTEGER;
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
  shift INTEGER := 0;
  here INTEGER;
BEGIN
  IF max_length > block_size - 1 THEN
    RAISE EXCEPTION 'stancemap_split_passages: max_length % is over %', max_length, block_size - 1;
  END IF;
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
        -- Blocks of 8 runs of 255 characters (the longest repetition a pattern may count).
        SELECT array_agg(block ORDER BY g) INTO blocks
        FROM (
          SELECT (n - 1) / 8 AS g, string_agg(m[1], '' ORDER BY n) AS block
          FROM regexp_matches(trimmed, '(.{1,255})', 'g') WITH ORDINALITY AS t(m, n)
          GROUP BY 1
        ) AS b;
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
            block_at := (chunk_start - p_start) / block_size;
            texts := texts || substr(coalesce(blocks[block_at + 1], '') || coalesce(blocks[block_at + 2], ''), chunk_start - p_start - block_at * block_size + 1, chunk_end - chunk_start);
            chunk_start := cursor_at;
          END IF;
          -- One sentence longer than a passage: cut it at the last space that fits.
          WHILE s_finish - chunk_start > max_length LOOP
            block_at := (chunk_start - p_start) / block_size;
            head := substr(coalesce(blocks[block_at + 1], '') || coalesce(blocks[block_at + 2], ''), chunk_start - p_start - block_at * block_size + 1, max_length + 1);
            -- At the last space that follows a visible character, so no passage ends in spaces.
            cut := length(substring(head FROM '^.*' || visible || ws)) - 1;
            IF cut IS NULL OR cut < 1 THEN cut := max_length; END IF;
            starts := starts || chunk_start;
            ends := ends || (chunk_start + cut);
            texts := texts || substr(head, 1, cut);
            chunk_start := chunk_start + cut;
            -- The whitespace after the cut, a window at a time (a run may be long).
            LOOP
              block_at := (chunk_start - p_start) / block_size;
              window_text := substr(coalesce(blocks[block_at + 1], '') || coalesce(blocks[block_at + 2], ''), chunk_start - p_start - block_at * block_size + 1, 1024);
              skipped := coalesce(length(substring(window_text FROM '^' || ws || '+')), 0);
              chunk_start := chunk_start + skipped;
              EXIT WHEN skipped < 1024;
            END LOOP;
          END LOOP;
          chunk_end := s_finish;
          cursor_at := s_finish + coalesce(gap_lengths[j], 0);
        END LOOP;
        IF chunk_end > chunk_start THEN
          starts := starts || chunk_start;
          ends := ends || chunk_end;
          block_at := (chunk_start - p_start) / block_size;
          texts := texts || substr(coalesce(blocks[block_at + 1], '') || coalesce(blocks[block_at + 2], ''), chunk_start - p_start - block_at * block_size + 1, chunk_end - chunk_start);
        END IF;
      END IF;
    END IF;
    offset_at := offset_at + length(para) + coalesce(break_lengths[i], 0);
  END LOOP;

  -- Pieces are cut from their paragraph, not from the body: substr() on a long multibyte text
  -- walks it from the start every time.
  IF body ~ astral THEN
    FOR k IN 1 .. coalesce(array_length(starts, 1), 0) LOOP
      here := regexp_count(texts[k], astral);
      passage_start := starts[k] + shift;
      passage_end := ends[k] + shift + here;
      passage_text := texts[k];
      RETURN NEXT;
      shift := shift + here;
    END LOOP;
  ELSE
    RETURN QUERY SELECT s, e, t FROM unnest(starts, ends, texts) AS u(s, e, t);
  END IF;
END;
$$;
