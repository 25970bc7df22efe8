"use client";
import { Handle, Position, useReactFlow, useStoreApi, type Node, type NodeProps } from "@xyflow/react";
import { Link } from "@/app/components/app-link";
import { useRouter } from "next/navigation";
import { memo, type CSSProperties, type FocusEvent, type KeyboardEvent, type ReactNode } from "react";
import type { TPositionStance } from "@/lib/domain/types";
import { AuthorDot } from "../author-badge";
import { POSITION_CHIP_CLASS, STANCE_ICON, STANCE_LABEL } from "../stance";
import type { TAuthorGroupData, TClaimNodeData, TExcerptNodeData, TPositionNodeData } from "./graph-elements";

/**
 * The graph's node components. Each node is a card holding one link (to the claim page, or to
 * the passage in its source) that covers the whole card, so a node is reached with Tab, opened
 * with a click, Enter or Space, and announced by its label ("Claim: …", "Excerpt by Katz,
 * supports …"). The link's own text (the claim, the quote) is part of that label; the rest of
 * the card repeats the label's facts for the eye and is hidden from screen readers.
 *
 * Far out (the canvas marks itself `data-far` below a zoom where text could not be read anyway)
 * a card drops its text and becomes a plain coloured block: a thousand cards of text cost far
 * more to paint on every frame of a pan than a thousand blocks.
 */

const HANDLE = "!min-h-0 !min-w-0 !size-1 !border-0 !bg-transparent";

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className={HANDLE} />
      <Handle type="source" position={Position.Right} isConnectable={false} className={HANDLE} />
    </>
  );
}

/** Hidden when the canvas is zoomed far out. */
const NEAR_ONLY = "group-data-[far=true]/canvas:hidden";

/**
 * The card and its link. Space opens the link too (as for a button). A keyboard user who tabs to
 * a node outside the visible part of the canvas, or too small to read, gets it brought into view.
 * (xyflow turns pointer events off on nodes that cannot be selected or dragged; the card turns
 * them back on.)
 */
function NodeCard({
  id,
  href,
  label,
  testId,
  data,
  farColour,
  accent,
  className,
  before,
  after,
  children,
}: {
  id: string;
  href: string;
  label: string;
  testId: string;
  data: Record<string, string>;
  farColour: string;
  accent?: string;
  className: string;
  before?: ReactNode;
  after?: ReactNode;
  children: ReactNode;
}) {
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
    if (!inside || zoom < 0.6) void flow.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(zoom, 0.8) });
  };
  const style = { "--far": farColour, ...(accent ? { borderLeftColor: accent } : {}) } as CSSProperties;
  return (
    <div
      style={style}
      className={`pointer-events-auto relative size-full overflow-hidden rounded-lg border bg-white shadow-sm transition-shadow hover:shadow-md has-[a:focus-visible]:outline-3 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-sky-600 dark:bg-slate-900 group-data-[far=true]/canvas:rounded-none group-data-[far=true]/canvas:bg-(--far) group-data-[far=true]/canvas:shadow-none group-data-[far=true]/canvas:transition-none ${className}`}
    >
      {before && (
        <div aria-hidden="true" className={NEAR_ONLY}>
          {before}
        </div>
      )}
      <Link
        href={href}
        draggable={false}
        aria-label={label}
        title={label}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        data-testid={testId}
        {...data}
        className="min-h-0 outline-none after:absolute after:inset-0 after:content-[''] group-data-[far=true]/canvas:absolute group-data-[far=true]/canvas:inset-0"
      >
        <span className={NEAR_ONLY}>{children}</span>
      </Link>
      {after && (
        <div aria-hidden="true" className={NEAR_ONLY}>
          {after}
        </div>
      )}
    </div>
  );
}

const CLAIM_COUNTS: TPositionStance[] = ["SUPPORTS", "OPPOSES", "MIXED", "QUALIFIES"];

