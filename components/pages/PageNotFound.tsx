import Link from 'next/link'
import { PageNotice } from './PageNotice'
import { noticeActions } from './noticeActions'

/**
 * The page for an address that leads nowhere: an unknown path, or a board or
 * session link whose id is malformed (mistyped, or cut short when pasted).
 */
export function PageNotFound() {
  return (
    <PageNotice
      title="No such page"
      testId="page-not-found"
      actions={
        <Link className={noticeActions.primary} href="/">
          Go to my boards
        </Link>
      }
    >
      There is nothing at this address. If someone sent you the link, check that it was copied whole.
    </PageNotice>
  )
}
