-- Durable creates: each request a new account (the server numbers its code).
local counter = 0
local thread_id = 0
setup = function(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end
request = function()
  counter = counter + 1
  local body = string.format('{"name":"Bench %d-%d","area":"north","type":"prospect"}', thread_id, counter)
  return wrk.format("POST", "/api/v1/accounts", nil, body)
end
