"use client";
import { Link } from "@/app/components/app-link";
import { useId, useState, type FormEvent } from "react";
import { MAX_PASSWORD_LENGTH, MAX_USER_NAME_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/schemas/auth";
import type { TApiFailure } from "../api";
import { Button } from "../button";
import { useHydrated } from "../use-hydrated";
import { useMutation } from "../use-mutation";

type TMode = "sign-in" | "sign-up";

/** Better Auth's codes, in words that say what to do. */
const AUTH_MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "That email and password do not match an account. Check them and try again.",
  USER_ALREADY_EXISTS: "An account with this email already exists. Sign in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email already exists. Sign in instead, or use another email.",
  PASSWORD_TOO_SHORT: `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`,
  PASSWORD_TOO_LONG: `The password is too long: use at most ${MAX_PASSWORD_LENGTH} characters.`,
  INVALID_EMAIL: "That does not look like an email address.",
};

function messageOf(failure: TApiFailure): string {
  if (failure.status === 429) return "Too many attempts in a short time. Wait a minute, then try again.";
  if (failure.status === 0) return failure.message;
  return AUTH_MESSAGES[failure.code] ?? failure.message;
}

/** The sign-in and sign-up form: labelled fields, errors in words, then back to `next`. */
export function AuthForm({ mode, next }: { mode: TMode; next: string }) {
  const hydrated = useHydrated();
  const id = useId();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const mutation = useMutation();
  const error = mutation.failure ? messageOf(mutation.failure) : null;
  const signUp = mode === "sign-up";

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signUp && password.length < MIN_PASSWORD_LENGTH) return mutation.fail(AUTH_MESSAGES.PASSWORD_TOO_SHORT);
    const result = await mutation.run(
      signUp ? "/api/auth/sign-up/email" : "/api/auth/sign-in/email",
      { method: "POST", body: signUp ? { name: name.trim(), email: email.trim(), password } : { email: email.trim(), password } },
      { stayBusy: true },
    );
    // A full load, so the header and every server-rendered page see the new session.
    if (result?.ok) window.location.assign(next);
  };

  const errorId = `${id}-error`;
  const inputClass =
    "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
  const other = signUp ? "/sign-in" : "/sign-up";
  const otherHref = next === "/" ? other : `${other}?next=${encodeURIComponent(next)}`;

  return (
    <form onSubmit={(e) => void submit(e)} aria-describedby={error ? errorId : undefined} data-testid={`${mode}-form`} className="flex flex-col gap-5">
      {signUp && (
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-semibold text-slate-800 dark:text-slate-200">
            Name
          </label>
          <input id={`${id}-name`} name="name" autoComplete="name" required maxLength={MAX_USER_NAME_LENGTH} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />
          <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">Shown to others in the workspaces you join.</p>
        </div>
      )}
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-semibold text-slate-800 dark:text-slate-200">
          Email
        </label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass} />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block text-sm font-semibold text-slate-800 dark:text-slate-200">
          Password
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete={signUp ? "new-password" : "current-password"}
          required
          aria-describedby={signUp ? `${id}-password-hint` : undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className={inputClass}
        />
        {signUp && (
          <p id={`${id}-password-hint`} className="mt-1 text-sm text-slate-500 dark:text-slate-400">
            At least {MIN_PASSWORD_LENGTH} characters.
          </p>
        )}
      </div>
      {error && (
        <p id={errorId} role="alert" data-testid="auth-error" className="rounded-md border border-opposes bg-opposes-soft px-3 py-2 text-sm text-slate-900 dark:text-slate-100">
          {error}
        </p>
      )}
      <Button type="submit" size="xl" disabled={!hydrated} busy={mutation.busy} busyLabel={signUp ? "Creating your account…" : "Signing in…"}>
        {signUp ? "Create account" : "Sign in"}
      </Button>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {signUp ? "Already have an account? " : "New to Stancemap? "}
        <Link href={otherHref} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </form>
  );
}
