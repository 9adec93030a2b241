"""Serve a built site on 127.0.0.1 with gzip, as GitHub Pages serves it.

`python3 -m http.server` sends every file uncompressed, which makes a page look heavier
and slower to Lighthouse than it is for a reader. This server compresses text types
(HTML, CSS, JS, JSON, SVG, XML) when the client accepts gzip, and leaves fonts and
images, already compressed, as they are. It is for local measurement only.

Usage: `python tools/serve_gzip.py SITE_DIR [--port 8001]`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

HOST = "127.0.0.1"
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
)
# GitHub Pages answers with a ten-minute cache lifetime.
CACHE_CONTROL = "max-age=600"


class GzipHandler(SimpleHTTPRequestHandler):
    """A static file handler that gzips text responses."""

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the audit prints its own table."""

    def end_headers(self) -> None:
        """Add the cache lifetime GitHub Pages sends."""
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def send_head(self) -> BinaryIO | None:
        """Send the headers; return a body gzipped when the type and the client allow it."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                # A directory without its slash: the base class redirects.
                return super().send_head()
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serving(site: Path, port: int = 0) -> Iterator[str]:
    """Serve `site` in a background thread; yield its base URL (ends with a slash)."""
    handler = functools.partial(GzipHandler, directory=str(site))
    server = ThreadingHTTPServer((HOST, port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def main() -> None:
    """Serve a directory until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (mkdocs --site-dir)")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    with serving(args.site, args.port) as url:
        print(f"serving {args.site} with gzip on {url} (Ctrl-C stops)")
        with suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
