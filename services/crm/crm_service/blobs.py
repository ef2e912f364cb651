"""crm's file storage (clientarea_shared.storage): one BlobStore per process, and the two steps
every upload takes around its database transaction. Bytes are written first (a refused upload
never gets here), then the rows; if the transaction fails, the bytes are removed again, and a
row's bytes are removed only after the row's deletion is committed. So a row never points at
missing bytes; at worst a crash leaves an orphan file, which harms nobody."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from clientarea_shared.errors import NotFound
from clientarea_shared.runtime import Runtime
from clientarea_shared.storage import BlobInfo, BlobStore, CheckedUpload, StorageSettings, blob_store_from_settings

log = logging.getLogger(__name__)


def blob_store(runtime: Runtime) -> BlobStore:
    return runtime.component("blob_store", lambda rt: blob_store_from_settings(
        StorageSettings(var_dir=rt.settings.var_dir)))


@contextmanager
def stored(blobs: BlobStore, tenant_id: str,
           uploads: Sequence[tuple[CheckedUpload, bytes]]) -> Iterator[list[BlobInfo]]:
    """Write the checked uploads; the block records their rows. Any error in the block removes them."""
    written: list[BlobInfo] = []
    try:
        for checked, content in uploads:
            written.append(blobs.put(tenant_id, io.BytesIO(content), max_bytes=checked.size))
        yield written
    except BaseException:
        discard(blobs, [info.key for info in written])
        raise


def discard(blobs: BlobStore, keys: Sequence[str]) -> None:
    """Remove blobs whose rows are gone (or never came); a failure is logged, not raised."""
    for key in keys:
        try:
            blobs.delete(key)
        except OSError:
            log.warning("could not delete blob %s", key, exc_info=True)


def read(blobs: BlobStore, key: str) -> bytes:
    try:
        with blobs.open(key) as handle:
            return handle.read()
    except FileNotFoundError as exc:
        log.error("blob %s is missing", key)
        raise NotFound("The file is no longer available") from exc
