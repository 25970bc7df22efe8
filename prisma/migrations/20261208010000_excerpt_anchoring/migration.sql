-- How each excerpt's quote was placed in its source's text: verbatim, after normalising
-- (whitespace, quotation marks, dashes, hyphenation), or approximately with a score, so a reader
-- can mark an approximate placement. Existing excerpts were all placed verbatim.
CREATE TYPE "AnchorMethod" AS ENUM ('exact', 'normalised', 'fuzzy');

ALTER TABLE "Excerpt"
  ADD COLUMN "anchorMethod" "AnchorMethod" NOT NULL DEFAULT 'exact',
  ADD COLUMN "anchorScore" DOUBLE PRECISION NOT NULL DEFAULT 1;
