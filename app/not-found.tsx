import type { Metadata } from 'next'
import { connection } from 'next/server'
import { PageNotFound } from '@/components/pages/PageNotFound'

export const metadata: Metadata = { title: 'Page not found · Mockboard' }

/**
 * The app's 404 page: unknown paths, and every `notFound()` no nearer
 * `not-found.tsx` catches (a malformed room id, say).
 */
export default async function NotFound() {
  // Rendered per request, never prerendered: Next puts the CSP nonce (proxy.ts, a fresh one per response) on its
  // scripts only while rendering a request. A build-time copy carries none, and the policy then blocks them all.
  await connection()
  return <PageNotFound />
}
