import type { ReactNode } from 'react'
import home from '@/app/home.module.css'

/** Props of {@link PageNotice}. */
export interface PageNoticeProps {
  /** What happened, as the page's heading. */
  title: string
  /** Why, and what the reader can do about it. */
  children: ReactNode
  /** The ways on (links, a retry button), styled with `noticeActions`' classes. */
  actions: ReactNode
  /** The page's `data-testid`. */
  testId: string
}

/**
 * A whole page that says why the reader got nothing (no such page, board or
 * session; a board closed to the reader; a replay that failed to load) and
 * offers the ways on, so every dead end in the app looks and reads the same.
 */
export function PageNotice({ title, children, actions, testId }: PageNoticeProps) {
  return (
    <main className={home.main} data-testid={testId}>
      <h1 className={home.title}>{title}</h1>
      <p className={home.lead}>{children}</p>
      <div className={home.actions}>{actions}</div>
    </main>
  )
}
