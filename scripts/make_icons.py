#!/usr/bin/env python3
"""Draws the Stallwatch toolbar icons (a rising-bars gauge on a rounded square) as PNGs.

Run once when the design changes; the PNGs under extension/icons/ are committed.
Uses only the standard library (zlib + struct), so it runs on a fresh machine.
"""
import os
import struct
import zlib

NAVY = (27, 35, 48, 255)
BARS = [(46, 132, 74, 255), (199, 119, 0, 255), (194, 57, 52, 255)]
CLEAR = (0, 0, 0, 0)


def pixel(x, y, n):
    # Rounded square background.
    r = n * 0.22
    cx = min(max(x + 0.5, r), n - r)
    cy = min(max(y + 0.5, r), n - r)
    if (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r:
        return CLEAR
    # Three rising bars.
    u, v = (x + 0.5) / n, (y + 0.5) / n
    for i, colour in enumerate(BARS):
        left = 0.18 + i * 0.23
        top = 0.62 - i * 0.2
        if left <= u <= left + 0.17 and top <= v <= 0.82:
            return colour
    return NAVY


def png(n):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, n)) for x in range(n)) for y in range(n)
    )

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(__file__), "..", "extension", "icons")
    os.makedirs(out, exist_ok=True)
    for size in (16, 32, 48, 128):
        with open(os.path.join(out, f"{size}.png"), "wb") as f:
            f.write(png(size))
