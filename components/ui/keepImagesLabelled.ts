/**
 * Gives every <img> inside `container` the text alternative `alt`, now and
 * whenever one is added or replaced, for components that draw an image we
 * cannot pass props to (tldraw's TldrawImage renders its own bare <img> once
 * its picture is ready). Returns a function that stops watching.
 */
export function keepImagesLabelled(container: HTMLElement, alt: string): () => void {
  const label = () => {
    for (const image of container.querySelectorAll('img')) {
      if (image.getAttribute('alt') !== alt) image.setAttribute('alt', alt)
    }
  }
  label()
  const observer = new MutationObserver(label)
  observer.observe(container, { childList: true, subtree: true })
  return () => observer.disconnect()
}
