-- Releases a lock only if it still belongs to the given owner (compare and delete), the way
-- Carmine releases its locks. KEYS[1]: the lock key; ARGV[1]: the owner id you hold.
-- Returns 1 when released, 0 when the lock is gone or someone else holds it.
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
