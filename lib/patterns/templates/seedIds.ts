import type { SeedSource } from '../sources'

// Short names for the seed files templates cite. Layout grid of every
// template: blocks are 200 × 76; columns 380 apart leave 180 px for an arrow
// label such as "WebSocket" between them; rows about 140 apart.
export const S001: SeedSource = '001_49db91e9f3f145ef.txt'
export const S002: SeedSource = '002_166e20fca8cfff70.txt'
export const S003: SeedSource = '003_00a63fccc9d8ea53.txt'
export const S004: SeedSource = '004_883ce214cd1f0ecf.txt'
export const S000: SeedSource = '000_660079a65f9868b6.txt'
