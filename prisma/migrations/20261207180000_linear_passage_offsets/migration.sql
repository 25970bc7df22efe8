-- Passage offsets in texts with characters beyond the BMP (emoji), in linear time. Offsets are
-- UTF-16 code units, so each such character before a passage shifts it by one. They were counted
-- with regexp_count(left(body, start)) per passage, which reads the text from its start every
-- time: a 2 MB text with one emoji and 700,000 short paragraphs took longer than a minute. Every
-- character that is not whitespace lies in some passage (the gaps between passages are
-- whitespace), so a running count over the passages' own texts gives the same shifts.
CREATE OR REPLACE FUNCTION "stancemap_split_passages"(body TEXT, max_length INTEGER DEFAULT 700)
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
  shift INTEGER := 0;
  here INTEGER;
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
