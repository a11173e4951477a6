import { NextResponse } from 'next/server'

export const dynamic = 'force-dynamic'

/** The server's clock, `{ now }` in ms since the epoch: browsers estimate their offset from it for the session timer. */
export function GET() {
  return NextResponse.json({ now: Date.now() }, { headers: { 'cache-control': 'no-store' } })
}
