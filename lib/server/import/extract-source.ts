import "server-only";
import { MAX_SOURCE_TEXT_BYTES, ZExtractHtmlSchema } from "../../schemas/sources";
import { readJson } from "../request";
import { fetchPage } from "./fetch-page";
import { readArticle } from "./read-article";
import { readSourceFile, type TExtractedSource } from "./read-source-file";
import { isMultipart, readUpload } from "./read-upload";

/** What an address gives, read as a source: the page's article or the PDF's text, with its metadata. */
export async function readSourceAtUrl(url: string): Promise<TExtractedSource & { url: string; fileName: string }> {
  const page = await fetchPage(url);
  const extracted = await readSourceFile({ name: page.fileName, type: page.contentType, bytes: page.bytes });
  return { ...extracted, url: page.url, fileName: page.fileName };
}

/**
 * What `POST /api/sources/extract` previews: a file (multipart `file`), an address (`{ url }`) or
 * a page's HTML (`{ html }`) read as a source, nothing saved. The answer's fields are those the
 * API names: `{ text, title, author, published, siteName, pages }`.
 */
export async function extractSource(request: Request): Promise<TExtractedSource> {
  if (isMultipart(request)) return readSourceFile((await readUpload(request)).file);
  const body = await readJson(request, ZExtractHtmlSchema, MAX_SOURCE_TEXT_BYTES * 4);
  if ("url" in body) {
    const { text, title, author, published, siteName, pages } = await readSourceAtUrl(body.url);
    return { text, title, author, published, siteName, pages };
  }
  const page = await readArticle(body.html);
  return { text: page.text, title: page.title, author: page.author, published: page.published, siteName: page.siteName, pages: null };
}
