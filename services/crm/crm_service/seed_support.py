"""Demo data of support and content (idempotent): a ticket of the demo customer answered by the
demo agent, a review request waiting for staff, two support materials (small PDF and CSV files made
here) and three offers of the advantage programme (one active, one ended, one draft)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

from clientarea_shared import demo
from clientarea_shared.runtime import Runtime
from crm_service.blobs import blob_store
from crm_service.models import Advantage, Material, SupportMessage, SupportStaffContact, SupportTicket

AGENT_ID = demo.demo_id(f"user:{demo.AGENT_USERNAME}")
AGENT_NAME = "Marta Agente"
CUSTOMER_ID = demo.demo_id(f"user:{demo.CLIENT_USERNAME}")
CUSTOMER_NAME = "Lucía Fernández Ruiz"


def simple_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a few lines of text (Latin-1), with a correct cross-reference table."""
    text = " T* ".join(f"({line.replace('(', '[').replace(')', ']')}) Tj" for line in lines)
    stream = f"BT /F1 12 Tf 14 TL 72 770 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


MATERIALS = [
    ("material:guia-area-cliente", "Guía rápida del Área Cliente", "Guías",
     "Cómo entrar, consultar sus expedientes y pagar sus facturas, paso a paso.", "guia-area-cliente.pdf",
     simple_pdf(["Guia rapida del Area Cliente", "", "1. Entre con su usuario y contrasena.",
                 "2. Consulte sus expedientes en Expedientes.", "3. Pague sus facturas en Facturas y pagos."])),
    ("material:plantilla-deudores", "Plantilla para declarar impagados", "Formularios",
     "Rellénela con un deudor por fila y envíenosla en una solicitud de soporte.", "plantilla-impagados.csv",
     b"deudor;nif;importe;vencimiento\nEjemplo S.L.;B00000000;1250,00;2026-01-31\n"),
]

ADVANTAGES = [
    ("advantage:revision-gratuita", "Revisión gratuita de su cartera de deudores",
     "Durante este trimestre analizamos sin coste el riesgo de sus diez principales deudores.",
     date(2026, 1, 1), date(2026, 12, 31), "https://demo.test/ventajas/revision", True),
    ("advantage:descuento-renovacion", "10 % de descuento en la renovación",
     "Renueve su póliza antes de que venza y ahórrese un 10 % de la prima.",
     date(2025, 1, 1), date(2025, 6, 30), "", True),
    ("advantage:webinar", "Seminario web: cómo reclamar un impagado", "Próximamente.",
     date(2026, 1, 1), None, "", False),
]


def _seed_tickets(session, now: datetime) -> None:  # noqa: ANN001
    ticket_id = demo.demo_id("ticket:factura-octubre")
    if session.get(SupportTicket, ticket_id) is not None:
        return
    opened = now - timedelta(days=3)
    session.add(SupportTicket(
        id=ticket_id, tenant_id=demo.TENANT_ID, number=1, client_id=demo.CLIENT_ID, type="question",
        subject="Duda sobre la factura de octubre", status="awaiting_customer", requester_id=CUSTOMER_ID,
        requester_name=CUSTOMER_NAME, requester_email=demo.CLIENT_USERNAME, requester_locale="es",
        assignee_id=AGENT_ID, assignee_name=AGENT_NAME, created_at=opened, updated_at=opened + timedelta(hours=2),
        last_message_at=opened + timedelta(hours=2)))
    conversation = [
        ("message", "customer", CUSTOMER_ID, CUSTOMER_NAME,
         "En la factura de octubre aparece un recargo que no entiendo. ¿Me lo pueden explicar?", opened),
        ("event", "staff", AGENT_ID, AGENT_NAME, f"assigned:{AGENT_NAME}", opened + timedelta(hours=2)),
        ("message", "staff", AGENT_ID, AGENT_NAME,
         "Buenos días, Lucía. Es el recargo por pago fuera de plazo de septiembre; si paga a tiempo este mes, "
         "no volverá a aparecer.", opened + timedelta(hours=2, seconds=1)),
        ("note", "staff", AGENT_ID, AGENT_NAME, "Comprobado con Administración: recargo correcto.",
         opened + timedelta(hours=2, seconds=2)),
    ]
    for index, (kind, side, author_id, author, body, at) in enumerate(conversation):
        session.add(SupportMessage(id=demo.demo_id(f"ticket:factura-octubre:{index}"), tenant_id=demo.TENANT_ID,
                                   ticket_id=ticket_id, kind=kind, author_side=side, author_id=author_id,
                                   author_name=author, body=body, created_at=at))
    review_id = demo.demo_id("ticket:revision-expediente")
    session.add(SupportTicket(
        id=review_id, tenant_id=demo.TENANT_ID, number=2, client_id=demo.CLIENT_ID, type="request_review",
        subject="Falta el expediente de Construcciones Norte", status="open", requester_id=CUSTOMER_ID,
        requester_name=CUSTOMER_NAME, requester_email=demo.CLIENT_USERNAME, requester_locale="es",
        assignee_id=None, assignee_name="", created_at=now - timedelta(hours=5), updated_at=now - timedelta(hours=5),
        last_message_at=now - timedelta(hours=5)))
    session.add(SupportMessage(
        id=demo.demo_id("ticket:revision-expediente:0"), tenant_id=demo.TENANT_ID, ticket_id=review_id,
        kind="message", author_side="customer", author_id=CUSTOMER_ID, author_name=CUSTOMER_NAME,
        body="Les envié en noviembre el impago de Construcciones Norte S.L. y no lo veo entre mis expedientes.",
        created_at=now - timedelta(hours=5)))
    if session.get(SupportStaffContact, (demo.TENANT_ID, AGENT_ID)) is None:
        session.add(SupportStaffContact(tenant_id=demo.TENANT_ID, user_id=AGENT_ID, display_name=AGENT_NAME,
                                        email=demo.AGENT_USERNAME, locale="es", updated_at=opened))


def _seed_content(runtime: Runtime, session, now: datetime) -> None:  # noqa: ANN001
    for key, title, category, description, file_name, content in MATERIALS:
        if session.get(Material, demo.demo_id(key)) is not None:
            continue
        info = blob_store(runtime).put(demo.TENANT_ID, io.BytesIO(content), max_bytes=len(content))
        session.add(Material(
            id=demo.demo_id(key), tenant_id=demo.TENANT_ID, title=title, description=description, category=category,
            published=True, blob_key=info.key, file_name=file_name,
            content_type="application/pdf" if file_name.endswith(".pdf") else "text/csv", size=info.size,
            created_by="", created_at=now, updated_at=now))
    for key, title, description, starts, ends, link, published in ADVANTAGES:
        if session.get(Advantage, demo.demo_id(key)) is None:
            session.add(Advantage(
                id=demo.demo_id(key), tenant_id=demo.TENANT_ID, title=title, description=description,
                valid_from=starts, valid_until=ends, link_url=link, published=published, image_key=None,
                image_type="", created_by="", created_at=now, updated_at=now))


def seed_support_and_content(runtime: Runtime) -> None:
    now = datetime.now(UTC)
    with runtime.db.session() as session:
        _seed_tickets(session, now)
        _seed_content(runtime, session, now)
