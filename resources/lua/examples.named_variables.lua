-- Carmine-style named variables: every _:name becomes an input on the Inputs tab.
-- Tick "Key?" for my-key so it is sent as KEYS[1]; my-val goes as ARGV[1].
return redis.call('set', _:my-key, 'lua ' .. _:my-val)
