"""CRM's RPC handlers, one module per area; `server.py` only wires RPCs to them."""
