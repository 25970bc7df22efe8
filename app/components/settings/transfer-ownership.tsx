"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "../confirm-button";
import { Field, inputClass } from "../forms/field";
import { useMutation } from "../use-mutation";
import { FormError } from "../evidence/evidence-fields";

/** Hands the workspace to another member: they become owner, you an editor. */
export function TransferOwnership({ slug, candidates }: { slug: string; candidates: { id: string; name: string }[] }) {
  const router = useRouter();
  const [userId, setUserId] = useState(candidates[0]?.id ?? "");
  const mutation = useMutation();
  if (candidates.length === 0) return <p className="text-sm text-slate-500">Invite a colleague first; you can then hand the workspace to them.</p>;
  const name = candidates.find((c) => c.id === userId)?.name ?? "them";

  async function transfer() {
    const result = await mutation.run(`/api/workspaces/${slug}/transfer`, { method: "POST", body: { userId } });
    if (result?.ok) router.refresh();
  }

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1">
        <Field id="transfer-to" label="New owner">
          <select id="transfer-to" className={inputClass} value={userId} onChange={(e) => setUserId(e.target.value)}>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ConfirmButton label="Hand over ownership…" confirmLabel="Hand over" question={`Make ${name} the owner? You become an editor.`} busy={mutation.busy} testId="transfer" onConfirm={transfer} />
      <FormError message={mutation.error} />
    </div>
  );
}
