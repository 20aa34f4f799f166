-- Renames KEYS[1] to KEYS[2] when KEYS[1] exists.
-- Returns 10 after a rename, 11 when there was nothing to rename.
if redis.call('exists', KEYS[1]) == 1 then
    redis.call('rename', KEYS[1], KEYS[2])
    return 10
end
return 11
