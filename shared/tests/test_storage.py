"""File storage: generated keys under a tenant prefix, atomic writes with a size cap, and the
upload checks (names, types sniffed from the content, size)."""

from __future__ import annotations

import io
import zipfile

import pytest

from clientarea_shared.errors import Invalid
from clientarea_shared.storage import (
    CSV,
    DOCX,
    IMAGE_TYPES,
    JPEG,
    ODT,
    PDF,
    PNG,
    TEXT,
    XLSX,
    BlobTooLarge,
    LocalBlobStore,
    StorageSettings,
    blob_store_from_settings,
    check_upload,
    safe_display_name,
    sniff_type,
    upload_problems,
)

pytestmark = pytest.mark.unit

TENANT = "0192f5c4-0000-7000-8000-000000000001"
PDF_BYTES = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 64 + b"This program cannot be run in DOS mode"
LINUX_EXE = b"\x7fELF\x02\x01\x01" + b"\x00" * 64


def office_zip(first_entries: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in first_entries:
            archive.writestr(name, "<xml/>")
    return buffer.getvalue()


def open_document(mime: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mime)  # stored first and uncompressed, as ODF requires
        archive.writestr("content.xml", "<xml/>")
    return buffer.getvalue()


# --- the store ---------------------------------------------------------------------------------

def test_put_keeps_the_bytes_under_a_generated_key_of_the_tenant(tmp_path):
    store = LocalBlobStore(tmp_path)
    info = store.put(TENANT, io.BytesIO(b"hello"), max_bytes=10)
    assert info.key.startswith(f"{TENANT}/") and info.size == 5 and len(info.sha256) == 64
    with store.open(info.key) as stored:
        assert stored.read() == b"hello"
    assert store.stat(info.key).size == 5
    second = store.put(TENANT, io.BytesIO(b"hello"), max_bytes=10)
    assert second.key != info.key  # the same content twice is two blobs
    assert (tmp_path / info.key).is_file()


def test_a_stream_over_the_cap_is_refused_and_leaves_nothing(tmp_path):
    store = LocalBlobStore(tmp_path)
    with pytest.raises(BlobTooLarge):
        store.put(TENANT, io.BytesIO(b"x" * 200_000), max_bytes=100_000)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_delete_removes_and_forgets(tmp_path):
    store = LocalBlobStore(tmp_path)
    info = store.put(TENANT, io.BytesIO(b"bye"), max_bytes=10)
    store.delete(info.key)
    store.delete(info.key)  # twice is fine
    assert store.stat(info.key) is None
    with pytest.raises(FileNotFoundError):
        store.open(info.key)


@pytest.mark.parametrize("key", [
    "../etc/passwd", f"{TENANT}/../../x", "/etc/passwd", f"{TENANT}/ab/../../../secret",
    f"{TENANT}/ab/not-a-key", "",
])
def test_keys_that_are_not_the_stores_own_never_become_paths(tmp_path, key):
    store = LocalBlobStore(tmp_path)
    for action in (store.open, store.stat, store.delete):
        with pytest.raises(ValueError):
            action(key)


def test_a_tenant_id_with_path_characters_is_refused(tmp_path):
    with pytest.raises(ValueError):
        LocalBlobStore(tmp_path).put("../other", io.BytesIO(b"x"), max_bytes=10)


def test_the_setting_chooses_the_store_and_its_folder(tmp_path):
    store = blob_store_from_settings(StorageSettings(var_dir=tmp_path))
    assert isinstance(store, LocalBlobStore) and store.root == (tmp_path / "blobs").resolve()
    assert blob_store_from_settings(StorageSettings(blob_dir=tmp_path / "b")).root == (tmp_path / "b").resolve()
    with pytest.raises(ValueError):
        blob_store_from_settings(StorageSettings(blob_store="ftp"))


# --- names -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("Informe anual.pdf", "Informe anual.pdf"),
    ("C:\\Users\\ana\\factura.pdf", "factura.pdf"),
    ("../../etc/passwd", "passwd"),
    ("  .hidden.txt ", "hidden.txt"),
    ("tab\there\x00.txt", "tab here .txt"),
    ("Cafe\u0301.pdf", "Café.pdf"),  # decomposed é becomes one character (NFC)
    ("invoice\u202egnp.exe", "invoice gnp.exe"),  # a right-to-left override cannot disguise the extension
    ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
    ("...", ""),
])
def test_safe_display_names(raw, expected):
    assert safe_display_name(raw) == expected


