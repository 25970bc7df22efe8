"use client";
import { Link } from "@/app/components/app-link";
import { useEffect } from "react";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
        This page could not be shown because of a problem on our side. Trying again often helps; if it keeps happening, let the workspace
        owner know{digest ? " and quote the reference below" : ""}.
      </p>
      {digest && <p className="mt-2 font-mono text-sm text-slate-500">Reference: {digest}</p>}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="button" onClick={() => retry()} className="rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900">
          Try again
        </button>
        <Link href="/" className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          ← Back to the workspaces
        </Link>
      </div>
    </main>
  );
}
