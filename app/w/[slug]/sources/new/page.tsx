import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { notFound } from "next/navigation";
import { AddSourceFiles } from "@/app/components/forms/add-source-files";
import { AddSourceForm } from "@/app/components/forms/add-source-form";
import { AppError } from "@/lib/errors/app-error";
import { authorize } from "@/lib/server/authorize";
import { viewerOfPage } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add a source" };

export default async function AddSourcePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await viewerOfPage();
  let canEdit = false;
  let lockedMessage: string | null = null;
  try {
    await authorize(viewer, slug, "edit");
    canEdit = true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "NOT_FOUND") notFound();
    if (error.code === "LOCKED") lockedMessage = error.message;
  }
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Add a source</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">An article whose author's positions you want to compare. Its text is kept exactly as read, so passages can be cited to the character — and a PDF's by page.</p>
      <div className="mt-8">
        {canEdit ? (
          <div className="space-y-12">
            <AddSourceFiles slug={slug} />
            <section aria-labelledby="paste-heading" className="space-y-5 border-t border-slate-200 pt-8 dark:border-slate-800">
              <h2 id="paste-heading" className="text-xl font-semibold tracking-tight">
                Or paste the text
              </h2>
              <AddSourceForm slug={slug} />
            </section>
          </div>
        ) : lockedMessage ? (
          <p role="status">{lockedMessage}</p>
        ) : (
          <p>
            Only editors of this workspace can add sources.{" "}
            {viewer ? null : (
              <Link className="font-semibold underline" href={`/sign-in?next=${encodeURIComponent(`/w/${slug}/sources/new`)}`}>
                Sign in
              </Link>
            )}
          </p>
        )}
      </div>
    </main>
  );
}
