import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

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
 * Renders an SVG to PNG with resvg (a maintained, dependency-free SVG renderer), at `scale`×
 * for sharp slides, using the bundled Inter font only (no dependence on the machine's fonts).
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles: interFontFiles(), defaultFontFamily: "Inter", sansSerifFamily: "Inter" },
  });
  return resvg.render().asPng();
}
