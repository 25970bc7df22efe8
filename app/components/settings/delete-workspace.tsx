"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button, buttonClass } from "../button";
import { Field, inputClass } from "../forms/field";
import { useMutation } from "../use-mutation";
import { FormError } from "../evidence/evidence-fields";

/**
 * Deleting a workspace: the JSON export offered first, then a dialog that asks for the title typed
 * out. The workspace is kept for 30 days, restorable from the account page.
 */
export function DeleteWorkspace({ slug, title }: { slug: string; title: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const mutation = useMutation();

  async function remove(event: React.FormEvent) {
    event.preventDefault();
    const result = await mutation.run(`/api/workspaces/${slug}`, { method: "DELETE", body: { confirm: typed } });
    if (!result?.ok) return;
    dialog.current?.close();
    router.push(`/account?deleted=${encodeURIComponent(slug)}`);
  }

  return (
    <div className="space-y-3">
      <p className="text-slate-700 dark:text-slate-300">
        Keep a copy first: the complete map, with comments, as a Stancemap document that <code>/new</code> can import again.
      </p>
      <div className="flex flex-wrap gap-3">
        <a href={`/api/workspaces/${slug}/export?format=json&comments=1`} download className={buttonClass({ variant: "secondary" })} data-testid="export-before-delete">
          Download the workspace (JSON)
        </a>
        <Button variant="danger" onClick={() => dialog.current?.showModal()} data-testid="delete-workspace">
          Delete workspace…
        </Button>
      </div>
      <dialog ref={dialog} aria-labelledby="delete-heading" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100" onClose={() => setTyped("")}>
        <form onSubmit={remove} className="space-y-4 p-5">
          <h3 id="delete-heading" className="text-lg font-semibold">Delete “{title}”?</h3>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Nobody can open it any more, and open pages are told so. You can restore it from your account page for 30 days; after that it is removed for good.
          </p>
          <Field id="delete-confirm" label={`Type the title to confirm: ${title}`}>
            <input id="delete-confirm" autoComplete="off" className={inputClass} value={typed} onChange={(e) => setTyped(e.target.value)} />
          </Field>
          <FormError message={mutation.error} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="quiet" onClick={() => dialog.current?.close()}>
              Keep it
            </Button>
            <Button type="submit" variant="danger" disabled={typed.trim() !== title.trim()} busy={mutation.busy} busyLabel="Deleting…" data-testid="delete-workspace-confirm">
              Delete workspace
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
