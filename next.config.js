/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The collab server, not Next, owns /collab/*; keep Next's build output self-contained.
  poweredByHeader: false,
}

export default nextConfig
