-- A fixed-window rate limiter.
-- _:counter-key: the counter for one client and window, e.g. rate:api:42
-- _:limit: requests allowed per window; _:window-ms: the window length in milliseconds.
-- Returns {allowed (1 or 0), requests so far, milliseconds until the window resets}.
local count = redis.call('incr', _:counter-key)
if count == 1 then
    redis.call('pexpire', _:counter-key, tonumber(_:window-ms))
end
local ttl = redis.call('pttl', _:counter-key)
if count > tonumber(_:limit) then
    return {0, count, ttl}
end
return {1, count, ttl}
