/**
 * The headers every answer carries, set by the custom server before Next.js handles a request
 * (scripts/start.ts). Pages get a Content-Security-Policy with a fresh nonce: Next.js reads the
 * nonce from the request's own `content-security-policy` header and puts it on its scripts, so no
 * inline script runs without it and none is allowed by `unsafe-inline`. API answers and exports
 * get a policy that forbids everything (an SVG opened from an export runs no script and loads
 * nothing). (No `server-only` marker: the start script imports this outside Next.js.)
 */
import { randomBytes } from "node:crypto";

export interface TSecurityOptions {
  path: string;
  /** Served over HTTPS (BETTER_AUTH_URL is https): HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev` evaluates code for fast refresh. */
  dev: boolean;
}

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The policy for a page, allowing only this site's scripts, loaded by those carrying `nonce`. */
export function pagePolicy(nonce: string, { https, dev }: Pick<TSecurityOptions, "https" | "dev">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes (bar widths, the graph's positions) need inline styles; scripts do not.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For JSON answers and exported files: nothing may run or load, and nothing may frame them. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

const COMMON: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "X-Frame-Options": "SAMEORIGIN",
};

/**
 * The response headers for a request to `path`, and the request's own CSP header (with the nonce
 * Next.js should use) when it is a page.
 */
export function securityHeaders(options: TSecurityOptions): { response: Record<string, string>; requestPolicy: string | null } {
  const response: Record<string, string> = { ...COMMON };
  if (options.https) response["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  if (options.path.startsWith("/_next/static/")) return { response, requestPolicy: null };
  if (options.path === "/api" || options.path.startsWith("/api/")) {
    response["Content-Security-Policy"] = API_POLICY;
    return { response, requestPolicy: null };
  }
  const policy = pagePolicy(newNonce(), options);
  response["Content-Security-Policy"] = policy;
  return { response, requestPolicy: policy };
}
