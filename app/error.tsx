"use client";
import { Link } from "@/app/components/app-link";
import { useEffect } from "react";
import { Button } from "@/app/components/button";

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
        <Button size="lg" onClick={() => retry()}>
          Try again
        </Button>
        <Link href="/" className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          ← Back to the workspaces
        </Link>
      </div>
    </main>
  );
}
