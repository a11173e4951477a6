/**
 * Appends one update to a room's log and announces it, in one atomic step and
 * one round trip: INCR the room's counter, XADD `<seq>-0` with the appending
 * server's time (raised to the previous entry's, so times never decrease
 * along the log), add the update's size to the byte counter, then publish it
 * on the room's channel: `PUBLISH` on one node, `SPUBLISH` on a cluster (the
 * channel carries the room's hash tag, so it belongs to the script's slot and
 * the message stays on the shard that owns the room).
 * Nobody hears of an update before it is in the log. The byte counter starts
 * with a new log; on an older log without one it is left absent for
 * {@link COUNT_LOG_BYTES_SCRIPT} to create (a partial count would be wrong).
 *
 * A fenced append (fence token given) first checks that the server's token in
 * the fence hash is still that token (-1 if not: the node lost acknowledged
 * writes, see `RedisLogFence`) and, with an expected last seq, that the
 * counter is still there (-2 if not); either way nothing is written.
 *
 * A log whose entries were all archived to PostgreSQL has no stream; its
 * archive marker then holds the last entry's time.
 *
 * KEYS: log, seq, bytes, fence, archive marker. ARGV: author, update, channel, serverId, onlyIfEmpty ('1' or '0'),
 * time (ms), publish command ('PUBLISH' or 'SPUBLISH'), fence token ('' for none), expected last seq ('' for any).
 * Returns the sequence number, -1 or -2 (refused by the fence), or false when onlyIfEmpty and the log had entries.
 */
export const APPEND_SCRIPT = `
if ARGV[8] ~= '' then
  if redis.call('HGET', KEYS[4], ARGV[4]) ~= ARGV[8] then return -1 end
  if ARGV[9] ~= '' and tonumber(redis.call('GET', KEYS[2]) or '0') ~= tonumber(ARGV[9]) then return -2 end
end
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
else
  local floor = tonumber(redis.call('HGET', KEYS[5], 't') or '0')
  if floor > ms then ms = floor end
end
redis.call('XADD', KEYS[1], seq .. '-0', 't', ms, 'a', ARGV[1], 'u', ARGV[2])
if seq == 1 then
  redis.call('SET', KEYS[3], #ARGV[2])
elseif redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('INCRBY', KEYS[3], #ARGV[2])
end
local message = ARGV[4] .. '|' .. seq .. '|' .. ms .. '|' .. ARGV[2]
if ARGV[7] == 'SPUBLISH' then
  redis.call('SPUBLISH', ARGV[3], message)
else
  redis.call('PUBLISH', ARGV[3], message)
end
return seq
`

/**
 * Stores a snapshot unless a newer one is already there (any server may
 * save one) or it claims a position past the log's end (the log was deleted
 * under a room still saving: its counter is gone). KEYS: snapshot, seq.
 * ARGV: seq, data. Returns 1 when stored.
 */
export const SAVE_SNAPSHOT_SCRIPT = `
local current = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
if tonumber(ARGV[1]) <= current then
  return 0
end
if tonumber(ARGV[1]) > tonumber(redis.call('GET', KEYS[2]) or '0') then
  return 0
end
redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'data', ARGV[2])
return 1
`

/**
 * Reads one bounded page of a room's log: entries after `afterSeq`, at most
 * `maxEntries` of them and `maxBytes` of update bytes in all (the first entry
 * always fits), walking the stream 16 entries at a time so Redis never holds
 * much more than the page either. The entry past the page is looked at only
 * to say whether more follow.
 *
 * KEYS: log. ARGV: afterSeq, maxEntries, maxBytes.
 * Returns `{ more (0 or 1), entry, entry, … }`, each entry as XRANGE gives it.
 */
export const READ_LOG_PAGE_SCRIPT = `
local maxEntries = tonumber(ARGV[2])
local maxBytes = tonumber(ARGV[3])
local out = { 0 }
local count = 0
local bytes = 0
local cursor = '(' .. ARGV[1] .. '-0'
while true do
  local page = redis.call('XRANGE', KEYS[1], cursor, '+', 'COUNT', 16)
  if #page == 0 then return out end
  for _, entry in ipairs(page) do
    local size = 0
    local fields = entry[2]
    for i = 1, #fields, 2 do
      if fields[i] == 'u' then size = #fields[i + 1] end
    end
    if count >= maxEntries or (count > 0 and bytes + size > maxBytes) then
      out[1] = 1
      return out
    end
    count = count + 1
    bytes = bytes + size
    out[#out + 1] = entry
  end
  cursor = '(' .. page[#page][1]
end
`

/**
 * Counts the update bytes of a log that has no byte counter yet (written
 * before it existed), a page at a time so Redis is never blocked for long:
 * called again with the running sum and the last seq counted until it
 * reaches the end, where it creates the counter in the same step (so no
 * append falls between the count and the counter). When the counter exists,
 * it answers it at once.
 *
 * KEYS: bytes, log, seq. ARGV: afterSeq, sumSoFar, pageSize.
 * Returns `{ 1, total }` when done, or `{ 0, sum, lastSeq }` to call again.
 */
export const COUNT_LOG_BYTES_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current then return { 1, tonumber(current) } end
local sum = tonumber(ARGV[2])
local page = redis.call('XRANGE', KEYS[2], '(' .. ARGV[1] .. '-0', '+', 'COUNT', tonumber(ARGV[3]))
for _, entry in ipairs(page) do
  local fields = entry[2]
  for i = 1, #fields, 2 do
    if fields[i] == 'u' then sum = sum + #fields[i + 1] end
  end
end
if #page < tonumber(ARGV[3]) then
  if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('SET', KEYS[1], sum) end
  return { 1, sum }
end
local last = page[#page][1]
return { 0, sum, tonumber(string.match(last, '^(%d+)')) }
`
