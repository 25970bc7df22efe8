import { Button } from "../button";

/** Which claim the timeline shows: a plain GET form, so it works without JavaScript and by keyboard. */
export function TimelineClaimPicker({ slug, claims, current }: { slug: string; claims: { id: string; text: string }[]; current: string | null }) {
  return (
    <form method="get" action={`/w/${slug}/timeline`} data-testid="timeline-picker" className="no-print flex flex-wrap items-end gap-2">
      <label className="flex min-w-0 flex-col gap-1 text-sm font-semibold text-slate-700 dark:text-slate-300">
        Claim
        <select
          name="claim"
          defaultValue={current ?? ""}
          className="w-full max-w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal text-slate-900 sm:w-[36rem] dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          <option value="">All claims</option>
          {claims.map((claim) => (
            <option key={claim.id} value={claim.id}>
              {claim.text.length > 90 ? `${claim.text.slice(0, 89)}…` : claim.text}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" size="sm">
        Show
      </Button>
    </form>
  );
}
