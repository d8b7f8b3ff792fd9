"""Price tick fan-out: CLIENTS live streams (`/live`) spread over the instances in TRESOR_INSTANCE_URLS, then TICKS new
gold prices set with `tresor spot set`; prints how long each tick took to reach every stream (from the command's
return, when the price is committed). Used by bench/fanout; loopback only, bounded in time."""
import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.request

CLIENTS = int(os.environ.get("BENCH_SSE_CLIENTS", "1000"))
TICKS = int(os.environ.get("BENCH_TICKS", "5"))
BIN = os.environ["TRESOR_BIN"]
INSTANCES = os.environ["TRESOR_INSTANCE_URLS"].split(",")


class Stream:
    def __init__(self, url):
        self.url = url
        self.prices = asyncio.Queue()

    async def run(self, ready):
        host, port = self.url.split("//")[1].split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(f"GET /live?lang=en HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
        await writer.drain()
        first = True
        while True:
            line = await reader.readline()
            if not line:
                return
            if line.startswith(b"data: "):
                event = json.loads(line[6:])
                price = event.get("metals", {}).get("XAU", {}).get("oz")
                if first:
                    first = False
                    ready.release()
                if price:
                    self.prices.put_nowait((time.monotonic(), price))


async def main():
    ready = asyncio.Semaphore(0)
    streams = [Stream(INSTANCES[i % len(INSTANCES)]) for i in range(CLIENTS)]
    tasks = [asyncio.create_task(stream.run(ready)) for stream in streams]
    started = time.monotonic()
    for _ in streams:
        await asyncio.wait_for(ready.acquire(), timeout=120)
    print(f"{CLIENTS} streams open on {len(INSTANCES)} instances in {time.monotonic() - started:.1f} s", flush=True)
    if os.environ.get("BENCH_HOLD_SECONDS"):
        # Held open while the caller measures (memory under load); then the ticks.
        await asyncio.sleep(float(os.environ["BENCH_HOLD_SECONDS"]))
    spot = json.load(urllib.request.urlopen(INSTANCES[0] + "/api/v1/spot", timeout=10))
    ask = float(next(metal["ask"] for metal in spot["metals"] if metal["metal"] == "XAU"))
    worst = []
    for tick in range(1, TICKS + 1):
        for stream in streams:  # what arrived before this tick does not count
            while not stream.prices.empty():
                stream.prices.get_nowait()
        target = f"{ask + tick * 1.11:.2f}"
        expected = "€" + f"{float(target):,.2f}"
        await asyncio.to_thread(subprocess.run, [BIN, "spot", "set", "XAU", target, "--by", "bench@tresor.example"],
                                check=True, capture_output=True)
        committed = time.monotonic()

        async def arrival(stream):
            while True:
                at, price = await stream.prices.get()
                if price == expected:
                    return at - committed

        delays = sorted(await asyncio.wait_for(asyncio.gather(*(arrival(s) for s in streams)), timeout=30))
        worst.append(delays[-1])
        print(f"tick {tick}: p50 {1000 * delays[len(delays) // 2]:.0f} ms, p99 {1000 * delays[int(len(delays) * 0.99)]:.0f} ms, "
              f"last of {len(delays)} {1000 * delays[-1]:.0f} ms", flush=True)
        await asyncio.sleep(1)
    print(f"RESULT worst {1000 * max(worst):.0f} ms", flush=True)
    for task in tasks:
        task.cancel()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
