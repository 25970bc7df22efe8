"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TRole } from "@/lib/domain/types";
import { ROLE_TEXT } from "@/lib/domain/visibility";
import { ConfirmButton } from "../confirm-button";
import { inputClass } from "../forms/field";
import { useMutation } from "../use-mutation";
import { FormError } from "../evidence/evidence-fields";

export interface TMemberView {
  user: { id: string; name: string; email: string };
  role: TRole;
  joinedAt: string;
}

const ROLES = Object.keys(ROLE_TEXT) as TRole[];

/**
 * The members, for an owner: each one's role can be changed and each one removed (with a
 * confirmation); a change takes effect at once, even on pages they have open.
 */
export function MemberList({ slug, members, viewerId }: { slug: string; members: TMemberView[]; viewerId: string }) {
  const router = useRouter();
  const mutation = useMutation();
  const [pending, setPending] = useState<string | null>(null);

  async function change(userId: string, init: { method: "PATCH" | "DELETE"; body?: unknown }) {
    setPending(userId);
    const result = await mutation.run(`/api/workspaces/${slug}/members/${userId}`, init);
    setPending(null);
    if (result?.ok) router.refresh();
  }

  return (
    <div className="space-y-3">
      <FormError message={mutation.error} />
      <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="members">
        {members.map((m) => (
          <li key={m.user.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3" data-testid="member">
            <span className="min-w-0">
              <span className="font-medium">{m.user.name}</span>
              {m.user.id === viewerId ? <span className="text-sm text-slate-500"> (you)</span> : null}
              <span className="block truncate text-sm text-slate-500">{m.user.email}</span>
            </span>
            <span className="flex flex-wrap items-center gap-2">
              <label className="sr-only" htmlFor={`role-${m.user.id}`}>
                Role of {m.user.name}
              </label>
              <select
                id={`role-${m.user.id}`}
                className={`${inputClass} w-auto py-1 text-sm`}
                value={m.role}
                disabled={pending === m.user.id}
                onChange={(e) => change(m.user.id, { method: "PATCH", body: { role: e.target.value } })}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_TEXT[role].label}
                  </option>
                ))}
              </select>
              {m.user.id === viewerId ? null : (
                <ConfirmButton
                  label="Remove"
                  confirmLabel="Remove"
                  question={`Remove ${m.user.name}? Their access ends at once; what they wrote stays.`}
                  busy={pending === m.user.id}
                  testId={`remove-${m.user.id}`}
                  onConfirm={() => change(m.user.id, { method: "DELETE" })}
                />
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
