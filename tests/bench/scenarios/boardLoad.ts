/**
 * Scenario 6: opening a typical interview board (60 palette blocks, 70 bound
 * labelled arrows, 20 text notes) in Chromium, against a bare `<Tldraw>` page
 * with the same records in the same build and run (the floor: what any app on
 * tldraw pays to show them), and the JavaScript the board page downloads
 * before it is drawn, against a budget.
 *
 * Both pages are loaded by a signed-in member at 1280×800 and timed from
 * navigation: "drawn" is every shape mounted and one visible in a painted
 * frame (the cold-join probe); "interactive" is a real mouse drag of a block,
 * issued the moment the page is drawn, first moving it on screen. The board
 * opens at its URL (where an invite's Join lands), so both times hold the
 * same steps.
 */
import { withAppBoard } from '../app'
import { boardAndBare, type PageLoad } from '../pageLoad'
import { gzippedScriptBytes } from '../scriptBytes'
import { TYPICAL_DRAG_TARGET, TYPICAL_SHAPES, typicalBoard } from '../typicalBoard'
import { fillRoom } from './coldJoin'
import { median, spread, type BenchOptions, type BenchRow } from '../types'

const SCENARIO = '6. Opening a typical board (60 blocks, 70 arrows, 20 notes)'

/**
 * The most JavaScript (gzip, KB) the board page may download before it is
 * drawn: 832 KB measured after code-splitting (870 KB before), plus a little
 * headroom (README, "Loading the board page"). A row over it fails the goal:
 * whatever makes the first chunk grow should load later instead.
 */
export const BOARD_SCRIPT_BUDGET_KB = 850

interface Loads {
  board: PageLoad[]
  bare: PageLoad[]
}

function loadBoth(runs: number, warmUp: boolean): Promise<Loads> {
  return withAppBoard(async (app) => {
    const records = typicalBoard()
    await fillRoom(app.collabUrl, app.room, records)
    const { board, bare } = boardAndBare(app, records, { shapes: TYPICAL_SHAPES, dragTarget: TYPICAL_DRAG_TARGET })
    if (warmUp) {
      await board()
      await bare()
    }
    const loads: Loads = { board: [], bare: [] }
    for (let i = 0; i < runs; i++) {
      loads.board.push(await board())
      loads.bare.push(await bare())
    }
    return loads
  })
}

const round1 = (value: number) => Math.round(value * 10) / 10
const kb = (loads: PageLoad[]) => loads.map((load) => round1(gzippedScriptBytes(load.scriptsBeforeRender) / 1024))

function timeRow(metric: string, board: number[], bare: number[], goal?: number): BenchRow {
  const ratio = Math.round((median(board) / median(bare)) * 100) / 100
  return {
    scenario: SCENARIO,
    metric,
    mockboard: round1(median(board)),
    peers: { 'bare tldraw': round1(median(bare)) },
    ratio: { against: 'bare tldraw', value: ratio },
    goal: goal === undefined ? '—' : `≤ ${goal}× bare tldraw`,
    met: goal === undefined ? null : ratio <= goal,
    runs: board.length,
    spread: spread(board),
  }
}

/** Scenario 6: the typical board, Mockboard against bare tldraw, and the board page's script budget. */
export async function run(options: BenchOptions): Promise<BenchRow[]> {
  const runs = options.quick ? 1 : 7
  const { board, bare } = await loadBoth(runs, !options.quick)
  const boardKb = kb(board)
  const times = (loads: PageLoad[], key: 'rendered' | 'moved') => loads.map((load) => load.times[key]!)
  return [
    {
      scenario: SCENARIO,
      metric: 'JavaScript before the board is drawn (KB, gzip)',
      mockboard: median(boardKb),
      peers: { 'bare tldraw': median(kb(bare)) },
      ratio: null,
      goal: `≤ ${BOARD_SCRIPT_BUDGET_KB} KB (budget)`,
      met: median(boardKb) <= BOARD_SCRIPT_BUDGET_KB,
      runs,
      spread: spread(boardKb),
    },
    timeRow('navigation → drawn (ms)', times(board, 'rendered'), times(bare, 'rendered')),
    timeRow('navigation → a drag moves a block (ms)', times(board, 'moved'), times(bare, 'moved'), 1.2),
  ]
}
