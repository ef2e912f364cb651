"""crm's uploaded files (clients' documents, ticket attachments, materials, exports) live on a
persistent volume mounted where the blob store writes (BLOB_DIR), so they survive a pod restart
under a read-only root filesystem; a throwaway install may keep them on an emptyDir instead."""

from __future__ import annotations

from typing import Any

import helm_python as helm
import pytest

from .test_charts import env_of, named, of_kind, pod_spec

pytestmark = pytest.mark.unit
FILES_DIR = "/var/lib/clientarea-files"


def data_volume(deployment: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    spec = pod_spec(deployment)
    volumes = {v["name"]: v for v in spec["volumes"]}
    container = spec["containers"][0]
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    return volumes[mounts[env_of(container)["BLOB_DIR"]]], mounts


def test_crm_keeps_its_files_on_a_persistent_volume_claim(manifests):
    docs = manifests["dev"]
    volume, mounts = data_volume(named(docs, "Deployment", "clientarea-crm"))
    assert volume["persistentVolumeClaim"] == {"claimName": "clientarea-crm-data"}
    assert mounts[FILES_DIR] == "data"
    claim = named(docs, "PersistentVolumeClaim", "clientarea-crm-data")
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert claim["spec"]["resources"]["requests"]["storage"] == "10Gi"
    assert claim["metadata"]["annotations"]["helm.sh/resource-policy"] == "keep"
    # The migration Job never mounts it (a ReadWriteOnce claim would tie it to the pods' node).
    job = named(docs, "Job", "clientarea-crm-migrate")
    assert "data" not in {v["name"] for v in pod_spec(job)["volumes"]}
    # No other service asks for a claim.
    assert [c["metadata"]["name"] for c in of_kind(docs, "PersistentVolumeClaim")
            if c["metadata"]["name"].startswith("clientarea-") and "postgresql" not in c["metadata"]["name"]] == [
        "clientarea-crm-data"]


def test_production_replicas_share_the_files_on_a_read_write_many_claim(manifests):
    claim = named(manifests["production"], "PersistentVolumeClaim", "clientarea-crm-data")
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]


def test_without_persistence_the_files_go_to_an_empty_dir(render, helm_dir):
    docs = render.render(helm_dir / render.UMBRELLA, {"crm": {"persistence": {"enabled": False, "size": "2Gi"}}})
    volume, _ = data_volume(named(docs, "Deployment", "clientarea-crm"))
    assert volume["emptyDir"] == {"sizeLimit": "2Gi"}
    assert "clientarea-crm-data" not in {c["metadata"]["name"] for c in of_kind(docs, "PersistentVolumeClaim")}


def test_an_existing_claim_is_mounted_and_none_created(render, helm_dir):
    docs = render.render(helm_dir / render.UMBRELLA, {"crm": {"persistence": {"existingClaim": "crm-files-nfs",
                                                                              "storageClass": "nfs"}}})
    volume, _ = data_volume(named(docs, "Deployment", "clientarea-crm"))
    assert volume["persistentVolumeClaim"] == {"claimName": "crm-files-nfs"}
    assert "clientarea-crm-data" not in {c["metadata"]["name"] for c in of_kind(docs, "PersistentVolumeClaim")}


def test_a_storage_class_is_passed_to_the_claim(render, helm_dir):
    docs = render.render(helm_dir / render.UMBRELLA, {"crm": {"persistence": {"storageClass": "fast-ssd"}}})
    assert named(docs, "PersistentVolumeClaim", "clientarea-crm-data")["spec"]["storageClassName"] == "fast-ssd"


@pytest.mark.parametrize("bad", [{"accessModes": ["RWX"]}, {"size": "lots"}, {"mountPath": "relative/path"}])
def test_values_schema_rejects_bad_persistence(render, helm_dir, bad):
    with helm.Chart.load(helm_dir / render.UMBRELLA) as chart, pytest.raises(helm.HelmValuesError):
        chart.validate_schema(chart.merge_values({"crm": {"persistence": bad}}))
