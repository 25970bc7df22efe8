import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { renderAsync } from "@resvg/resvg-js";

/**
 * Resolved from the app's folder at run time: the bundler would turn a `require.resolve` of its
 * own into a module number, and the font files must stay files.
 */
const resolveFromApp = (request: string) => createRequire(path.join(process.cwd(), "package.json")).resolve(request);

/** Inter, shipped as an npm package, so pictures look the same on a server without fonts. */
export function interFontFiles(): string[] {
  const dir = path.dirname(resolveFromApp("@expo-google-fonts/inter/package.json"));
  return ["400Regular/Inter_400Regular.ttf", "500Medium/Inter_500Medium.ttf", "600SemiBold/Inter_600SemiBold.ttf", "700Bold/Inter_700Bold.ttf", "400Regular_Italic/Inter_400Regular_Italic.ttf"].map((f) =>
    path.join(dir, f),
  );
}

/**
 * The longest side a PNG may have, in pixels. A large map's graph is a drawing many thousand
 * pixels wide; at twice its size a bitmap of it would take gigabytes and open in no viewer. Past
 * this the picture is scaled down to fit (its SVG stays exact at any size), which caps the bitmap
 * near 8,000 × 8,000 × 4 bytes = 256 MB before compression.
 */
export const PNG_MAX_SIDE = 8000;

/**
 * The longest side of a PNG overview: a large graph whose cards' words are drawn as lines. Its
 * structure reads at this size, and the bitmap is a quarter of `PNG_MAX_SIDE`'s (drawing and
 * compressing 8,000 × 4,000 pixels took resvg seconds and the process 350 MB).
 */
export const PNG_OVERVIEW_MAX_SIDE = 4000;

/**
 * Renders an SVG to PNG with resvg (a maintained, dependency-free SVG renderer), at `scale`×
 * for sharp slides — less when that would make the longer side exceed `maxSide` — using the
 * bundled Inter font only (no dependence on the machine's fonts; the serif and sans-serif
 * families named in pictures are Inter too). Parsing and drawing run on libuv's thread pool, not
 * in the thread that answers requests: a large map's graph takes seconds to draw.
 */
export async function svgToPng(svg: string, scale = 2, maxSide = PNG_MAX_SIDE): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: Math.min(scale, maxSide / Math.max(1, ...svgSize(svg))) },
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles: interFontFiles(), defaultFontFamily: "Inter", sansSerifFamily: "Inter", serifFamily: "Inter" },
  });
  return image.asPng();
}

/** The width and height the root element of one of our SVGs declares (in pixels). */
function svgSize(svg: string): [number, number] {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const size = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? 0);
  return [size("width"), size("height")];
}
