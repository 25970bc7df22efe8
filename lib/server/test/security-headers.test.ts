import { describe, expect, it } from "vitest";
import { API_POLICY, securityHeaders } from "../security-headers";

describe("security headers", () => {
  it("gives a page a nonce-based policy with no inline scripts, fresh per request", () => {
    const first = securityHeaders({ path: "/w/sco-debate/matrix", https: false, dev: false });
    const second = securityHeaders({ path: "/w/sco-debate/matrix", https: false, dev: false });
    const policy = first.response["Content-Security-Policy"];
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(first.requestPolicy).toBe(policy);
    expect(second.response["Content-Security-Policy"]).not.toBe(policy);
    expect(first.response).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(first.response["Permissions-Policy"]).toContain("camera=()");
    expect(first.response["Strict-Transport-Security"]).toBeUndefined();
  });

  it("forbids everything in API answers and exports, and adds HSTS over HTTPS", () => {
    const api = securityHeaders({ path: "/api/workspaces/sco-debate/export", https: true, dev: false });
    expect(api.response["Content-Security-Policy"]).toBe(API_POLICY);
    expect(api.requestPolicy).toBeNull();
    expect(api.response["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ path: "/", https: true, dev: false }).response["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("lets the development server evaluate code, and leaves static files without a policy", () => {
    expect(securityHeaders({ path: "/", https: false, dev: true }).response["Content-Security-Policy"]).toContain("'unsafe-eval'");
    const asset = securityHeaders({ path: "/_next/static/chunks/main.js", https: false, dev: false });
    expect(asset.response["Content-Security-Policy"]).toBeUndefined();
    expect(asset.response["X-Content-Type-Options"]).toBe("nosniff");
  });
});
