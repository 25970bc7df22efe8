import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, buttonClass } from "../button";

describe("Button", () => {
  it("is a plain button unless told to submit, so it never submits a form by accident", () => {
    expect(renderToStaticMarkup(createElement(Button, null, "Cancel"))).toContain('type="button"');
    expect(renderToStaticMarkup(createElement(Button, { type: "submit" }, "Save"))).toContain('type="submit"');
  });

  it("while busy: disabled, announced as busy, and labelled with what it is doing", () => {
    const html = renderToStaticMarkup(createElement(Button, { busy: true, busyLabel: "Saving…" }, "Save"));
    expect(html).toContain('disabled=""');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain(">Saving…<");
    expect(html).not.toContain(">Save<");
  });

  it("keeps its label when busy without a busy label, and is not busy otherwise", () => {
    expect(renderToStaticMarkup(createElement(Button, { busy: true }, "Re-apply mine"))).toContain(">Re-apply mine<");
    const idle = renderToStaticMarkup(createElement(Button, { busyLabel: "Saving…" }, "Save"));
    expect(idle).not.toContain("aria-busy");
    expect(idle).not.toContain('disabled=""');
  });

  it("passes other props through", () => {
    const html = renderToStaticMarkup(createElement(Button, { id: "claim-save", "aria-label": "Save the claim" }, "Save"));
    expect(html).toContain('id="claim-save"');
    expect(html).toContain('aria-label="Save the claim"');
  });
});

describe("buttonClass", () => {
  it("is the primary look at the middle size unless told otherwise, with extra classes last", () => {
    expect(buttonClass()).toBe(buttonClass({ variant: "primary", size: "md" }));
    expect(buttonClass()).toContain("bg-slate-900");
    expect(buttonClass({ className: "mt-4" }).endsWith(" mt-4")).toBe(true);
  });

  it("gives each variant its own look", () => {
    const looks = (["primary", "secondary", "quiet", "danger"] as const).map((variant) => buttonClass({ variant }));
    expect(new Set(looks).size).toBe(4);
    expect(buttonClass({ variant: "danger" })).toContain("bg-opposes");
  });
});

describe("button sizes", () => {
  it("gives a quiet button less side padding inline and beside a primary one, where it has no box to fill", () => {
    expect(buttonClass({ variant: "secondary", size: "xs" })).toContain("px-2.5");
    expect(buttonClass({ variant: "quiet", size: "xs" })).toContain("px-2 ");
    expect(buttonClass({ variant: "primary", size: "md" })).toContain("px-4");
    expect(buttonClass({ variant: "quiet", size: "md" })).toContain("px-3");
    expect(buttonClass({ variant: "quiet", size: "sm" }).startsWith("rounded-md px-3 py-1.5 text-sm ")).toBe(true);
  });
});
