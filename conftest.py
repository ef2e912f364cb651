"""Root conftest: every test folder shares the fixtures of the common test-support plugin."""

# pytest's importlib mode names gateway/tests/*.py "gateway.tests.*" and would otherwise load
# the folder gateway/ as the parent module, hiding the real `gateway` package beneath it.
import gateway  # noqa: F401

pytest_plugins = ["clientarea_shared.testing"]
