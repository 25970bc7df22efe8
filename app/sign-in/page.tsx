import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/app/components/auth/auth-form";
import { safeNext } from "@/lib/domain/safe-next";
import { currentUser } from "@/lib/server/auth/current-user";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-2 mb-8 text-slate-600 dark:text-slate-400">Sign in to cite passages, edit claims and see who else is here.</p>
      <AuthForm mode="sign-in" next={next} />
    </main>
  );
}
