import { describe, expect, it } from "vitest";
import { TextCache } from "../text-cache";

describe("TextCache", () => {
  it("returns a text only for the stamp it was read at", () => {
    const cache = new TextCache(100);
    cache.set("a", "1:10", "first text");
    expect(cache.get("a", "1:10")).toBe("first text");
    expect(cache.get("a", "1:11")).toBeNull();
    expect(cache.get("b", "1:10")).toBeNull();
    expect(cache.stampOf("a")).toBe("1:10");
    expect(cache.stampOf("b")).toBeNull();
  });

  it("replaces the text of an older stamp", () => {
    const cache = new TextCache(100);
    cache.set("a", "1:10", "old");
    cache.set("a", "2:12", "newer");
    expect(cache.get("a", "1:10")).toBeNull();
    expect(cache.get("a", "2:12")).toBe("newer");
    expect(cache.chars).toBe(5);
  });

  it("drops the least recently used texts beyond its size, and never holds one larger than it", () => {
    const cache = new TextCache(10);
    cache.set("a", "s", "aaaa");
    cache.set("b", "s", "bbbb");
    expect(cache.get("a", "s")).toBe("aaaa"); // a is now more recent than b
    cache.set("c", "s", "cccc");
    expect(cache.get("b", "s")).toBeNull();
    expect(cache.get("a", "s")).toBe("aaaa");
    expect(cache.get("c", "s")).toBe("cccc");
    expect(cache.chars).toBe(8);
    cache.set("huge", "s", "x".repeat(11));
    expect(cache.get("huge", "s")).toBeNull();
    expect(cache.chars).toBe(8);
  });
});
