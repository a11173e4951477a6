/**
 * Appends one update to a room's log and announces it, in one atomic step and
 * one round trip: INCR the room's counter, XADD `<seq>-0` with Redis's clock,
 * then PUBLISH. Nobody hears of an update before it is in the log.
 *
 * KEYS: log, seq. ARGV: author, update, channel, serverId, onlyIfEmpty ('1' or '0').
 * Returns the sequence number, or false when onlyIfEmpty and the log had entries.
 */
export const APPEND_SCRIPT = `
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[2]) == 1 then
  return false
end
local seq = redis.call('INCR', KEYS[2])
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('XADD', KEYS[1], seq .. '-0', 't', ms, 'a', ARGV[1], 'u', ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4] .. '|' .. seq .. '|' .. ms .. '|' .. ARGV[2])
return seq
`

/**
 * Stores a snapshot unless a newer one is already there (any server may
 * save one). KEYS: snapshot. ARGV: seq, data. Returns 1 when stored.
 */
export const SAVE_SNAPSHOT_SCRIPT = `
local current = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
if tonumber(ARGV[1]) <= current then
  return 0
end
redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'data', ARGV[2])
return 1
`
