-- wrk script for bench/checkout: every connection buys one Krugerrand after another through the JSON API,
-- a quote and then an order on it, as an app would. Counts orders placed per thread; done() adds them up.
local quotes_waiting = {}
orders, quotes, failures = 0, 0, 0
local sequence = 0
local threads = {}

local quote_body = '{"items":[{"sku":"AU-KR-1OZ","quantity":1}]}'
-- Every order from another customer, as in a shop: one customer's orders are linked for the anti-money-laundering
-- rules and checked one after the other under that person's lock, which would make this a benchmark of one buyer.
local function customer(n)
  return '{"email":"bench-' .. name .. '-' .. n .. '@example.de","name":"Bench Buyer ' .. name .. '-' .. n
    .. '","street":"Weg ' .. n .. '","postalCode":"50667","city":"Koeln","country":"DE"}'
end

function setup(thread)
  -- Idempotency keys differ per run and thread: a key used before with another quote would be refused.
  thread:set("name", string.format("%d-%d-%d", os.time(), math.random(1000000), #threads + 1))
  table.insert(threads, thread)
end

function request()
  local id = table.remove(quotes_waiting)
  if id then
    sequence = sequence + 1
    local body = '{"quoteId":"' .. id .. '","customer":' .. customer(sequence)
      .. ',"shippingMethod":"insured","paymentMethod":"bank_transfer","acceptTerms":true}'
    return wrk.format("POST", "/api/v1/orders", {
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = "bench-" .. name .. "-" .. sequence,
    }, body)
  end
  return wrk.format("POST", "/api/v1/quotes", { ["Content-Type"] = "application/json" }, quote_body)
end

function response(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    return
  end
  if body:find('"expiresAt"', 1, true) then
    local id = body:match('"id"%s*:%s*"([%x%-]+)"')
    if id then
      quotes = quotes + 1
      table.insert(quotes_waiting, id)
    end
  elseif body:find('"number"', 1, true) then
    orders = orders + 1
  end
end

function done(summary, latency, requests)
  local placed, quoted, failed = 0, 0, 0
  for _, thread in ipairs(threads) do
    placed = placed + thread:get("orders")
    quoted = quoted + thread:get("quotes")
    failed = failed + thread:get("failures")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %.1f %.1f %d %.2f\n", placed / seconds, quoted / seconds, failed,
    latency:percentile(99) / 1000))
end
