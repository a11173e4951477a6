/**
 * Appends one update to a room's log and announces it, in one atomic step and
 * one round trip: INCR the room's counter, XADD `<seq>-0` with the appending
 * server's time (raised to the previous entry's, so times never decrease
 * along the log), then PUBLISH. Nobody hears of an update before it is in the log.
 *
 * KEYS: log, seq. ARGV: author, update, channel, serverId, onlyIfEmpty ('1' or '0'), time (ms).
 * Returns the sequence number, or false when onlyIfEmpty and the log had entries.
 */
export const APPEND_SCRIPT = `
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[2]) == 1 then
  return false
end
local seq = redis.call('INCR', KEYS[2])
local ms = tonumber(ARGV[6])
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
if last then
  local fields = last[2]
  for i = 1, #fields, 2 do
    if fields[i] == 't' and tonumber(fields[i + 1]) > ms then ms = tonumber(fields[i + 1]) end
  end
end
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
