/** Where a labelled marker sits on the scrubber, as percentages of the track's width. */
export interface MarkerPlacement {
  /** The marker's distance from the track's left end. */
  leftPct: number
  /**
   * How wide its label may be: up to the next marker on its right, so labels
   * of close markers never overlap (a longer one ellipsizes, a marker sharing
   * its spot shows no label). Null for the rightmost marker, whose label has
   * nothing to run into.
   */
  maxWidthPct: number | null
}

/** A time's place between start and end, as a percentage clamped to the track. */
export function trackPercent(time: number, start: number, end: number): number {
  const span = Math.max(1, end - start)
  return (100 * Math.min(Math.max(time - start, 0), span)) / span
}

/**
 * Places labelled markers (phase starts, the session's end) on a track from
 * start to end, in the order given. Markers at the same spot: the last given
 * keeps its label, as it is the one drawn on top.
 */
export function placeLabelledMarkers(times: readonly number[], start: number, end: number): MarkerPlacement[] {
  const lefts = times.map((time) => trackPercent(time, start, end))
  return lefts.map((leftPct, index) => {
    const onTheRight = lefts.filter((otherPct, other) => otherPct > leftPct || (otherPct === leftPct && other > index))
    return { leftPct, maxWidthPct: onTheRight.length ? Math.min(...onTheRight) - leftPct : null }
  })
}
