import { Link } from "@/app/components/app-link";
import { currentUser } from "@/lib/server/auth/current-user";
import { initialsOf } from "./initials";
import { SignInLink } from "./sign-in-link";
import { SignOutButton } from "./sign-out-button";

/** The header's account corner: who is signed in and "Sign out", or a "Sign in" link. */
export async function UserMenu() {
  const user = await currentUser();
  if (!user) {
    return (
      <div data-testid="user-menu" className="no-print ml-auto flex items-center gap-3">
        <SignInLink />
      </div>
    );
  }
  return (
    <div data-testid="user-menu" className="no-print ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
      <Link href="/account" className="group flex min-w-0 items-center gap-2 rounded-md" title={`${user.email} — your account`}>
        <span aria-hidden="true" className="inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100">
          {initialsOf(user.name || user.email)}
        </span>
        <span className="sr-only">Signed in as </span>
        <span data-testid="user-name" className="max-w-[9rem] truncate text-sm font-medium text-slate-700 group-hover:underline sm:max-w-[16rem] dark:text-slate-200">
          {user.name || user.email}
        </span>
      </Link>
      <SignOutButton />
    </div>
  );
}
