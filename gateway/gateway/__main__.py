"""`python -m gateway`: run the gateway under gunicorn with gateway/gunicorn.conf.py."""

from __future__ import annotations

import sys
from pathlib import Path

from gunicorn.app.wsgiapp import run


def main() -> None:
    config = Path(__file__).resolve().parent / "gunicorn_conf.py"
    sys.argv = ["gunicorn", "-c", str(config), "gateway.app:create_app()", *sys.argv[1:]]
    run()


if __name__ == "__main__":
    main()
