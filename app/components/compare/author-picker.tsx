import { labelPublished } from "@/lib/domain/dates";
import type { TMatrixAuthor } from "@/lib/domain/matrix";
import { AuthorDot, FALLBACK_ACCENT } from "../author-badge";
import { Button } from "../button";

/**
 * Which authors to compare: a plain GET form (`?authors=…` repeated), so it works without
 * JavaScript and by keyboard — Tab to an author, Space to tick, Enter to compare.
 */
export function AuthorPicker({ slug, authors, chosen, accents }: { slug: string; authors: TMatrixAuthor[]; chosen: readonly string[]; accents: Map<string, string> }) {
  return (
    <form method="get" action={`/w/${slug}/compare`} data-testid="author-picker" className="no-print rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <fieldset>
        <legend className="mb-3 text-sm font-semibold text-slate-700 dark:text-slate-300">Choose two or more authors</legend>
        <ul className="flex flex-wrap gap-2">
          {authors.map((author) => (
            <li key={author.id}>
              <label
                title={author.name}
                className="flex cursor-pointer items-center gap-2 rounded-full border border-slate-300 py-1.5 pr-3.5 pl-2.5 text-sm focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-sky-600 hover:bg-slate-50 has-checked:border-slate-900 has-checked:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-900 dark:has-checked:border-slate-200 dark:has-checked:bg-slate-800"
              >
                <input
                  type="checkbox"
                  name="authors"
                  value={author.id}
                  defaultChecked={chosen.includes(author.id)}
                  data-testid="author-option"
                  className="size-4 accent-slate-900 focus-visible:outline-none dark:accent-slate-100"
                />
                <AuthorDot accent={accents.get(author.id) ?? FALLBACK_ACCENT} />
                <span className="font-semibold text-slate-800 dark:text-slate-200">{author.shortName}</span>
                {author.published && (
                  <time dateTime={author.published} className="text-xs tabular-nums text-slate-600 dark:text-slate-400">
                    {labelPublished(author.published)}
                  </time>
                )}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Button type="submit" className="mt-4">
        Compare
      </Button>
    </form>
  );
}
