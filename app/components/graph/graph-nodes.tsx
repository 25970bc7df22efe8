"use client";
import { Handle, Position, useReactFlow, useStoreApi, type Node, type NodeProps } from "@xyflow/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { memo, type FocusEvent, type KeyboardEvent, type ReactNode } from "react";
import type { TPositionStance } from "@/lib/domain/types";
import { POSITION_CHIP_CLASS, STANCE_ICON, STANCE_LABEL } from "../stance";
import type { TAuthorGroupData, TClaimNodeData, TExcerptNodeData, TPositionNodeData } from "./graph-elements";

/**
 * The graph's node components. Each node is one link (to the claim page, or to the passage in its
 * source), so it is reached with Tab, opened with a click, Enter or Space, and announced by its
 * label ("Claim: …", "Excerpt by Katz, supports …"). Nodes have fixed sizes and clamp their text.
 */

const HANDLE = "!min-h-0 !min-w-0 !size-1 !border-0 !bg-transparent";

function Handles({ source = true }: { source?: boolean }) {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className={HANDLE} />
      {source && <Handle type="source" position={Position.Right} isConnectable={false} className={HANDLE} />}
    </>
  );
}

/**
 * A link filling the node. Its name is its visible text with a few words for screen readers
 * around it. Space opens it too (as for a button), and a keyboard user who tabs to a node outside
 * the visible part of the canvas gets it brought into view. (xyflow turns pointer events off on
 * nodes that cannot be selected or dragged; the link turns them back on.)
 */
function NodeLink({ id, href, title, className, children, testId, extra, accent }: { id: string; href: string; title: string; className: string; children: ReactNode; testId: string; extra?: Record<string, string>; accent?: string }) {
  const router = useRouter();
  const flow = useReactFlow();
  const store = useStoreApi();
  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>) => {
    if (event.key !== " ") return;
    event.preventDefault();
    router.push(href);
  };
  const onFocus = (event: FocusEvent<HTMLAnchorElement>) => {
    if (!event.currentTarget.matches(":focus-visible")) return;
    const node = flow.getInternalNode(id);
    if (!node) return;
    const { width, height, transform } = store.getState();
    const [tx, ty, zoom] = transform;
    const { x, y } = node.internals.positionAbsolute;
    const w = node.measured.width ?? 0;
    const h = node.measured.height ?? 0;
    const inside = x * zoom + tx >= 0 && y * zoom + ty >= 0 && (x + w) * zoom + tx <= width && (y + h) * zoom + ty <= height;
    if (!inside) void flow.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(zoom, 0.8) });
  };
  return (
    <Link
      href={href}
      prefetch={false}
      draggable={false}
      title={title}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-testid={testId}
      {...extra}
      style={accent ? { borderLeftColor: accent } : undefined}
      className={`pointer-events-auto block size-full overflow-hidden rounded-lg border bg-white shadow-sm outline-offset-2 transition-shadow hover:shadow-md focus-visible:outline-3 focus-visible:outline-sky-600 dark:bg-slate-900 ${className}`}
    >
      {children}
    </Link>
  );
}

export const ClaimNode = memo(function ClaimNode({ id, data }: NodeProps<Node<TClaimNodeData, "claim">>) {
  const { claim } = data;
  const shown: TPositionStance[] = ["SUPPORTS", "OPPOSES", "MIXED", "QUALIFIES"];
  return (
    <>
      <Handles />
      <NodeLink id={id} href={data.href} title={data.label} testId="graph-claim" extra={{ "data-claim-id": claim.claimId }} className="flex flex-col justify-between border-slate-300 px-2.5 py-1.5 dark:border-slate-600">
        <p className="line-clamp-3 shrink-0 text-base leading-5 font-semibold text-slate-900 dark:text-slate-50">
          <span className="sr-only">Claim: </span>
          {claim.text}
          <span className="sr-only"> {data.summary}</span>
        </p>
        <p aria-hidden="true" className="flex h-4 shrink-0 items-center gap-1 text-[11px] leading-none">
          {shown
            .filter((s) => claim.stances[s] > 0)
            .map((s) => (
              <span key={s} className={`inline-flex h-4 items-center gap-0.5 rounded-full border px-1 font-semibold ${POSITION_CHIP_CLASS[s]}`}>
                {STANCE_ICON[s]} {claim.stances[s]}
              </span>
            ))}
          {claim.stances.SILENT > 0 && <span className="text-slate-500 dark:text-slate-400">{claim.stances.SILENT} silent</span>}
          {claim.controversy.split && <span className="ml-auto font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">Split</span>}
        </p>
      </NodeLink>
    </>
  );
});

