"""Identity's use cases, one module per account journey of the seeds; `server.py` wires each gRPC
method to one function here. `common` holds what every journey shares (tokens, sessions, events)."""
