"""A local mail catcher for `make run` and the tests: a real SMTP server (aiosmtpd) that keeps
every message, readable as JSON at http://HOST:HTTP_PORT/api/messages and as a page at /.

It is also the fake SMS and voice provider of `make run` (notification's channels.py): a POST of
`{to, text, ...}` to /sms or /voice is kept as a message with `channel` "sms" or "voice".

    python tools/mailcatcher.py [--smtp-port 1025] [--http-port 8025]
"""

from __future__ import annotations

import argparse
import html
import json
import signal
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


class MailStore:
    def __init__(self) -> None:
        self.messages: list[dict[str, str | list[str]]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802
        message = message_from_bytes(envelope.content, policy=policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
        with self.lock:
            self.messages.append({
                "from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                "subject": str(message.get("Subject", "")),
                "text": body.get_content() if body is not None else "",
            })
        return "250 Message accepted"


def http_handler(store: MailStore) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # noqa: ANN002
            pass

        def _send(self, status: int, body: str, content_type: str) -> None:
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802
            with store.lock:
                messages = list(store.messages)
            if self.path.startswith("/api/messages"):
                self._send(200, json.dumps(messages), "application/json")
                return
            items = "".join(
                f"<li><strong>{html.escape(str(m['subject']))}</strong> → "
                f"{html.escape(', '.join(m['to']))}<pre>{html.escape(str(m['text']))}</pre></li>"
                for m in reversed(messages))
            self._send(200, f"<!doctype html><html lang='en'><title>Mail catcher</title>"
                            f"<h1>Mail catcher</h1><ul>{items or '<li>No mail yet</li>'}</ul>",
                       "text/html; charset=utf-8")

        def do_POST(self) -> None:  # noqa: N802
            channel = self.path.strip("/").split("?")[0]
            if channel not in ("sms", "voice"):
                self._send(404, "{}", "application/json")
                return
            try:
                payload = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                to, text = str(payload["to"]), str(payload["text"])
            except (ValueError, KeyError, TypeError):
                self._send(400, '{"error": "to and text are required"}', "application/json")
                return
            with store.lock:
                store.messages.append({"channel": channel, "from": str(payload.get("sender", "")), "to": [to],
                                       "subject": "SMS" if channel == "sms" else "Voice call", "text": text})
            self._send(202, '{"status": "accepted"}', "application/json")

        def do_DELETE(self) -> None:  # noqa: N802
            with store.lock:
                store.messages.clear()
            self._send(204, "", "text/plain")

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--smtp-port", type=int, default=1025)
    parser.add_argument("--http-port", type=int, default=8025)
    args = parser.parse_args()
    store = MailStore()
    controller = Controller(store, hostname=args.host, port=args.smtp_port)
    controller.start()
    server = ThreadingHTTPServer((args.host, args.http_port), http_handler(store))
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
