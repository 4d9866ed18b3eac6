/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status
  experimental: { authInterrupts: true },
  // the CLI, tests and scripts share lib/ with the app; generated Prisma clients are TS sources
  typescript: { ignoreBuildErrors: false },
};
export default nextConfig;
