import NextAuth from 'next-auth'
import { createAuthOptions } from '@/server/auth/authOptions'

// next-auth's own routes: sign-in, callbacks, session, sign-out.
const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(request as never, context as never, createAuthOptions())

export { handler as GET, handler as POST }
