/** The one user every bench client connects as (presence is bound per connection, not per user). */
export const BENCH_USER = 'user:bench'
