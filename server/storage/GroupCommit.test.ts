/**
 * Group commit on its own (no database): writes queued in one event-loop
 * turn are committed together, in order; a batch that fails is retried item
 * by item so one bad write fails alone; `commitNow` commits at once.
 *
 * What it replaced: one SQLite transaction (BEGIN IMMEDIATE … COMMIT) per
 * appended update, so a turn bringing updates for fifty rooms paid for fifty
 * commits before any of them could be broadcast.
 */
import { describe, expect, test } from 'vitest'
import { GroupCommit } from './GroupCommit'

/** A writer that records its transactions; `bad` items make a transaction throw. */
function recorder(bad: (item: number) => boolean = () => false) {
  const transactions: number[][] = []
  const write = (items: number[]) => {
    if (items.some(bad)) throw new Error(`bad item in ${items.join(',')}`)
    transactions.push(items)
    return items.map((item) => item * 10)
  }
  return {
    transactions,
    commits: new GroupCommit<number, number>({ writeBatch: write, writeOne: (item) => write([item])[0]! }),
  }
}

describe('GroupCommit', () => {
  test('writes queued in one turn share one transaction, in order; each resolves with its own result', async () => {
    const { transactions, commits } = recorder()
    const results = Promise.all([1, 2, 3].map((item) => commits.write(item)))
    expect(transactions).toEqual([]) // nothing is written before the end of the turn
    expect(commits.pending).toBe(3)
    expect(await results).toEqual([10, 20, 30])
    expect(transactions).toEqual([[1, 2, 3]])
    // The next turn's writes are the next transaction.
    expect(await commits.write(4)).toBe(40)
    expect(transactions).toEqual([[1, 2, 3], [4]])
  })

  test('a failing batch is retried item by item: only the bad write rejects', async () => {
    const { transactions, commits } = recorder((item) => item === 2)
    const results = await Promise.allSettled([1, 2, 3].map((item) => commits.write(item)))
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(transactions).toEqual([[1], [3]])
  })

  test('commitNow commits what is queued at once (other operations see every earlier write)', async () => {
    const { transactions, commits } = recorder()
    const first = commits.write(1)
    commits.commitNow()
    expect(transactions).toEqual([[1]])
    expect(commits.pending).toBe(0)
    expect(await first).toBe(10)
    commits.commitNow() // nothing queued: no empty transaction
    expect(transactions).toEqual([[1]])
  })
})
