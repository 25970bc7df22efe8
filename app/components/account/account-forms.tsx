"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
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
