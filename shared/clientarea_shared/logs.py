"""JSON logs with service, trace id and request id; personal data masked before it is written."""

from __future__ import annotations

import logging
import re
import sys

from pythonjsonlogger.json import JsonFormatter

from clientarea_shared import context
from clientarea_shared.telemetry import current_trace_id

_MASKS = [
    # JWTs and other bearer secrets
    (re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+"), "[token]"),
    (re.compile(r"(?i)(password|secret|token)(\"?\s*[:=]\s*\"?)[^\s\",}]+"), r"\1\2[redacted]"),
    # e-mail addresses: keep the first letter and the domain
    (re.compile(r"\b([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b"), r"\1***@\2"),
    # Spanish tax ids (NIF/NIE/CIF) and long digit runs (cards, accounts): keep the last 3
    (re.compile(r"\b[XYZ]?\d{5,7}(\d{2}[A-Z])\b"), r"***\1"),
    (re.compile(r"\b[A-HJ-NP-SUVW]\d{5}(\d{2}[0-9A-J])\b"), r"***\1"),
    (re.compile(r"\b\d{9,15}(\d{3})\b"), r"***\1"),
]


def mask_pii(text: str) -> str:
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


class _ContextFilter(logging.Filter):
    def __init__(self, service: str):
        super().__init__()
        self.service = service

    def filter(self, record: logging.LogRecord) -> bool:
        record.service = self.service
        record.trace_id = current_trace_id()
        record.request_id = context.request_id()
        record.msg = mask_pii(record.getMessage())
        record.args = None
        return True


def setup_logging(service: str, level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s %(service)s %(trace_id)s %(request_id)s",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        )
    )
    handler.addFilter(_ContextFilter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("pika", "urllib3", "kombu", "amqp"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
