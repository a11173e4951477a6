import { describe, expect, it } from 'vitest'
import { editDistance } from './editDistance'

describe('editDistance', () => {
  it.each([
    ['redis', 'redis', 0],
    ['redsi', 'redis', 1],
    ['lod balancer', 'load balancer', 1],
    ['kafak', 'kafka', 1],
    ['cassandar', 'cassandra', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
    expect(editDistance(b, a)).toBe(distance)
  })
})
