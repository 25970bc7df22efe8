import { describe, expect, it } from "vitest";
import { ZSlugSchema } from "../../schemas/params";
import { MAX_SLUG_LENGTH, numberedSlug, slugify, withSecretPart } from "../slug";

describe("slugs", () => {
  it("makes a slug of a title", () => {
    expect(slugify("The SCO: bloc or talk shop?")).toBe("the-sco-bloc-or-talk-shop");
    expect(slugify("—")).toBe("workspace");
  });

  it("numbers a taken slug within the length limit", () => {
    expect(numberedSlug("sco", 1)).toBe("sco");
    expect(numberedSlug("sco", 2)).toBe("sco-2");
    const long = numberedSlug("a".repeat(MAX_SLUG_LENGTH), 12);
    expect(long).toHaveLength(MAX_SLUG_LENGTH);
    expect(ZSlugSchema.safeParse(long).success).toBe(true);
  });

  it("ends a LINK workspace's slug in its secret part, still a valid slug", () => {
    expect(withSecretPart("sco-debate", "k3x9q0a7m2c4z1")).toBe("sco-debate-k3x9q0a7m2c4z1");
    const long = withSecretPart(`${"word-".repeat(20)}end`, "k3x9q0a7m2c4z1");
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(long.endsWith("-k3x9q0a7m2c4z1")).toBe(true);
    expect(ZSlugSchema.safeParse(long).success).toBe(true);
  });
});
