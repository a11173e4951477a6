import type { BenchRow } from './types'

const fmt = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? '—' : String(n))

/** Renders rows as a Markdown table (also readable in a terminal). */
export function renderTable(rows: BenchRow[]): string {
  const peerNames = [...new Set(rows.flatMap((r) => Object.keys(r.peers)))]
  const header = ['scenario', 'metric', 'Mockboard', ...peerNames, 'ratio', 'goal', 'met', 'runs (spread)']
  const lines = rows.map((r) => [
    r.scenario,
    r.metric,
    fmt(r.mockboard),
    ...peerNames.map((p) => (p in r.peers ? fmt(r.peers[p]) : '')),
    r.ratio ? `${r.ratio.value}× ${r.ratio.against}` : '',
    r.goal ?? '',
    r.met === true ? 'yes' : r.met === false ? '**no**' : '',
    `${r.runs}${r.spread ? ` (${r.spread})` : ''}`,
  ])
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [row(header), row(header.map(() => '---')), ...lines.map(row)].join('\n')
}
