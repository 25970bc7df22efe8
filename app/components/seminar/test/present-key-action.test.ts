import { describe, expect, it } from "vitest";
import { presentKeyAction, presentModeOf, type TPresentKeyPress } from "../present-key-action";

const BODY = { tagName: "BODY", isContentEditable: false };

function press(key: string, more: Partial<TPresentKeyPress> = {}): TPresentKeyPress {
  return { key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, repeat: false, target: BODY, ...more };
}

describe("the presentation's keys", () => {
  it("move through the claims and leave, for everyone", () => {
    for (const mode of ["local", "facilitator", "follower"] as const) {
      expect(presentKeyAction(press("ArrowRight"), mode)).toBe("next");
      expect(presentKeyAction(press("PageDown"), mode)).toBe("next");
      expect(presentKeyAction(press(" "), mode)).toBe("next");
      expect(presentKeyAction(press("ArrowLeft"), mode)).toBe("previous");
      expect(presentKeyAction(press("PageUp"), mode)).toBe("previous");
      expect(presentKeyAction(press(" ", { shiftKey: true }), mode)).toBe("previous");
      expect(presentKeyAction(press("Escape"), mode)).toBe("leave");
    }
  });

  it("give the facilitator P, R and L, in either case, and nobody else", () => {
    expect(presentKeyAction(press("p"), "facilitator")).toBe("poll");
    expect(presentKeyAction(press("P", { shiftKey: true }), "facilitator")).toBe("poll");
    expect(presentKeyAction(press("r"), "facilitator")).toBe("result");
    expect(presentKeyAction(press("l"), "facilitator")).toBe("lock");
    for (const mode of ["local", "follower"] as const) for (const key of ["p", "r", "l"]) expect(presentKeyAction(press(key), mode)).toBeNull();
  });

  it("do not flip a toggle back and forth while its key is held", () => {
    expect(presentKeyAction(press("p", { repeat: true }), "facilitator")).toBeNull();
    expect(presentKeyAction(press("ArrowRight", { repeat: true }), "facilitator")).toBe("next");
  });

  it("leave the browser's shortcuts alone", () => {
    expect(presentKeyAction(press("r", { ctrlKey: true }), "facilitator")).toBeNull();
    expect(presentKeyAction(press("l", { metaKey: true }), "facilitator")).toBeNull();
    expect(presentKeyAction(press("ArrowLeft", { altKey: true }), "facilitator")).toBeNull();
  });

  it("do nothing while a text field has the focus", () => {
    for (const target of [{ tagName: "INPUT", isContentEditable: false }, { tagName: "TEXTAREA", isContentEditable: false }, { tagName: "SELECT", isContentEditable: false }, { tagName: "DIV", isContentEditable: true }]) {
      for (const key of ["p", "r", "l", "ArrowRight", " ", "Escape"]) expect(presentKeyAction(press(key, { target }), "facilitator"), `${key} in ${target.tagName}`).toBeNull();
    }
  });

  it("let Space press a focused button or link, while the other keys still work there", () => {
    const button = { tagName: "BUTTON", isContentEditable: false };
    expect(presentKeyAction(press(" ", { target: button }), "facilitator")).toBeNull();
    expect(presentKeyAction(press(" ", { target: { tagName: "A", isContentEditable: false } }), "local")).toBeNull();
    expect(presentKeyAction(press("p", { target: button }), "facilitator")).toBe("poll");
    expect(presentKeyAction(press("ArrowRight", { target: button }), "facilitator")).toBe("next");
  });

  it("ignore other keys", () => {
    expect(presentKeyAction(press("x"), "facilitator")).toBeNull();
    expect(presentKeyAction(press("Enter"), "facilitator")).toBeNull();
  });
});

describe("the presentation's mode", () => {
  it("is local without a session, and the facilitator's or a follower's during one", () => {
    expect(presentModeOf(null)).toBe("local");
    expect(presentModeOf({ isFacilitator: true })).toBe("facilitator");
    expect(presentModeOf({ isFacilitator: false })).toBe("follower");
  });
});
