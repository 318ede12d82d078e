-- wrk script: every request carries its own payment header, one line of $WRK_HEADERS_FILE each
-- (no file: no header, e.g. for the ungated endpoint or the 402 challenge). Lines are dealt to the
-- threads round-robin, so no header is ever sent twice; a thread stops when its lines run out.
-- $WRK_EXPECT is the status counted as a success (200, or 402 for the challenge). done() prints
-- one JSON line for the orchestrator.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  nthreads = tonumber(os.getenv("WRK_THREADS") or "1")
  expect = tonumber(os.getenv("WRK_EXPECT") or "200")
  header_name = os.getenv("WRK_HEADER") or "PAYMENT-SIGNATURE"
  lines = {}
  local file = os.getenv("WRK_HEADERS_FILE")
  if file and file ~= "" then
    local i = 0
    for line in io.lines(file) do
      if i % nthreads == id then table.insert(lines, line) end
      i = i + 1
    end
  end
  has_headers = #lines > 0
  sent = 0
  ok = 0
  other = 0
  answered = 0
  statuses = {}
  first_other = ""
end

function request()
  if has_headers then
    sent = sent + 1
    local line = lines[sent]
    if line == nil then line = lines[#lines] end -- only reached after stop(); answered as a replay
    return wrk.format(nil, nil, { [header_name] = line })
  end
  return wrk.format()
end

function response(status, headers, body)
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  if status == expect then
    ok = ok + 1
  else
    other = other + 1
    if first_other == "" then
      local required = headers["PAYMENT-REQUIRED"] or headers["payment-required"] or headers["Payment-Required"] or ""
      first_other = status .. " " .. string.sub(body or "", 1, 300) .. " payment-required=" .. required
    end
  end
  if has_headers and answered >= #lines then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local total_ok, total_other = 0, 0
  local by_status = {}
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
    for status, n in pairs(thread:get("statuses")) do by_status[status] = (by_status[status] or 0) + n end
    local first = thread:get("first_other")
    if first ~= "" then io.write("# first unexpected response: " .. string.gsub(first, "\n", " ") .. "\n") end
  end
  local parts = {}
  for status, n in pairs(by_status) do table.insert(parts, '"' .. status .. '":' .. n) end
  io.write(string.format(
    '{"statuses":{%s},"requests":%d,"durationUs":%d,"ok":%d,"other":%d,"connectErrors":%d,"readErrors":%d,"timeouts":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"meanUs":%.1f,"maxUs":%d}\n',
    table.concat(parts, ","), summary.requests, summary.duration, total_ok, total_other,
    summary.errors.connect, summary.errors.read, summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max))
end