export const ClaimNode = memo(function ClaimNode({ id, data }: NodeProps<Node<TClaimNodeData, "claim">>) {
  const { claim } = data;
  return (
    <>
      <Handles />
      <NodeCard
        id={id}
        href={data.href}
        label={data.label}
        testId="graph-claim"
        data={{ "data-claim-id": claim.claimId }}
        farColour="#475569"
        className="flex flex-col justify-between border-slate-300 px-2.5 py-1.5 dark:border-slate-600"
        after={
          <p className="flex h-4 shrink-0 items-center gap-1 text-[11px] leading-none">
            {CLAIM_COUNTS.filter((s) => claim.stances[s] > 0).map((s) => (
              <span key={s} className={`inline-flex h-4 items-center gap-0.5 rounded-full border px-1 font-semibold ${POSITION_CHIP_CLASS[s]}`}>
                {STANCE_ICON[s]} {claim.stances[s]}
              </span>
            ))}
            {claim.stances.SILENT > 0 && <span className="text-slate-500 dark:text-slate-400">{claim.stances.SILENT} silent</span>}
            {claim.controversy.split && <span className="ml-auto font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">Split</span>}
          </p>
        }
      >
        <span className="line-clamp-3 text-base leading-5 font-semibold text-slate-900 dark:text-slate-50">{claim.text}</span>
      </NodeCard>
    </>
  );
});

export const ExcerptNode = memo(function ExcerptNode({ id, data }: NodeProps<Node<TExcerptNodeData, "excerpt">>) {
  const { excerpt, author, links } = data;
  return (
    <>
      <Handles />
      <NodeCard
        id={id}
        href={data.href}
        label={data.label}
        testId="graph-excerpt"
        data={{ "data-excerpt-id": excerpt.excerptId, "data-author-id": excerpt.authorId }}
        farColour={author.accent}
        accent={author.accent}
        className="flex flex-col gap-0.5 border-slate-200 border-l-4 px-2 py-1.5 dark:border-slate-700"
        before={
          <p className="flex items-center gap-1.5 text-xs leading-4 font-semibold text-slate-700 dark:text-slate-200">
            <AuthorDot accent={author.accent} />
            <span className="truncate">{author.shortName}</span>
            <span className="ml-auto flex shrink-0 gap-0.5">
              {links.map((link, i) => (
                <span
                  key={i}
                  title={`${STANCE_LABEL[link.stance]}${link.voice === "REPORTED" ? " (reported)" : ""}: ${link.claimText}`}
                  data-stance={link.stance}
                  data-voice={link.voice}
                  className={`inline-flex size-4 items-center justify-center rounded-full border text-[10px] leading-none font-bold ${link.voice === "REPORTED" ? "border-dashed border-slate-500 bg-white text-slate-700 dark:bg-slate-900 dark:text-slate-200" : POSITION_CHIP_CLASS[link.stance]}`}
                >
                  {STANCE_ICON[link.stance]}
                </span>
              ))}
            </span>
          </p>
        }
      >
        <span className="line-clamp-2 font-serif text-xs leading-[0.95rem] text-slate-800 dark:text-slate-200">“{excerpt.exact}”</span>
      </NodeCard>
    </>
  );
});

export const PositionNode = memo(function PositionNode({ id, data }: NodeProps<Node<TPositionNodeData, "position">>) {
  const { position, author } = data;
  return (
    <>
      <Handles />
      <NodeCard
        id={id}
        href={data.href}
        label={data.label}
        testId="graph-position"
        data={{ "data-author-id": author.id, "data-claim-id": position.claimId }}
        farColour={author.accent}
        accent={author.accent}
        className="flex flex-col justify-center gap-1 border-slate-200 border-l-4 px-2.5 py-1.5 dark:border-slate-700"
        before={
          <p className="flex items-center gap-1.5 text-xs font-semibold text-slate-700 dark:text-slate-200">
            <AuthorDot accent={author.accent} />
            <span className="truncate">{author.shortName}</span>
            <span className={`ml-auto inline-flex items-center gap-1 rounded-full border px-1.5 text-[11px] font-semibold leading-4 ${POSITION_CHIP_CLASS[position.stance]}`}>
              {STANCE_ICON[position.stance]} {STANCE_LABEL[position.stance]}
            </span>
          </p>
        }
      >
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {position.evidenceCount} {position.evidenceCount === 1 ? "passage" : "passages"}
        </span>
      </NodeCard>
    </>
  );
});

/** An author's box: their name, date and accent above the grid of their passages. */
export const AuthorGroupNode = memo(function AuthorGroupNode({ data }: NodeProps<Node<TAuthorGroupData, "author">>) {
  const { author } = data;
  return (
    <div data-testid="graph-author" className="size-full rounded-xl border-2 bg-slate-50/60 dark:bg-slate-900/40" style={{ borderColor: `${author.accent}99` }}>
      <p className="flex items-baseline gap-2 px-3 pt-1.5 text-sm font-semibold text-slate-800 dark:text-slate-100">
        <AuthorDot accent={author.accent} className="size-3 self-center" />
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
