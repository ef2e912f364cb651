"""gunicorn settings of the gateway: threaded workers (requests wait on gRPC, not CPU)."""

import os
import tempfile

# The API and the web client on PORT; /metrics on METRICS_PORT when set (Kubernetes), so the
# public port behind the Ingress never exposes them. Unset (make run): /metrics on PORT.
bind = [f"0.0.0.0:{os.environ.get('PORT', '8080')}"]
if int(os.environ.get("METRICS_PORT", "0") or 0):
    bind.append(f"0.0.0.0:{os.environ['METRICS_PORT']}")
workers = int(os.environ.get("GATEWAY_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GATEWAY_THREADS", "16"))
timeout = 30
graceful_timeout = 20
keepalive = 5
accesslog = None
# Each worker has its own metrics; gunicorn's master sums them through this directory.
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="gateway-metrics-"))


def child_exit(server, worker):  # noqa: ANN001, ANN201
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
