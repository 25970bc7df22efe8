"use client";
import { Fragment, type ReactNode } from "react";
import type { TMarkdownBlock, TMarkdownInline } from "./markdown-blocks";
import type { TRun } from "./reader-types";
import type { TParagraph } from "./segments";

interface TMarkdownBodyProps {
  blocks: TMarkdownBlock[];
  /** The runs of each leaf, by the leaf's start offset. */
  runs: Map<number, TParagraph<TRun>>;
  /** Draws one run of a leaf (with its highlights), as the plain-text reader does. */
  renderRun: (segment: TParagraph<TRun>["segments"][number]) => ReactNode;
}

const HEADING_CLASS: Record<number, string> = {
  1: "mt-10 mb-4 font-serif text-2xl font-bold leading-snug sm:text-3xl",
  2: "mt-10 mb-4 font-serif text-xl font-bold leading-snug sm:text-2xl",
  3: "mt-8 mb-3 font-serif text-lg font-semibold leading-snug sm:text-xl",
};

/**
 * A Markdown source drawn rendered: headings, paragraphs, lists, quotations, code and emphasis,
 * links as text (user text is never a live link or HTML). Every word drawn is a run of the stored
 * text carrying its offset, so selections and highlights work as in plain text.
 */
export function MarkdownBody({ blocks, runs, renderRun }: TMarkdownBodyProps) {
  const inline = (nodes: readonly TMarkdownInline[]): ReactNode =>
    nodes.map((node) => {
      if (node.kind === "leaf") {
        const leaf = runs.get(node.span.start);
        return <Fragment key={node.span.start}>{leaf?.segments.map((segment) => <Fragment key={segment.start}>{renderRun(segment)}</Fragment>)}</Fragment>;
      }
      if (node.kind === "break") return <br key={`br-${node.key}`} />;
      const children = inline(node.children);
      switch (node.kind) {
        case "strong":
          return <strong key={`s-${node.key}`}>{children}</strong>;
        case "emphasis":
          return <em key={`e-${node.key}`}>{children}</em>;
        case "delete":
          return <del key={`d-${node.key}`}>{children}</del>;
        case "code":
          return (
            <code key={`c-${node.key}`} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">
              {children}
            </code>
          );
        case "link":
          return (
            <span key={`l-${node.key}`} data-markdown-link="" className="underline decoration-slate-400 decoration-1 underline-offset-2">
              {children}
            </span>
          );
      }
    });

  const block = (node: TMarkdownBlock): ReactNode => {
    switch (node.kind) {
      case "heading": {
        const Tag = (["h2", "h2", "h3", "h4", "h5", "h6"] as const)[node.depth - 1] ?? "h6";
        return (
          <Tag key={node.key} className={HEADING_CLASS[node.depth] ?? "mt-6 mb-2 font-serif text-lg font-semibold"}>
            {inline(node.children)}
          </Tag>
        );
      }
      case "paragraph":
        return (
          <p key={node.key} className="mb-6 break-words">
            {inline(node.children)}
          </p>
        );
      case "list": {
        const items = node.items.map((item, i) => (
          <li key={i} className="mb-2 pl-1 [&>p]:mb-2">
            {item.map(block)}
          </li>
        ));
        return node.ordered ? (
          <ol key={node.key} start={node.first ?? undefined} className="mb-6 list-decimal pl-8">
            {items}
          </ol>
        ) : (
          <ul key={node.key} className="mb-6 list-disc pl-8">
            {items}
          </ul>
        );
      }
      case "blockquote":
        return (
          <blockquote key={node.key} className="mb-6 border-l-4 border-slate-300 pl-4 text-slate-700 italic dark:border-slate-600 dark:text-slate-300">
            {node.children.map(block)}
          </blockquote>
        );
      case "code":
        return (
          <pre key={node.key} className="mb-6 overflow-x-auto rounded-md bg-slate-100 p-4 font-mono text-sm leading-6 dark:bg-slate-800">
            {inline(node.children)}
          </pre>
        );
      case "rule":
        return <hr key={node.key} className="my-8 border-slate-300 dark:border-slate-700" />;
    }
  };

  return <>{blocks.map(block)}</>;
}
