import home from '@/app/home.module.css'
import notice from './notice.module.css'

/**
 * Class names of a {@link PageNotice}'s actions: `primary` for the main way
 * on (a link or a button), `secondary` for the others (a link shaped like the
 * home page's secondary button).
 */
export const noticeActions = {
  primary: home.primary,
  secondary: `${home.secondary} ${notice.secondaryLink}`,
}
