import { Fragment } from "react";
import { splitLinks } from "@/lib/domain/links";

/**
 * A comment's words as plain text — React text nodes, never HTML — with its http(s) addresses
 * made into links that open in a new tab and pass no referrer or ranking.
 */
export function CommentText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, i) =>
        part.kind === "link" ? (
          <a
            key={i}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer nofollow ugc"
            className="break-all text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300"
          >
            {part.text}
          </a>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
