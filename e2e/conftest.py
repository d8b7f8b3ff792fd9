"""Browser tests: the real tresor binary (the debug build the Swift tests use) and real Chromium."""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.events import AbstractEventListener, EventFiringWebDriver

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("TRESOR_BINARY", os.path.join(ROOT, ".build", "debug", "tresor"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Shop:
    """A running tresor on a free loopback port with its own data directory."""

    def __init__(self, **settings):
        self.data = str(settings.pop("TRESOR_DATA_DIRECTORY", "")) or tempfile.mkdtemp(prefix="tresor-e2e-")
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


class Cluster:
    """scripts/cluster: a throwaway PostgreSQL, `count` instances of the debug build and nginx in front of them.
    Mail goes to files under `mail`; `TRESOR_…` settings reach every instance."""

    def __init__(self, count=2, **settings):
        self.state = tempfile.mkdtemp(prefix="tresor-cluster-")
        os.chmod(self.state, 0o755)  # PostgreSQL runs as its own user below it
        self.directory = os.path.join(self.state, "cluster")
        self.mail = os.path.join(self.state, "mail")
        self.env = dict(os.environ, TRESOR_BIN=BINARY, TRESOR_CLUSTER_DIR=self.directory, TRESOR_GUEST_ORDERS_PER_HOUR="0",
                        TRESOR_LOG_LEVEL="warning", TRESOR_MAIL_TRANSPORT="file", TRESOR_MAIL_DIRECTORY=self.mail,
                        **{k: str(v) for k, v in settings.items()})
        up = self.script("up", str(count), timeout=300)
        assert up.returncode == 0, up.stderr
        found = dict(line.split("=", 1) for line in up.stdout.splitlines() if "=" in line)
        self.env.update(found)
        self.env["TRESOR_DATA_DIRECTORY"] = os.path.join(self.state, "cli")
        self.nginx = found["TRESOR_URL"]
        self.instances = found["TRESOR_INSTANCE_URLS"].split(",")

    def script(self, *args, timeout=120):
        return subprocess.run([os.path.join(ROOT, "scripts", "cluster"), *args], env=self.env, capture_output=True, text=True,
                              timeout=timeout)

    def cli(self, *args, **env):
        return subprocess.run([BINARY, *args], env=dict(self.env, **env), check=True, capture_output=True, text=True, timeout=60)

    def pid(self, instance):
        """The process of instance `instance` (1-based)."""
        with open(os.path.join(self.directory, f"instance-{instance}.pid")) as file:
            return int(file.read())

    def sql(self, query, database=None):
        """One value (or rows joined by newlines) from the cluster's database, through psql."""
        url = self.env["TRESOR_DATABASE_URL"]
        if database:
            url = url.rsplit("/", 1)[0] + "/" + database
        return subprocess.run([postgres_program("psql"), url, "-tAc", query], capture_output=True, text=True,
                              timeout=30).stdout.strip()

    def down(self):
        self.script("down")
        shutil.rmtree(self.state, ignore_errors=True)


def postgres_program(name):
    """A PostgreSQL client program of the newest installed version (psql, pg_dump, pg_restore)."""
    return subprocess.run(["bash", "-c", f"ls /usr/lib/postgresql/*/bin/{name} | sort -V | tail -n 1"], capture_output=True,
                          text=True).stdout.strip()


def call(url, body=None, headers=None, timeout=30):
    """A JSON request; returns the status and the decoded answer (problem+json for errors)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="POST" if body is not None else "GET",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw or b"{}")
        except ValueError:  # nginx's own error pages are HTML
            return error.code, {"detail": raw.decode(errors="replace")}


def customer(n):
    return {"email": f"kunde{n}@example.de", "name": f"Kunde Nummer{n}", "street": f"Ringstraße {n}", "postalCode": "50667",
            "city": "Köln", "country": "DE"}


def order_body(quote_id, n):
    return {"quoteId": quote_id, "customer": customer(n), "shippingMethod": "insured", "paymentMethod": "bank_transfer",
            "acceptTerms": True}


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


ARTIFACTS = os.path.join(ROOT, "e2e", "artifacts")


class Watch(AbstractEventListener):
    """Follows a browser test: a screenshot after every page opened and every click (e2e/artifacts/<test>/), and every
    console message and failed request, which fail the test unless it said it expects them."""

    def __init__(self, folder):
        self.folder = folder
        self.steps = 0
        self.console = []   # Chromium's console entries: {"level", "message"}
        self.failures = []  # "status url" or "error url" of requests that failed
        self.expected = []  # substrings of failures and console messages the test provoked on purpose
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)

    def after_navigate_to(self, url, driver):
        self.snap(driver, "open-" + urllib.parse.urlparse(url).path.strip("/").replace("/", "-"))

    def after_click(self, element, driver):
        self.snap(driver, "click")

    def snap(self, driver, label):
        self.steps += 1
        name = "".join(c if c.isalnum() or c in "-_" else "-" for c in label)[:60] or "home"
        try:
            driver.save_screenshot(os.path.join(self.folder, f"{self.steps:03d}-{name}.png"))
        except Exception:  # an alert or a page being replaced: the next step's screenshot shows it
            pass
        self.collect(driver)

    def collect(self, driver):
        try:
            self.console += driver.get_log("browser")
            performance = driver.get_log("performance")
        except Exception:
            return
        for entry in performance:
            event = json.loads(entry["message"])["message"]
            params = event.get("params", {})
            if event["method"] == "Network.responseReceived" and params["response"]["status"] >= 400:
                self.failures.append(f"{params['response']['status']} {params['response']['url']}")
            elif event["method"] == "Network.loadingFailed" and not params.get("canceled") \
                    and params.get("errorText") != "net::ERR_ABORTED":
                self.failures.append(f"{params.get('errorText')} {params.get('type')}")

    def problems(self):
        found = [f"request failed: {failure}" for failure in self.failures]
        found += [f"console: {entry['message']}" for entry in self.console if entry["level"] in ("SEVERE", "WARNING")]
        return [problem for problem in found if not any(expected in problem for expected in self.expected)]


@pytest.fixture
def browser(request):
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    watch = Watch(os.path.join(ARTIFACTS, request.node.name))
    watched = EventFiringWebDriver(driver, watch)
    watched.watch = watch
    yield watched
    watch.snap(driver, "end")
    driver.quit()
    if not request.node.rep_call.failed if hasattr(request.node, "rep_call") else True:
        problems = watch.problems()
        assert not problems, "the browser saw problems:\n" + "\n".join(problems)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's outcome on the test, so the browser fixture checks only tests that passed so far."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)
