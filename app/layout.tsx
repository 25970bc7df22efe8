import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Link } from "@/app/components/app-link";
import { UserMenu } from "./components/auth/user-menu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stancemap", template: "%s · Stancemap" },
  description: "Map what analysts argue: claims, evidence and positions side by side.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce, which a page
  // prerendered at build time could not.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
          Skip to content
        </a>
        <header data-site-header className="border-b border-slate-200 dark:border-slate-800">
          <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              Stancemap
            </Link>
            <UserMenu />
          </div>
        </header>
        <div id="main">{children}</div>
      </body>
    </html>
  );
}
