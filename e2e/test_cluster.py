"""Two instances on one PostgreSQL behind nginx (scripts/cluster): buyers on both never oversell, an idempotency key
makes one order whichever instance answers, the feed and the mail go out once, and a price set through the command
line reaches the other instance's live stream within a second."""
import concurrent.futures
import json
import os
import re
import subprocess
import time
import urllib.request

import pytest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import Cluster, call, order_body, postgres_program
from test_backoffice import totp
from test_checkout import to_review

STAFF = "lager@tresor.example"


METRICS = "cluster-metrics"


@pytest.fixture(scope="module")
def cluster():
    cluster = Cluster(2, TRESOR_METRICS_TOKEN=METRICS)
    cluster.cli("staff", "add", "--email", STAFF, "--name", "Lea Lager", "--role", "owner")
    yield cluster
    cluster.down()


def count_stock(cluster, quantity):
    """Sets the Krugerrand's stock and waits until both instances show it (their boards hear of it at once)."""
    cluster.cli("stock", "set", "--sku", "AU-KR-1OZ", "--quantity", str(quantity), "--by", STAFF)
    deadline = time.time() + 5
    while any(call(url + "/api/v1/products/AU-KR-1OZ")[1]["stock"] != quantity for url in cluster.instances):
        assert time.time() < deadline
        time.sleep(0.1)


