import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangeNameForm, ChangePasswordForm, DeleteAccount, DeletedWorkspaces, SignOutEverywhere } from "@/app/components/account/account-forms";
import { ApiTokens } from "@/app/components/forms/api-tokens";
import { getAccount } from "@/lib/server/auth/get-account";
import { listDeletedWorkspaces } from "@/lib/server/workspaces/list-deleted-workspaces";
import { viewerOfPage } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await viewerOfPage();
  if (!viewer) redirect("/sign-in?next=%2Faccount");
  const [user, deleted] = await Promise.all([getAccount(viewer.userId), listDeletedWorkspaces(viewer.userId)]);
  return (
    <main className="mx-auto max-w-2xl space-y-10 px-4 py-10">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{user.name}</h1>
        <p className="text-slate-600 dark:text-slate-300">{user.email}</p>
      </header>
      {deleted.length > 0 ? (
        <section aria-labelledby="deleted-heading" className="space-y-3">
          <h2 id="deleted-heading" className="text-xl font-semibold">Deleted workspaces</h2>
          <p className="text-slate-600 dark:text-slate-300">Workspaces you own that were deleted. Each can be restored, as it was, for 30 days.</p>
          <DeletedWorkspaces workspaces={deleted} />
        </section>
      ) : null}
      <section aria-labelledby="profile-heading" className="space-y-4">
        <h2 id="profile-heading" className="text-xl font-semibold">Name and password</h2>
        <ChangeNameForm name={user.name} />
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-xl font-semibold">Signed-in browsers</h2>
        <p className="text-slate-600 dark:text-slate-300">If you signed in on a shared computer, end every session at once.</p>
        <SignOutEverywhere />
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-xl font-semibold">API tokens</h2>
        <p className="text-slate-600 dark:text-slate-300">For scripts that read or change your workspaces through the API. A token acts as you, for what its scope allows, until it expires; revoke it when it is no longer needed. A token cannot make other tokens.</p>
        <ApiTokens tokens={user.tokens} />
      </section>
      <section aria-labelledby="delete-account-section" className="space-y-3">
        <h2 id="delete-account-section" className="text-xl font-semibold">Delete your account</h2>
        <p className="text-slate-600 dark:text-slate-300">
          Hand over or delete the workspaces you alone own first. What you added stays in the maps without your name; your comments stay as by “Former member”.
        </p>
        <DeleteAccount email={user.email} />
      </section>
    </main>
  );
}
