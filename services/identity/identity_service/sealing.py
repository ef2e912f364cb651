"""Secrets identity must read back — TOTP seeds and token-signing keys — sealed at rest.

Passwords, codes and links are stored as hashes; these cannot be: a TOTP seed is needed to check
a code and a private key to sign. A copy of the database (a backup, a replica, a leaked dump)
must not be enough to mint tokens or second-factor codes, so these columns hold Fernet tokens
(AES-128-CBC + HMAC-SHA256, `cryptography`) under the data keys of `IDENTITY_DATA_KEYS`, which
live in a Kubernetes Secret, not in the database.

Keys rotate like the signing keys: `IDENTITY_DATA_KEYS` lists Fernet keys newest first; values
are sealed with the first and opened with any (`MultiFernet`); `python -m identity_service
reseal` (also run at every start for values not sealed yet) re-seals everything with the first,
after which the old key can be dropped. In embedded mode (`make run`, tests) with no variable
set, the key is a file under `VAR_DIR`, created on first use.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import Text, select, type_coerce, update
from sqlalchemy.types import TypeDecorator

from clientarea_shared.config import Settings
from clientarea_shared.db import Database
from clientarea_shared.runtime import Runtime

log = logging.getLogger(__name__)

PREFIX = "sealed:"  # marks a sealed value; values written before sealing existed have none
KEYS_VARIABLE = "IDENTITY_DATA_KEYS"
KEY_FILE_NAME = "identity-data.key"


class Sealer:
    """Seals with the newest data key, opens with any of them."""

    def __init__(self, keys: list[bytes]):
        if not keys:
            raise ValueError("at least one data key is needed")
        self.keys = tuple(keys)
        self._fernet = MultiFernet([Fernet(key) for key in keys])

    def seal(self, plaintext: str) -> str:
        return PREFIX + self._fernet.encrypt(plaintext.encode()).decode()

    def open(self, stored: str) -> str:
        if not stored.startswith(PREFIX):
            return stored  # written before sealing existed; `reseal` seals it at the next start
        try:
            return self._fernet.decrypt(stored.removeprefix(PREFIX).encode()).decode()
        except InvalidToken:
            raise RuntimeError(
                f"a sealed identity secret does not open with any key of {KEYS_VARIABLE}: "
                "a key still in use was removed"
            ) from None


_installed: Sealer | None = None
_install_lock = threading.Lock()


def install(sealer: Sealer) -> None:
    """Make `sealer` the one `SealedText` columns use. Columns cannot reach a runtime, so this is
    process-wide; two identity services of one process (tests) must share their keys."""
    global _installed
    with _install_lock:
        if _installed is not None and _installed.keys != sealer.keys:
            raise RuntimeError("two identity services in one process with different data keys")
        _installed = sealer


def installed() -> Sealer:
    if _installed is None:
        raise RuntimeError("identity's data keys are not loaded (sealing.install)")
    return _installed


class SealedText(TypeDecorator[str]):
    """A text column stored sealed: code reads and writes plain strings."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: object) -> str | None:
        return None if value is None else installed().seal(value)

    def process_result_value(self, value: str | None, dialect: object) -> str | None:
        return None if value is None else installed().open(value)


def load_keys(settings: Settings, environ: Mapping[str, str] | None = None) -> list[bytes]:
    """The data keys from `IDENTITY_DATA_KEYS` (comma-separated, newest first), else the
    embedded key file, created on first use."""
    configured = (os.environ if environ is None else environ).get(KEYS_VARIABLE, "")
    keys = [key.strip().encode() for key in configured.split(",") if key.strip()]
    if keys:
        return keys
    if not settings.database_url.startswith("sqlite"):
        log.warning("%s is not set: identity's secrets are sealed with a key file under %s; "
                    "set it from a Secret in production", KEYS_VARIABLE, settings.var_dir)
    return [_embedded_key(settings.var_dir / KEY_FILE_NAME)]


def _embedded_key(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: two processes starting at once agree on one key
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    key = Fernet.generate_key()
    with os.fdopen(descriptor, "wb") as file:
        file.write(key)
    return key


def reseal(db: Database, *, everything: bool = False) -> int:
    """Seal values not sealed yet (or, with `everything`, re-seal all with the newest key, after
    a rotation). Returns how many values were written."""
    from identity_service.models import SigningKey, User  # models import this module

    written = 0
    with db.session() as session:
        for column, key_column in ((User.totp_secret, User.id), (User.totp_pending_secret, User.id),
                                   (SigningKey.private_pem, SigningKey.kid)):
            raw = type_coerce(column, Text)  # compare what is stored, not what it opens to
            query = select(key_column, column).where(raw.is_not(None))
            if not everything:
                query = query.where(raw.not_like(f"{PREFIX}%"))
            for row_key, plaintext in session.execute(query).all():
                session.execute(update(column.class_).where(key_column == row_key)
                                .values({column.key: plaintext}))
                written += 1
    return written


def on_start(runtime: Runtime) -> None:
    """Load the data keys before anything reads a sealed column; seal what is still plain."""
    install(Sealer(load_keys(runtime.settings)))
    if written := reseal(runtime.db):
        log.info("sealed %d identity secrets written before sealing existed", written)


def reseal_command(runtime: Runtime) -> None:
    """`python -m identity_service reseal`: after adding a new first key to IDENTITY_DATA_KEYS,
    re-seal every secret with it, so the old key can then be removed."""
    install(Sealer(load_keys(runtime.settings)))
    print(f"re-sealed {reseal(runtime.db, everything=True)} identity secrets with the newest data key")