@pytest.mark.parametrize("name", ["../secret.pdf", "dir/file.pdf", "C:\\x\\file.pdf", "bad\x00.pdf", "a<b>.pdf",
                                  "evil\u202efdp.exe"])
def test_a_name_with_path_or_control_characters_is_a_field_error(name):
    assert [(e.field, e.code) for e in upload_problems(name, PDF_BYTES, max_bytes=1000)] == [("file", "invalid_name")]


# --- types -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("content", "name", "expected"), [
    (PDF_BYTES, "a.pdf", PDF),
    (PNG_BYTES, "a.png", PNG),
    (JPEG_BYTES, "a.jpg", JPEG),
    (office_zip(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]), "a.docx", DOCX),
    (office_zip(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]), "a.xlsx", XLSX),
    (open_document("application/vnd.oasis.opendocument.text"), "a.odt", ODT),
    ("nombre;importe\nNúñez;12,50\n".encode(), "a.csv", CSV),
    ("nombre;importe\nNúñez;12,50\n".encode("cp1252"), "a.csv", CSV),
    ("\ufeffHola, una nota.\r\n".encode(), "nota.txt", TEXT),
])
def test_allowed_types_are_recognised_from_their_content(content, name, expected):
    checked = check_upload(name, content, max_bytes=100_000)
    assert checked.file_type == expected and checked.size == len(content) and checked.file_name == name


@pytest.mark.parametrize("content", [WINDOWS_EXE, LINUX_EXE, office_zip(["a.txt", "b.txt"]), b"\x00\x01\x02binary"])
def test_a_pdf_that_is_really_an_executable_or_an_archive_is_refused(content):
    errors = upload_problems("factura.pdf", content, max_bytes=100_000)
    assert [(e.field, e.code) for e in errors] == [("file", "forbidden_type")]


def test_the_browsers_name_does_not_decide_the_type():
    assert sniff_type(PDF_BYTES, ".png") == PDF
    errors = upload_problems("photo.pdf", PNG_BYTES, max_bytes=1000, field="attachments")
    assert [(e.field, e.code) for e in errors] == [("attachments", "type_mismatch")]


def test_an_allowed_type_outside_the_callers_list_is_refused():
    assert [e.code for e in upload_problems("a.pdf", PDF_BYTES, max_bytes=1000, allowed=IMAGE_TYPES)] == [
        "forbidden_type"]
    assert check_upload("a.png", PNG_BYTES, max_bytes=1000, allowed=IMAGE_TYPES).content_type == "image/png"


def test_text_types_come_from_the_content_and_only_under_their_own_names():
    assert [e.code for e in upload_problems("page.html", b"<html><script>x</script></html>", max_bytes=1000)] == [
        "type_mismatch"]
    assert [e.code for e in upload_problems("image.svg", b"<svg onload='x'/>", max_bytes=1000)] == ["type_mismatch"]


def test_a_name_without_extension_gets_the_sniffed_ones():
    assert check_upload("escaneo", PDF_BYTES, max_bytes=1000).file_name == "escaneo.pdf"


def test_too_large_and_empty_files_are_field_errors():
    assert [e.code for e in upload_problems("a.pdf", PDF_BYTES, max_bytes=10)] == ["too_large"]
    assert [e.code for e in upload_problems("a.pdf", b"", max_bytes=10)] == ["empty"]
    assert [e.code for e in upload_problems("", PDF_BYTES, max_bytes=1000)] == ["required"]
    with pytest.raises(Invalid) as refused:
        check_upload("a.pdf", PDF_BYTES, max_bytes=10, field="file")
    assert refused.value.errors[0].field == "file"
