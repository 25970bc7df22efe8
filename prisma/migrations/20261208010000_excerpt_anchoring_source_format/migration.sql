-- How each excerpt's quote was placed in its source's text: verbatim, after normalising
-- (whitespace, quotation marks, dashes, hyphenation), or approximately with a score, so a reader
-- can mark an approximate placement. Existing excerpts were all placed verbatim.
CREATE TYPE "AnchorMethod" AS ENUM ('exact', 'normalised', 'fuzzy');

ALTER TABLE "Excerpt"
  ADD COLUMN "anchorMethod" "AnchorMethod" NOT NULL DEFAULT 'exact',
  ADD COLUMN "anchorScore" DOUBLE PRECISION NOT NULL DEFAULT 1;

-- What a source's text is written in, so the reader can draw Markdown rendered while offsets
-- stay offsets into the stored Markdown. Sources so far were stored as plain text.
CREATE TYPE "SourceFormat" AS ENUM ('text', 'markdown');

ALTER TABLE "Source" ADD COLUMN "format" "SourceFormat" NOT NULL DEFAULT 'text';
