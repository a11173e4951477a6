/**
 * One take of a sliding-window quota in Redis, atomic and on one key (so it
 * runs on a Redis Cluster: the key alone decides the slot). The same
 * algorithm as `SlidingWindowLimiter`, so both answer alike:
 *
 * - The key is a sorted set, one member per millisecond that had events:
 *   score = that time (ms), member = `<time>:<units>` (events in the same
 *   millisecond share one, their units summed).
 * - Members at or before `now - window` have left the window and are removed.
 * - When the units left plus this event's exceed the limit, nothing is
 *   written and the answer is how long until enough of the oldest members
 *   have left for it to fit (at least 1 ms).
 * - Otherwise the event is added and the key's expiry set to the window:
 *   the newest event is the last to leave, so the whole key can go then.
 *   A key therefore lives at most one window after its last accepted event.
 *
 * Time is the Redis server's (`TIME`, allowed in a script that writes since
 * Redis 5's effects replication), unless a time is passed (tests). Every app
 * server's takes on one key meet on one node, so one clock orders them, and
 * it is the clock `PEXPIRE` counts on; app servers' clocks may disagree by
 * more than the precision a window slides at (an app clock that lags would
 * find events "from the future" in the log and keep them too long, one that
 * leads would drop them too soon).
 *
 * Cost: one pass over the key's members, which are at most the events
 * accepted in one window (20 boards, 30 sign-ins, 120 chunks; the byte
 * quota's are chunks too, held to 120 a minute by the chunk quota).
 *
 * KEYS: the quota key. ARGV: limit, window (ms), units (0 ≤ units ≤ limit,
 * whole), time in ms ('' for Redis's `TIME`).
 * Returns `{1, remaining}` when taken, `{0, retryAfterMs}` when refused.
 */
export const SLIDING_WINDOW_TAKE_SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local units = tonumber(ARGV[3])
local now
if ARGV[4] == '' then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
else
  now = tonumber(ARGV[4])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local times, weights, total, same = {}, {}, 0, nil
for i = 1, #entries, 2 do
  local at = tonumber(entries[i + 1])
  local weight = tonumber(string.match(entries[i], ':(%d+)$'))
  times[#times + 1] = at
  weights[#weights + 1] = weight
  total = total + weight
  if at == now then same = i end
end
if total + units > limit then
  local freed, n = 0, 0
  while total - freed + units > limit do
    n = n + 1
    freed = freed + weights[n]
  end
  return {0, math.max(1, times[n] + window - now)}
end
if units > 0 then
  local merged = units
  if same then
    merged = merged + weights[(same + 1) / 2]
    redis.call('ZREM', KEYS[1], entries[same])
  end
  redis.call('ZADD', KEYS[1], now, string.format('%d:%d', now, merged))
  redis.call('PEXPIRE', KEYS[1], window)
end
return {1, limit - total - units}
`
