"""The API contract is exact: schemathesis with all its checks against the served openapi.yaml finds no failure
(no 5xx, no undocumented status, no valid request refused, no invalid one accepted, 405 for missing methods)."""
import subprocess
import sys
import tempfile


def test_schemathesis_finds_no_failure(shop_factory):
    shop = shop_factory(TRESOR_GUEST_ORDERS_PER_HOUR="0")
    # The command line as a module of this Python: a freshly installed `st` may not be on the PATH yet.
    run = subprocess.run([sys.executable, "-m", "schemathesis.cli", "run", shop.url("/api/v1/openapi.yaml"), "--url", shop.url("/api/v1"), "-c", "all",
                          "--max-examples", "30", "--seed", "20261130"],
                         capture_output=True, text=True, timeout=600, cwd=tempfile.mkdtemp(prefix="tresor-st-"))
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