export const ExcerptNode = memo(function ExcerptNode({ id, data }: NodeProps<Node<TExcerptNodeData, "excerpt">>) {
  const { excerpt, author, links } = data;
  return (
    <>
      <Handles />
      <NodeLink
        id={id}
        href={data.href}
        title={data.label}
        testId="graph-excerpt"
        extra={{ "data-excerpt-id": excerpt.excerptId, "data-author-id": excerpt.authorId }}
        accent={author.accent}
        className="flex flex-col gap-0.5 border-slate-200 border-l-4 px-2 py-1.5 dark:border-slate-700"
      >
        <span className="flex items-center gap-1.5 text-xs leading-4 font-semibold text-slate-700 dark:text-slate-200">
          <span aria-hidden="true" className="inline-block size-2.5 shrink-0 rounded-full" style={{ backgroundColor: author.accent }} />
          <span className="truncate">
            <span className="sr-only">Excerpt by </span>
            {author.shortName}
            <span className="sr-only">, {data.says}: </span>
          </span>
          <span aria-hidden="true" className="ml-auto flex shrink-0 gap-0.5">
            {links.map((link, i) => (
              <span
                key={i}
                title={`${STANCE_LABEL[link.stance]}${link.voice === "REPORTED" ? " (reported)" : ""}: ${link.claimText}`}
                data-stance={link.stance}
                data-voice={link.voice}
                className={`inline-flex h-4 min-w-4 items-center justify-center rounded-full border px-0.5 text-[10px] leading-none font-bold ${link.voice === "REPORTED" ? "border-dashed border-slate-500 bg-white text-slate-700 dark:bg-slate-900 dark:text-slate-200" : POSITION_CHIP_CLASS[link.stance]}`}
              >
                {STANCE_ICON[link.stance]}
                {link.voice === "REPORTED" && <span className="ml-px text-[9px] font-semibold">R</span>}
              </span>
            ))}
          </span>
        </span>
        <span className="line-clamp-2 font-serif text-xs leading-[0.95rem] text-slate-800 dark:text-slate-200">“{excerpt.exact}”</span>
      </NodeLink>
    </>
  );
});

export const PositionNode = memo(function PositionNode({ id, data }: NodeProps<Node<TPositionNodeData, "position">>) {
  const { position, author } = data;
  return (
    <>
      <Handles />
      <NodeLink id={id} href={data.href} title={data.label} testId="graph-position" accent={author.accent} className="flex flex-col justify-center gap-1 border-slate-200 border-l-4 px-2.5 py-1.5 dark:border-slate-700">
        <span className="flex items-center gap-1.5 text-xs font-semibold text-slate-700 dark:text-slate-200">
          <span aria-hidden="true" className="inline-block size-2.5 shrink-0 rounded-full" style={{ backgroundColor: author.accent }} />
          <span className="truncate">
            {author.shortName}
            <span className="sr-only"> {data.says}:</span>
          </span>
          <span className="ml-auto font-normal text-slate-500 dark:text-slate-400">
            {position.evidenceCount} {position.evidenceCount === 1 ? "passage" : "passages"}
          </span>
        </span>
        <span aria-hidden="true" className={`inline-flex items-center gap-1 self-start rounded-full border px-1.5 text-[11px] font-semibold leading-4 ${POSITION_CHIP_CLASS[position.stance]}`}>
          {STANCE_ICON[position.stance]} {STANCE_LABEL[position.stance]}
        </span>
      </NodeLink>
    </>
  );
});

/** An author's box: their name, date and accent above the grid of their passages. */
export const AuthorGroupNode = memo(function AuthorGroupNode({ data }: NodeProps<Node<TAuthorGroupData, "author">>) {
  const { author } = data;
  return (
    <div
      data-testid="graph-author"
      className="size-full rounded-xl border-2 bg-slate-50/80 dark:bg-slate-900/50"
      style={{ borderColor: `${author.accent}99` }}
    >
      <p className="flex items-baseline gap-2 px-3 pt-1.5 text-sm font-semibold text-slate-800 dark:text-slate-100">
        <span aria-hidden="true" className="inline-block size-3 shrink-0 self-center rounded-full" style={{ backgroundColor: author.accent }} />
        <span className="truncate">{author.name}</span>
        {author.published && <span className="shrink-0 text-xs font-normal tabular-nums text-slate-500 dark:text-slate-400">{author.published}</span>}
        <span className="ml-auto shrink-0 text-xs font-normal text-slate-500 dark:text-slate-400">
          {data.count} {data.noun}
        </span>
      </p>
    </div>
  );
});

export const NODE_TYPES = { claim: ClaimNode, excerpt: ExcerptNode, position: PositionNode, author: AuthorGroupNode };
