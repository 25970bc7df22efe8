import { Link } from "@/app/components/app-link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold tracking-tight">Not found</h1>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
        There is nothing at this address. The link may be mistyped, the item may have been deleted, or the workspace may be private to its
        members.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          ← Back to the workspaces
        </Link>
      </p>
    </main>
  );
}
