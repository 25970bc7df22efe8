"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/schemas/auth";
import { Button } from "../button";
import { ConfirmButton } from "../confirm-button";
import { Field, inputClass } from "../forms/field";
import { useMutation } from "../use-mutation";

const ERROR = "text-sm text-red-700 dark:text-red-400";
const DONE = "text-sm text-emerald-800 dark:text-emerald-300";

/** Your name as others see it beside your comments and changes. */
export function ChangeNameForm({ name: current }: { name: string }) {
  const router = useRouter();
  const [name, setName] = useState(current);
  const [done, setDone] = useState(false);
  const mutation = useMutation();
  async function save(event: React.FormEvent) {
    event.preventDefault();
    setDone(false);
    const result = await mutation.run("/api/auth/update-user", { method: "POST", body: { name: name.trim() } });
    if (!result?.ok) return;
    setDone(true);
    router.refresh();
  }
  return (
    <form onSubmit={save} className="flex flex-wrap items-end gap-3" data-testid="change-name">
      <div className="min-w-56 flex-1">
        <Field id="account-name" label="Name">
          <input id="account-name" required maxLength={100} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
      </div>
      <Button type="submit" variant="secondary" busy={mutation.busy} busyLabel="Saving…">
        Save name
      </Button>
      {mutation.error ? <p role="alert" className={`w-full ${ERROR}`}>{mutation.error}</p> : null}
      {done ? <p role="status" className={`w-full ${DONE}`}>Saved.</p> : null}
    </form>
  );
}

/** A new password, given the current one; every other browser signed in as you is signed out. */
export function ChangePasswordForm() {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [done, setDone] = useState(false);
  const mutation = useMutation();
  async function save(event: React.FormEvent) {
    event.preventDefault();
    setDone(false);
    const result = await mutation.run("/api/auth/change-password", { method: "POST", body: { currentPassword, newPassword, revokeOtherSessions: true } });
    if (!result?.ok) return;
    setCurrent("");
    setNew("");
    setDone(true);
  }
  return (
    <form onSubmit={save} className="space-y-3" data-testid="change-password">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="current-password" label="Current password">
          <input id="current-password" type="password" autoComplete="current-password" required className={inputClass} value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field id="new-password" label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
          <input id="new-password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} maxLength={MAX_PASSWORD_LENGTH} className={inputClass} value={newPassword} onChange={(e) => setNew(e.target.value)} />
        </Field>
      </div>
      <Button type="submit" variant="secondary" busy={mutation.busy} busyLabel="Changing…">
        Change password
      </Button>
      {mutation.error ? <p role="alert" className={ERROR}>{mutation.error}</p> : null}
      {done ? <p role="status" className={DONE}>Password changed; your other browsers were signed out.</p> : null}
    </form>
  );
}

/** Ends every session of yours, this one included (API tokens are revoked one by one, below). */
export function SignOutEverywhere() {
  const mutation = useMutation();
  async function signOut() {
    const result = await mutation.run("/api/auth/revoke-sessions", { method: "POST", body: {} });
    if (result?.ok) window.location.assign("/sign-in");
  }
  return (
    <div className="space-y-2">
      <ConfirmButton label="Sign out everywhere…" confirmLabel="Sign out everywhere" question="Sign out of every browser, this one too?" busy={mutation.busy} testId="sign-out-everywhere" onConfirm={signOut} />
      {mutation.error ? <p role="alert" className={ERROR}>{mutation.error}</p> : null}
    </div>
  );
}

/** The owner's deleted workspaces, restorable until they are purged. */
export function DeletedWorkspaces({ workspaces }: { workspaces: { slug: string; title: string; deletedAt: string; purgeAfter: string }[] }) {
  const router = useRouter();
  const mutation = useMutation();
  async function restore(slug: string) {
    const result = await mutation.run(`/api/workspaces/${slug}/restore`, { method: "POST", body: {} });
    if (result?.ok) router.push(`/w/${slug}`);
  }
  return (
    <div className="space-y-2">
      {mutation.error ? <p role="alert" className={ERROR}>{mutation.error}</p> : null}
      <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="deleted-workspaces">
        {workspaces.map((w) => (
          <li key={w.slug} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-medium">{w.title}</span>
              <span className="block text-sm text-slate-500">
                deleted {w.deletedAt.slice(0, 10)} · removed for good after {w.purgeAfter.slice(0, 10)}
              </span>
            </span>
            <Button variant="secondary" size="xs" busy={mutation.busy} busyLabel="Restoring…" onClick={() => restore(w.slug)} data-testid={`restore-${w.slug}`}>
              Restore
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Deleting the account, behind a dialog that asks for the email typed out. What happens to the
 * person's contributions is said before they confirm.
 */
export function DeleteAccount({ email }: { email: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const mutation = useMutation();
  async function remove(event: React.FormEvent) {
    event.preventDefault();
    const result = await mutation.run("/api/account", { method: "DELETE", body: { confirm: typed } });
    if (result?.ok) window.location.assign("/");
  }
  return (
    <div className="space-y-3">
      <Button variant="danger" onClick={() => dialog.current?.showModal()} data-testid="delete-account">
        Delete my account…
      </Button>
      <dialog ref={dialog} aria-labelledby="delete-account-heading" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100" onClose={() => setTyped("")}>
        <form onSubmit={remove} className="space-y-4 p-5">
          <h3 id="delete-account-heading" className="text-lg font-semibold">Delete your account?</h3>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            You leave every workspace and cannot sign in again. The claims, passages and evidence you added stay in the maps without your name; your comments stay, shown as by “Former member”; your votes are withdrawn; your API tokens stop working.
          </p>
          <Field id="delete-account-confirm" label={`Type your email to confirm: ${email}`}>
            <input id="delete-account-confirm" autoComplete="off" className={inputClass} value={typed} onChange={(e) => setTyped(e.target.value)} />
          </Field>
          {mutation.error ? <p role="alert" className={ERROR}>{mutation.error}</p> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="quiet" onClick={() => dialog.current?.close()}>
              Keep it
            </Button>
            <Button type="submit" variant="danger" disabled={typed.trim().toLowerCase() !== email.toLowerCase()} busy={mutation.busy} busyLabel="Deleting…">
              Delete my account
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
