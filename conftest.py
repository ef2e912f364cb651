"""Root conftest: every test folder shares the fixtures of the common test-support plugin."""

pytest_plugins = ["clientarea_shared.testing"]
