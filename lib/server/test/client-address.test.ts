import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientAddress, stampClientAddress, trustedProxies } from "../client-address";

const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, connection: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe("the client's address", () => {
  it("ignores a client-supplied X-Forwarded-For when no proxy is trusted", () => {
    const trust = trustedProxies("");
    expect(clientAddress(request("198.51.100.4", { "x-forwarded-for": "203.0.113.7" }), trust)).toBe("198.51.100.4");
  });

  it("takes the nearest untrusted address behind trusted proxies", () => {
    const trust = trustedProxies("10.0.0.0/8, loopback");
    // A client claiming to be 1.2.3.4, through a real client 203.0.113.9, through two proxies.
    const behind = request("127.0.0.1", { "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.1.2.3" });
    expect(clientAddress(behind, trust)).toBe("203.0.113.9");
    // A connection that is not from a trusted proxy is its own address, whatever it says.
    expect(clientAddress(request("198.51.100.4", { "x-forwarded-for": "10.0.0.1" }), trust)).toBe("198.51.100.4");
  });

  it("overwrites a client's own x-stancemap-client-ip header", () => {
    const forged = request("198.51.100.4", { [CLIENT_IP_HEADER]: "203.0.113.250" });
    stampClientAddress(forged, trustedProxies(""));
    expect(forged.headers[CLIENT_IP_HEADER]).toBe("198.51.100.4");
  });
});
