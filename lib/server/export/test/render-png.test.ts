import { describe, expect, it } from "vitest";
import { PNG_MAX_SIDE, PNG_OVERVIEW_MAX_SIDE, svgToPng } from "../render-png";

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const picture = (width: number, height: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="30" font-size="20">Katz</text></svg>`;

describe("svgToPng", () => {
  it("draws at twice the picture's size, for sharp slides", async () => {
    expect(pngSize(await svgToPng(picture(600, 400)))).toEqual({ width: 1200, height: 800 });
  });

  it("scales a large picture down so that its longer side is at most PNG_MAX_SIDE pixels", async () => {
    expect(PNG_MAX_SIDE).toBe(8000);
    expect(pngSize(await svgToPng(picture(20000, 5000)))).toEqual({ width: 8000, height: 2000 });
    expect(pngSize(await svgToPng(picture(3000, 6000)))).toEqual({ width: 4000, height: 8000 });
  });

  it("caps an overview (a large graph with its words as lines) at PNG_OVERVIEW_MAX_SIDE pixels", async () => {
    expect(PNG_OVERVIEW_MAX_SIDE).toBe(4000);
    expect(pngSize(await svgToPng(picture(20000, 5000), 2, PNG_OVERVIEW_MAX_SIDE))).toEqual({ width: 4000, height: 1000 });
  });
});
