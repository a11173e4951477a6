import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { ToastProvider } from '@/components/ui/toast/ToastProvider'
import './globals.css'

export const metadata: Metadata = {
  title: 'Mockboard',
  description: 'A live whiteboard for system-design mock interviews.',
}

/** The root layout shared by every page. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  )
}