def test_two_hundred_buyers_on_two_instances_buy_exactly_the_ten_coins(cluster):
    count_stock(cluster, 10)
    first, second = cluster.instances

    def buy(n):
        status, quote = call(first + "/api/v1/quotes", {"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]})
        if status != 201:
            return status
        status, _ = call(second + "/api/v1/orders", order_body(quote["id"], n))
        return status

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(buy, range(200)))
    assert results.count(201) == 10, results
    assert all(status in (201, 409) for status in results), results
    assert cluster.sql("SELECT stock FROM products WHERE sku = 'AU-KR-1OZ'") == "0"


def test_one_idempotency_key_on_both_instances_makes_one_order(cluster):
    count_stock(cluster, 5)
    first, second = cluster.instances
    _, quote = call(first + "/api/v1/quotes", {"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]})
    order = order_body(quote["id"], 999)
    key = {"Idempotency-Key": "cluster-once"}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(lambda url: call(url + "/api/v1/orders", order, key), [first, second]))
    assert [status for status, _ in answers] == [201, 201], answers
    assert answers[0][1]["number"] == answers[1][1]["number"]
    # Its confirmation is mailed once, whichever instance's mailer took it.
    deadline = time.time() + 20
    while time.time() < deadline:
        sent = [name for name in os.listdir(cluster.mail) if name.endswith(".eml")] if os.path.isdir(cluster.mail) else []
        mine = [name for name in sent if answers[0][1]["number"] in open(os.path.join(cluster.mail, name), errors="replace").read()]
        if mine:
            break
        time.sleep(0.5)
    time.sleep(3)  # time for a second mailer to send it again, if it would
    mine = [name for name in os.listdir(cluster.mail)
            if answers[0][1]["number"] in open(os.path.join(cluster.mail, name), errors="replace").read()]
    assert len(mine) == 1, mine


def test_one_instance_leads_the_feed(cluster):
    deadline = time.time() + 20
    while time.time() < deadline:
        held = cluster.sql("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
        if held == "1":
            break
        time.sleep(0.5)
    assert held == "1"


def test_a_price_set_on_the_command_line_reaches_the_other_instance_within_a_second(cluster):
    second = cluster.instances[1]
    _, spot = call(cluster.nginx + "/api/v1/spot")
    gold = next(metal for metal in spot["metals"] if metal["metal"] == "XAU")
    target = f"{float(gold['ask']) + 1.23:.2f}"
    stream = urllib.request.urlopen(second + "/live?lang=en", timeout=10)
    first_event = read_event(stream)
    assert "metals" in first_event
    cluster.cli("spot", "set", "XAU", target, "--by", STAFF)
    committed = time.monotonic()
    expected = "€" + f"{float(target):,.2f}"
    while True:
        event = read_event(stream)
        if event["metals"]["XAU"]["oz"] == expected:
            break
        assert time.monotonic() - committed < 5, event
    assert time.monotonic() - committed < 1.0
    stream.close()


def read_event(stream):
    data = None
    while True:
        line = stream.readline().decode()
        if line.startswith("data: "):
            data = json.loads(line[6:])
        elif line == "\n" and data is not None:
            return data


def test_numbers_stay_gapless_and_the_audit_trail_one_chain(cluster):
    """Orders placed on both instances at once: their numbers run without a gap, and every staff step of both
    instances and the command line sits in one hash chain."""
    numbers = [int(n.rsplit("-", 1)[1]) for n in cluster.sql("SELECT number FROM orders ORDER BY number").split("\n")]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 11
    assert cluster.cli("audit", "verify").stdout.startswith("audit trail intact: ")


def test_a_backup_restores_into_an_empty_database_and_verifies(cluster):
    """docs/operations.md's backup: pg_dump, restore into an empty database, and both integrity checks pass there."""
    numbers = cluster.sql("SELECT number FROM orders ORDER BY number").split("\n")
    # Two orders paid, packed and shipped: each gets its invoice (issued when the goods leave), the audit trail entries.
    for n, number in enumerate(numbers[:2]):
        cluster.cli("orders", "mark-paid", number, "--by", STAFF)
        cluster.cli("orders", "pack", number, "--by", STAFF)
        cluster.cli("orders", "ship", number, "--by", STAFF, "--tracking", f"00340434161094{n:06d}")
    dump = os.path.join(cluster.state, "tresor.dump")
    subprocess.run([postgres_program("pg_dump"), "-Fc", "-f", dump, cluster.env["TRESOR_DATABASE_URL"]], check=True, timeout=120)
    cluster.sql("CREATE DATABASE tresor_check")
    restore = subprocess.run([postgres_program("pg_restore"), "--no-owner", "-d",
                              cluster.env["TRESOR_DATABASE_URL"].rsplit("/", 1)[0] + "/tresor_check", dump],
                             capture_output=True, text=True, timeout=120)
    assert restore.returncode == 0, restore.stderr
    restored = cluster.env["TRESOR_DATABASE_URL"].rsplit("/", 1)[0] + "/tresor_check"
    invoices = cluster.cli("invoices", "verify", TRESOR_DATABASE_URL=restored).stdout
    audit = cluster.cli("audit", "verify", TRESOR_DATABASE_URL=restored).stdout
    assert invoices.startswith("invoices intact: ") and int(invoices.split(": ")[1].split()[0]) >= 2, invoices
    assert audit.startswith("audit trail intact: ") and int(audit.split(": ")[1].split()[0]) >= 2, audit
    for table in ("orders", "invoices", "audit_entries", "products"):
        assert cluster.sql(f"SELECT COUNT(*) FROM {table}", database="tresor_check") == cluster.sql(f"SELECT COUNT(*) FROM {table}")


class ThroughNginx:
    """The cluster as a browser sees it: one address, every request to whichever instance nginx picks."""

    def __init__(self, cluster):
        self.base = cluster.nginx

    def url(self, path):
        return self.base + path


def pages_served(url):
    """Pages an instance has answered (its Prometheus counter, not counting the health and metrics routes)."""
    request = urllib.request.Request(url + "/metrics", headers={"Authorization": "Bearer " + METRICS})
    text = urllib.request.urlopen(request, timeout=10).read().decode()
    return sum(int(float(line.rsplit(" ", 1)[1])) for line in text.splitlines()
               if line.startswith("hb_requests{") and "/readyz" not in line and "/metrics" not in line)


def test_the_whole_journey_in_chromium_through_nginx(cluster, browser):
    """Cart, checkout with its form tokens, the order, the customer's order page and the back office's sign-in, each
    request answered by whichever instance nginx chose: sessions and tokens hold across instances."""
    count_stock(cluster, 10)
    before = [pages_served(url) for url in cluster.instances]
    shop = ThroughNginx(cluster)
    to_review(shop, browser)
    browser.find_element(By.NAME, "noWithdrawal").click()
    browser.find_element(By.NAME, "acceptTerms").click()
    browser.find_element(By.CSS_SELECTOR, ".place-order button").click()
    WebDriverWait(browser, 10).until(lambda b: "/bestellung/T-" in b.current_url)
    number = re.search(r"/bestellung/(T-\d{4}-\d{6})", browser.current_url).group(1)
    order_page = browser.current_url
    assert "wartet auf Zahlung" in browser.find_element(By.TAG_NAME, "main").text

    added = cluster.cli("staff", "add", "--email", "sven@tresor.example", "--name", "Sven Verkauf", "--role", "sales").stdout
    one_time = re.search(r"One-time password \(.*\): (\S+)", added).group(1)
    uri = re.search(r"^(otpauth://totp/\S+)$", added, re.MULTILINE).group(1)
    browser.get(shop.url("/backoffice/orders"))
    browser.find_element(By.NAME, "email").send_keys("sven@tresor.example")
    browser.find_element(By.NAME, "password").send_keys(one_time)
    browser.find_element(By.NAME, "code").send_keys(totp(uri))
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/backoffice/password"))
    browser.find_element(By.NAME, "new").send_keys("Feingold-Waage-17-Ost")
    browser.find_element(By.NAME, "repeat").send_keys("Feingold-Waage-17-Ost")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda b: "Ihr Passwort wurde geändert." in b.page_source)
    browser.get(shop.url(f"/backoffice/orders/{number}"))
    browser.find_element(By.CSS_SELECTOR, "form.step-mark-paid button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda b: "Erledigt: Als bezahlt markieren." in b.page_source)

    browser.get(order_page)
    assert "bezahlt" in browser.find_element(By.TAG_NAME, "main").text
    # Both instances answered parts of it.
    after = [pages_served(url) for url in cluster.instances]
    assert all(later - earlier >= 5 for earlier, later in zip(before, after)), (before, after)
