#!/usr/bin/env python3
"""A loopback HTTP/1.1 proxy for bench/bulk.sh that injects faults at a seeded
rate, half of each kind:

- 503 without forwarding (the service was busy; nothing was applied);
- the request forwarded, then the client's connection reset instead of the
  answer (the service applied the change; the client never saw it).

The tests have their own, richer proxy (tests/it/faults.rs); this one only
has to stand between a benchmark client and the service, on loopback.

Usage: fault-proxy.py LISTEN_PORT BACKEND_PORT RATE SEED   (RATE: 0.1 for 10 %)
Runs until killed.
"""
import asyncio
import random
import socket
import struct
import sys


async def read_message(reader):
    """One request or response: head, then a Content-Length or chunked body."""
    head = await reader.readuntil(b"\r\n\r\n")
    length, chunked = 0, False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if not chunked:
        return head + (await reader.readexactly(length) if length else b"")
    body = b""
    while True:
        size_line = await reader.readuntil(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        body += size_line + await reader.readexactly(size + 2)
        if size == 0:
            return head + body


def main():
    listen, backend, rate, seed = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)

    async def serve(client_r, client_w):
        backend_r, backend_w = await asyncio.open_connection("127.0.0.1", backend)
        try:
            while True:
                try:
                    request = await read_message(client_r)
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                roll = rng.random()
                if roll < rate / 2:
                    client_w.write(b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n")
                    await client_w.drain()
                    continue
                backend_w.write(request)
                await backend_w.drain()
                response = await read_message(backend_r)
                if roll < rate:
                    # SO_LINGER 0: close() sends a reset, not a clean end.
                    sock = client_w.get_extra_info("socket")
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                client_w.write(response)
                await client_w.drain()
        finally:
            client_w.close()
            backend_w.close()

    async def run():
        server = await asyncio.start_server(serve, "127.0.0.1", listen)
        async with server:
            await server.serve_forever()

    asyncio.run(run())


if __name__ == "__main__":
    main()
