import { percentOf } from "@/lib/domain/agreement";
import type { TMatrixAuthor } from "@/lib/domain/matrix";
import { MIN_VOTERS_FOR_GROUPS, describeClosest, type TCloseAuthor } from "@/lib/domain/room";
import type { TRoom, TRoomPoint } from "@/lib/server/compare/read-room";

/** Group colours: Okabe–Ito hues that are not stance colours; each group also has its number. */
const GROUP_COLOURS = ["#E69F00", "#0072B2", "#56B4E9", "#F0E442", "#000000"];

interface TProps {
  room: TRoom;
  authors: TMatrixAuthor[];
  signedIn: boolean;
}

/**
 * The room among the authors: where the viewer's own votes place them, and the opinion groups
 * (anonymous dots; names only when the answer carries them).
 */
export function RoomPanel({ room, authors, signedIn }: TProps) {
  const nameOf = (id: string) => authors.find((a) => a.id === id)?.shortName ?? "an author";
  return (
    <section aria-labelledby="room-heading" data-testid="room" className="mt-14 border-t border-slate-200 pt-8 dark:border-slate-800">
      <h2 id="room-heading" className="text-xl font-semibold">
        The room among the authors
      </h2>
      <p className="mt-1 max-w-[68ch] text-slate-600 dark:text-slate-400">
        The room is the majority of the participants’ votes on each claim (agree as supports, disagree as opposes); it is the last row and column of the table above.
        Votes stay private: only counts and shares are shown.
      </p>
      {room.voters === 0 ? (
        <p data-testid="room-empty" className="mt-4 rounded-lg border border-dashed border-slate-300 p-4 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No votes yet — vote on a claim’s page to set the room beside the authors.
        </p>
      ) : null}
      {room.me ? (
        <div data-testid="room-me" className="mt-5 rounded-xl border-2 border-sky-600 p-4">
          <p className="text-lg font-semibold">{describeClosest(room.me.closest, nameOf)}</p>
          <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
            {authors.map((author) => {
              const value = room.me!.agreement[author.id];
              return (
                <li key={author.id}>
                  {author.shortName}: {value && value.share !== null ? `${value.agree} of ${value.n} (${percentOf(value.share)} %)` : "no shared claims"}
                </li>
              );
            })}
          </ul>
        </div>
      ) : signedIn && room.voters > 0 ? (
        <p className="mt-4 text-slate-600 dark:text-slate-400">Vote on claims to see which author your votes place you nearest.</p>
      ) : null}
      {room.groups ? (
        <OpinionGroups groups={room.groups} nameOf={nameOf} named={room.named} />
      ) : room.voters > 0 ? (
        <p data-testid="room-groups-later" className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          Opinion groups appear from {MIN_VOTERS_FOR_GROUPS} voters on ({room.voters} so far).
        </p>
      ) : null}
    </section>
  );
}

function OpinionGroups({ groups, nameOf, named }: { groups: NonNullable<TRoom["groups"]>; nameOf: (id: string) => string; named: boolean }) {
  const xs = groups.points.map((p) => p.x);
  const ys = groups.points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const width = 360;
  const height = 240;
  const pad = 28;
  const sx = (x: number) => (maxX === minX ? width / 2 : pad + ((x - minX) / (maxX - minX)) * (width - 2 * pad));
  const sy = (y: number) => (maxY === minY ? height / 2 : pad + ((y - minY) / (maxY - minY)) * (height - 2 * pad));
  const dots = stackDots(groups.points.map((p) => ({ ...p, cx: Math.round(sx(p.x)), cy: Math.round(sy(p.y)) })));
  return (
    <div data-testid="room-groups" className="mt-6 grid gap-6 md:grid-cols-[auto_1fr]">
      <figure>
        <svg viewBox={`0 0 ${width} ${height}`} className="w-full max-w-[360px] rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950" role="img" aria-labelledby="room-groups-caption">
          {dots.map((dot, i) => {
            const r = 6 + 3 * Math.sqrt(dot.count - 1);
            const colour = GROUP_COLOURS[dot.group % GROUP_COLOURS.length];
            const labelLeft = dot.cx > width / 2;
            return (
              <g key={i} data-testid="room-dot" data-group={dot.group + 1} data-count={dot.count}>
                <circle cx={dot.cx} cy={dot.cy} r={r} fill={colour} stroke={dot.mine ? "#0f172a" : "white"} strokeWidth={dot.mine ? 3 : 1.5} fillOpacity={0.85}>
                  {dot.names.length > 0 ? <title>{dot.names.join(", ")}</title> : null}
                </circle>
                {dot.count > 1 ? (
                  <text x={dot.cx} y={dot.cy + 4} textAnchor="middle" fontSize="11" fontWeight="700" fill={dot.group % GROUP_COLOURS.length === 1 || dot.group % GROUP_COLOURS.length === 4 ? "white" : "#0f172a"}>
                    {dot.count}
                  </text>
                ) : null}
                {dot.mine ? (
                  <text x={labelLeft ? dot.cx - r - 4 : dot.cx + r + 4} y={dot.cy + 4} textAnchor={labelLeft ? "end" : "start"} fontSize="12" fontWeight="700" className="fill-slate-900 dark:fill-slate-100">
                    you
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
        <figcaption id="room-groups-caption" className="mt-2 max-w-[360px] text-xs text-slate-600 dark:text-slate-400">
          Each dot is a participant’s votes (a number: that many voted exactly alike), placed by their two main directions of difference (PCA); near dots voted alike.{" "}
          {named ? "Names are shown to you as the facilitator or an owner." : "Dots are anonymous."}
        </figcaption>
      </figure>
      <ol className="flex flex-col gap-3">
        {groups.groups.map((group) => (
          <li key={group.group} data-testid="room-group" className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <p className="flex items-center gap-2 font-semibold">
              <span aria-hidden="true" className="inline-block size-3 rounded-full" style={{ backgroundColor: GROUP_COLOURS[group.group % GROUP_COLOURS.length] }} />
              Group {group.group + 1} · {group.size} {group.size === 1 ? "participant" : "participants"}
            </p>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{closestWords(group.closest, nameOf)}</p>
            {group.members ? (
              <p data-testid="room-group-members" className="mt-1 text-sm text-slate-500 dark:text-slate-400">
                {group.members.join(", ")}
              </p>
            ) : null}
          </li>
        ))}
        {groups.k === 1 ? <li className="text-sm text-slate-600 dark:text-slate-400">The votes show no distinct groups: the room is one group.</li> : null}
      </ol>
    </div>
  );
}

/** Voters who land on one place (who voted exactly alike) become one larger dot with their count. */
function stackDots(points: readonly (TRoomPoint & { cx: number; cy: number })[]) {
  const stacks = new Map<string, { cx: number; cy: number; group: number; count: number; mine: boolean; names: string[] }>();
  for (const p of points) {
    const key = `${p.cx}:${p.cy}:${p.group}`;
    const stack = stacks.get(key) ?? { cx: p.cx, cy: p.cy, group: p.group, count: 0, mine: false, names: [] };
    stack.count += 1;
    stack.mine ||= p.mine;
    if (p.name) stack.names.push(p.name);
    stacks.set(key, stack);
  }
  return [...stacks.values()];
}

function closestWords(closest: TCloseAuthor[], nameOf: (id: string) => string): string {
  if (closest.length === 0) return "Shares no claim with an author.";
  return `Closest: ${closest.map((c) => `${nameOf(c.authorId)} (${c.agree} of ${c.n})`).join(", ")}`;
}
