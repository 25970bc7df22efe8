"use client";
import { Link } from "@/app/components/app-link";
import { usePathname, useRouter } from "next/navigation";
import { buttonClass } from "../button";

/** "Sign in", coming back afterwards to the page (and query, and passage) it was clicked on. */
export function SignInLink() {
  const pathname = usePathname();
  const router = useRouter();
  const onAuthPage = pathname === "/sign-in" || pathname === "/sign-up";
  const href = onAuthPage || pathname === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(pathname)}`;
  return (
    <Link
      href={href}
      data-testid="sign-in-link"
      onClick={(event) => {
        if (onAuthPage || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        const here = window.location.pathname + window.location.search + window.location.hash;
        router.push(here === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(here)}`);
      }}
      className={buttonClass({ size: "sm" })}
    >
      Sign in
    </Link>
  );
}
