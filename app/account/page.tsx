import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiTokens } from "@/app/components/forms/api-tokens";
import { getAccount } from "@/lib/server/auth/get-account";
import { viewerOfPage } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await viewerOfPage();
  if (!viewer) redirect("/sign-in?next=%2Faccount");
  const user = await getAccount(viewer.userId);
  return (
    <main className="mx-auto max-w-2xl space-y-10 px-4 py-10">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{user.name}</h1>
        <p className="text-slate-600 dark:text-slate-300">{user.email}</p>
      </header>
      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-xl font-semibold">API tokens</h2>
        <p className="text-slate-600 dark:text-slate-300">For scripts that read or change your workspaces through the API. A token acts as you; revoke it when it is no longer needed.</p>
        <ApiTokens tokens={user.tokens} />
      </section>
    </main>
  );
}
