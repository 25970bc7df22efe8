import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { ImportWorkspaceForm } from "@/app/components/forms/import-workspace-form";
import { NewWorkspaceForm } from "@/app/components/forms/new-workspace-form";
import { viewerOfPage } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const viewer = await viewerOfPage();
  return (
    <main className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">New workspace</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">One workspace holds one debate: its articles, their authors, and the claims you compare them on.</p>
      <div className="mt-8">
        {viewer ? (
          <>
            <NewWorkspaceForm />
            <section aria-labelledby="import-heading" className="mt-12 border-t border-slate-200 pt-8 dark:border-slate-800">
              <h2 id="import-heading" className="text-xl font-semibold">
                Or import a workspace
              </h2>
              <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">Bring a map someone exported, with its sources, claims and evidence.</p>
              <ImportWorkspaceForm />
            </section>
          </>
        ) : (
          <p>
            <Link href="/sign-in?next=%2Fnew" className="font-semibold underline">Sign in</Link> to create a workspace.
          </p>
        )}
      </div>
    </main>
  );
}
