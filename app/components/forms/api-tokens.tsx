"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_NAME_LENGTH, type TTokenScope } from "@/lib/schemas/tokens";
import { Button } from "../button";
import { useMutation } from "../use-mutation";
import { Field, inputClass } from "./field";

interface TToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  scope: string;
}

const SCOPE_TEXT: Record<TTokenScope, string> = { read: "Read — fetch maps and exports", write: "Write — also change what you may change" };

/** Lists the signed-in person's API tokens, makes new ones (shown once) and revokes them. */
export function ApiTokens({ tokens }: { tokens: TToken[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<TTokenScope>("read");
  const [days, setDays] = useState(DEFAULT_TOKEN_DAYS);
  const [secret, setSecret] = useState<string | null>(null);
  const creating = useMutation();
  // Tokens are not versioned: a revoke needs no version.
  const revoking = useMutation();
  const error = creating.error ?? revoking.error;

  async function create(event: React.FormEvent) {
    event.preventDefault();
    revoking.reset();
    const created = await creating.run<{ token: string }>("/api/tokens", { method: "POST", body: { name, scope, expiresInDays: days } });
    if (!created?.ok) return;
    setSecret(created.data.token);
    setName("");
    router.refresh();
  }

  async function revoke(id: string) {
    creating.reset();
    const result = await revoking.run(`/api/tokens/${id}`, { method: "DELETE" });
    if (result?.ok) router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Field id="token-name" label="Name" hint="What will use it, e.g. “import script”.">
            <input id="token-name" required maxLength={MAX_TOKEN_NAME_LENGTH} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
        </div>
        <Field id="token-scope" label="May">
          <select id="token-scope" className={inputClass} value={scope} onChange={(e) => setScope(e.target.value as TTokenScope)}>
            {(Object.keys(SCOPE_TEXT) as TTokenScope[]).map((value) => (
              <option key={value} value={value}>
                {SCOPE_TEXT[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="token-days" label="Works for">
          <select id="token-days" className={inputClass} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            <option value={7}>7 days</option>
            <option value={30}>30 days</option>
            <option value={90}>90 days</option>
            <option value={365}>a year</option>
          </select>
        </Field>
        <Button type="submit" busy={creating.busy} busyLabel="Creating…">
          Create token
        </Button>
      </form>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
      {secret ? (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950/40">
          <p className="text-sm font-medium">Copy the token now — it is not shown again. Send it as <code>Authorization: Bearer …</code>.</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-white px-2 py-1 text-sm dark:bg-slate-900">{secret}</code>
        </div>
      ) : null}
      {tokens.length ? (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="token-list">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{t.name}</span>{" "}
                <span className="text-sm text-slate-500">
                  {t.scope === "read" ? "read only" : "read and write"} · created {t.createdAt.slice(0, 10)} · {t.expiresAt ? `expires ${t.expiresAt.slice(0, 10)}` : "never expires"} ·{" "}
                  {t.lastUsedAt ? `last used ${t.lastUsedAt.slice(0, 16).replace("T", " ")} UTC` : "never used"}
                </span>
              </span>
              <button type="button" onClick={() => revoke(t.id)} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:border-red-500 hover:text-red-700 dark:border-slate-700">
                Revoke
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No tokens yet.</p>
      )}
    </div>
  );
}
