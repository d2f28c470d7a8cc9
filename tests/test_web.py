"""Reports named by their web address, fetched from a local server (never the internet)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli

PAGE = (ROOT / "tests" / "corpus" / "007_sd_huancui_standing.txt").read_text("utf-8").split("\n", 1)[1]
HTML = ("<html><head><meta charset=\"gb2312\"><title>区委常委会召开第138次（扩大）会议_环翠新闻网</title></head>"
        "<body><div class=\"nav\">首页 &gt; 新闻中心</div><article>"
        + "".join(f"<p>{line}</p>" for line in PAGE.splitlines() if line.strip())
        + "</article><footer>版权所有 环翠区融媒体中心</footer></body></html>")


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/gbk.html": (200, "text/html; charset=gbk", HTML.encode("gbk")),
            "/meta.html": (200, "text/html", HTML.encode("gb18030")),  # only the page says gb2312
            "/big.html": (200, "text/html", b"<html>" + b" " * (11 * 1024 * 1024)),
            "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
        }
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/gbk.html")
            self.end_headers()
            return
        status, kind, body = routes.get(self.path, (404, "text/plain", b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # quiet
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize("page", ["/gbk.html", "/meta.html", "/moved"])
def test_a_page_by_its_address(server: str, page: str) -> None:
    done = run_cli("summarize", server + page, "--format", "json", "-q")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    [meeting] = data["meetings"]
    assert (meeting["district"], meeting["kind"]) == ("环翠区", "常委会扩大会议")
    assert data["sources"][0]["url"] == server + page  # the address is the source link
    assert "首页" not in done.stdout and "版权所有" not in done.stdout


@pytest.mark.parametrize(("page", "cause"), [
    ("/missing.html", "cannot fetch (HTTP 404"), ("/big.html", "page larger than 10 MB"),
    ("/logo.png", "not a web page (image/png)"),
])
def test_a_failed_address_is_one_clear_error(server: str, page: str, cause: str, tmp_path: Path) -> None:
    done = run_cli("build", server + page, "-o", str(tmp_path / "d.pptx"))
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines == [f"briefing: error: {server + page}: {lines[0].split(': ', 3)[-1]}"]
    assert cause in lines[0]
    assert not (tmp_path / "d.pptx").exists()


def test_no_server_is_one_clear_error(tmp_path: Path) -> None:
    done = run_cli("summarize", "http://127.0.0.1:9/report.html")
    assert done.returncode == 2
    assert done.stderr.startswith("briefing: error: http://127.0.0.1:9/report.html: cannot fetch (")
