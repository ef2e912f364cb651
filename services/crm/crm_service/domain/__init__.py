"""CRM's rules, free of I/O, one module per area (clients, contacts, tasks, history...)."""
