import { describe, expect, it } from "vitest";
import { mayConnectTo } from "../fetch-page";

describe("mayConnectTo", () => {
  it("allows public addresses", () => {
    for (const address of ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.215.14"]) expect(mayConnectTo(address, false), address).toBe(true);
  });

  it("refuses loopback, private, link-local, metadata and reserved addresses, also written as IPv4-mapped IPv6", () => {
    for (const address of [
      "127.0.0.1", "127.8.9.10", "::1", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
      "224.0.0.1", "255.255.255.255", "fc00::1", "fd00:ec2::254", "fe80::1", "::", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "not an address",
    ]) expect(mayConnectTo(address, false), address).toBe(false);
  });

  it("lifts the refusal for loopback only, when the test switch allows it", () => {
    expect(mayConnectTo("127.0.0.1", true)).toBe(true);
    expect(mayConnectTo("::1", true)).toBe(true);
    expect(mayConnectTo("169.254.169.254", true)).toBe(false);
    expect(mayConnectTo("10.0.0.1", true)).toBe(false);
    expect(mayConnectTo("192.168.0.10", true)).toBe(false);
  });
});
