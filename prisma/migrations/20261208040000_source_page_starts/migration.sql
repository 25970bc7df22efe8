-- Where each printed page starts in a source's text (UTF-16 offsets), so a quote from a PDF can be
-- cited by page. Empty for texts without pages: every existing source, pasted text, web pages.
ALTER TABLE "Source" ADD COLUMN "pageStarts" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];
