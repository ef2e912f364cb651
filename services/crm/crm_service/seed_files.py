"""Demo data of the client files: two documents of the demo customer's client, a signed AML form
the firm shares with them and an internal risk note (idempotent; small generated PDFs). Each is
recorded in the client's history as the platform's."""

from __future__ import annotations

import io

from clientarea_shared import demo
from clientarea_shared.db import utcnow
from clientarea_shared.runtime import Runtime
from clientarea_shared.storage import PDF, BlobInfo
from crm_service.blobs import blob_store, discard
from crm_service.domain.files import FileSnapshot
from crm_service.handlers.history import record_changes
from crm_service.models import ClientFile
from crm_service.seed_support import simple_pdf

AGENT = (demo.demo_id(f"user:{demo.AGENT_USERNAME}"), "Marta Agente")
# (key, name, kind, file name, visible to the client, the PDF's lines)
FILES = [
    ("file:cliente:pbc", "Formulario de prevención del blanqueo 2025", "aml_form", "formulario-pbc-2025.pdf", True,
     ["Formulario de conocimiento del cliente (PBC)", "Titular: Lucía Fernández Ruiz", "Firmado el 14/01/2025"]),
    ("file:cliente:riesgo", "Nota interna de riesgo", "other", "nota-riesgo.pdf", False,
     ["Nota interna: riesgo bajo", "Revisar en enero de 2026"]),
]


def seed_client_files(runtime: Runtime) -> None:
    blobs = blob_store(runtime)
    for key, name, kind, file_name, visible, lines in FILES:
        with runtime.db.read() as session:
            if session.get(ClientFile, demo.demo_id(key)) is not None:
                continue
        content = simple_pdf(lines)
        info = blobs.put(demo.TENANT_ID, io.BytesIO(content), max_bytes=len(content))
        try:
            with runtime.db.session() as session:
                _add(session, key, name, kind, file_name, visible, info)
        except BaseException:
            discard(blobs, [info.key])
            raise


def _add(session, key: str, name: str, kind: str, file_name: str, visible: bool, info: BlobInfo) -> None:  # noqa: ANN001
    now = utcnow()
    file = ClientFile(
        id=demo.demo_id(key), tenant_id=demo.TENANT_ID, client_id=demo.CLIENT_ID, name=name, kind=kind,
        original_file_name=file_name, content_type=PDF.mime, size=info.size, sha256=info.sha256,
        blob_key=info.key, uploaded_by_id=AGENT[0], uploaded_by_name=AGENT[1], uploaded_by_kind="staff",
        visible_to_client=visible, uploaded_at=now, updated_at=now)
    session.add(file)
    session.flush()
    record_changes(session, tenant_id=demo.TENANT_ID, client_id=demo.CLIENT_ID, entity="file", entity_id=file.id,
                   label=name, before={}, after=FileSnapshot(name, kind, file_name, visible).fields(), actor=None)
