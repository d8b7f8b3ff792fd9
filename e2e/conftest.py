"""Browser tests: the real tresor binary (the debug build the Swift tests use) and real Chromium."""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("TRESOR_BINARY", os.path.join(ROOT, ".build", "debug", "tresor"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Shop:
    """A running tresor on a free loopback port with its own data directory."""

    def __init__(self, **settings):
        self.data = tempfile.mkdtemp(prefix="tresor-e2e-")
        self.port = free_port()
        self.env = dict(os.environ, TRESOR_DATA_DIRECTORY=self.data, TRESOR_HTTP_PORT=str(self.port),
                        TRESOR_LOG_LEVEL="warning", **{k: str(v) for k, v in settings.items()})
        self.process = subprocess.Popen([BINARY, "serve"], env=self.env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url("/healthz"), timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("tresor did not start")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def cli(self, *args):
        return subprocess.run([BINARY, *args], env=self.env, check=True, capture_output=True, text=True, timeout=60)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.data, ignore_errors=True)


@pytest.fixture
def shop_factory():
    shops = []

    def start(**settings):
        shop = Shop(**settings)
        shops.append(shop)
        return shop

    yield start
    for shop in shops:
        shop.stop()


@pytest.fixture
def browser():
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()
