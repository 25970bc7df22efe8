"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { MAX_INVITE_USES } from "@/lib/schemas/workspaces";
import { Button } from "../button";
import { useMutation } from "../use-mutation";
import { Field, fieldErrors, inputClass } from "./field";

const ROLE_LABEL = { EDITOR: "Editor — adds and edits evidence and claims", COMMENTER: "Commenter — reads and discusses", VIEWER: "Viewer — reads only" } as const;

/** Owners make an invite link with a role, an expiry and a use limit, then copy it. */
export function InviteForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [role, setRole] = useState<keyof typeof ROLE_LABEL>("EDITOR");
  const [hours, setHours] = useState(24 * 7);
  const [maxUses, setMaxUses] = useState(40);
  const [domain, setDomain] = useState("");
  const [link, setLink] = useState<string | null>(null);
  const mutation = useMutation();
  const [copied, setCopied] = useState(false);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const invite = await mutation.run<{ path: string }>(`/api/workspaces/${slug}/invites`, { method: "POST", body: { role, expiresInHours: hours, maxUses, emailDomain: domain.trim() || null } });
    if (!invite?.ok) return;
    setLink(window.location.origin + invite.data.path);
    setCopied(false);
    router.refresh();
  }

  return (
    <form onSubmit={create} className="space-y-4" data-testid="invite-form">
      <Field id="invite-role" label="Role">
        <select id="invite-role" className={inputClass} value={role} onChange={(e) => setRole(e.target.value as keyof typeof ROLE_LABEL)}>
          {Object.entries(ROLE_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="invite-expiry" label="Works for">
          <select id="invite-expiry" className={inputClass} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            <option value={3}>3 hours (one seminar)</option>
            <option value={24}>1 day</option>
            <option value={24 * 7}>1 week</option>
            <option value={24 * 30}>30 days</option>
          </select>
        </Field>
        <Field id="invite-uses" label="How many people may use it">
          <input id="invite-uses" type="number" min={1} max={MAX_INVITE_USES} className={inputClass} value={maxUses} onChange={(e) => setMaxUses(Number(e.target.value))} />
        </Field>
      </div>
      <Field id="invite-domain" label="Only for email addresses at (optional)" hint="e.g. university.edu — accounts with other addresses cannot join through this link." error={fieldErrors(mutation.failure).emailDomain}>
        <input id="invite-domain" className={inputClass} value={domain} placeholder="university.edu" onChange={(e) => setDomain(e.target.value)} />
      </Field>
      {mutation.error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{mutation.error}</p> : null}
      <Button type="submit" busy={mutation.busy} busyLabel="Creating…">
        Create invite link
      </Button>
      {link ? (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950/40">
          <p className="text-sm font-medium">Share this link (it is shown only once):</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="invite-link" className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 text-sm dark:bg-slate-900">
              {link}
            </code>
            <button
              type="button"
              className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-700"
              onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(true))}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
