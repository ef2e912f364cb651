"""The command line every service shares: `python -m <service>_service COMMAND`.

serve    run the gRPC server (with the outbox relay and event consumer unless disabled)
migrate  apply the Alembic migrations and exit (the Kubernetes migration Job)
seed     load the demo data (idempotent)
worker   run the service's Celery worker
relay    run only the outbox relay (a separate deployment when scaled apart)

A service may add maintenance commands of its own (`ServiceSpec.commands`).
"""

from __future__ import annotations

import argparse

from clientarea_shared import migrate, runtime
from clientarea_shared.runtime import Runtime, ServiceSpec


def main(spec: ServiceSpec, argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog=f"{spec.package}", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["serve", "migrate", "seed", "worker", "relay", *spec.commands])
    args = parser.parse_args(argv)
    if args.command == "serve":
        runtime.serve(spec)
        return
    rt = Runtime(spec)
    if args.command == "migrate":
        migrate.upgrade(spec.package, rt.settings.database_url)
    elif args.command == "seed":
        if spec.seed is not None:
            spec.seed(rt)
    elif args.command == "worker":
        if spec.celery is None:
            raise SystemExit(f"{spec.name} has no background tasks")
        runtime.instrument(rt)
        app = spec.celery(rt)
        # A node name per service: two services' workers on one host (make run, the browser
        # tests) would otherwise both be celery@host and fight over its exclusive pidbox queue,
        # the second one dying with RESOURCE_LOCKED.
        app.worker_main(["worker", "--loglevel=INFO", "--pool=threads", "--concurrency=4",
                         "--without-gossip", "--without-mingle", "-n", f"{spec.name}@%h",
                         "-Q", f"{spec.name}.tasks"])
    elif args.command in spec.commands:
        spec.commands[args.command](rt)
    elif args.command == "relay":
        runtime.instrument(rt)
        relay = runtime.OutboxRelay(spec.name, rt.db, spec.plumbing, rt.bus,
                                    rt.settings.relay_interval_seconds)
        relay.run()
    rt.close()
