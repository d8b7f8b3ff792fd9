"""Two instances on one PostgreSQL behind nginx (scripts/cluster): buyers on both never oversell, an idempotency key
makes one order whichever instance answers, the feed and the mail go out once, and a price set through the command
line reaches the other instance's live stream within a second."""
import concurrent.futures
import json
import os
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest

from conftest import BINARY, ROOT

STAFF = "lager@tresor.example"


@pytest.fixture(scope="module")
def cluster():
    state = tempfile.mkdtemp(prefix="tresor-cluster-")
    os.chmod(state, 0o755)  # PostgreSQL runs as its own user below it
    mail = os.path.join(state, "mail")
    env = dict(os.environ, TRESOR_BIN=BINARY, TRESOR_CLUSTER_DIR=os.path.join(state, "cluster"), TRESOR_GUEST_ORDERS_PER_HOUR="0",
               TRESOR_LOG_LEVEL="warning", TRESOR_MAIL_TRANSPORT="file", TRESOR_MAIL_DIRECTORY=mail)
    up = subprocess.run([os.path.join(ROOT, "scripts", "cluster"), "up", "2"], env=env, capture_output=True, text=True, timeout=300)
    assert up.returncode == 0, up.stderr
    found = dict(line.split("=", 1) for line in up.stdout.splitlines() if "=" in line)
    env.update(found)
    env["TRESOR_DATA_DIRECTORY"] = os.path.join(state, "cli")
    subprocess.run([BINARY, "staff", "add", "--email", STAFF, "--name", "Lea Lager", "--role", "owner"],
                   env=env, check=True, capture_output=True, timeout=60)
    yield {"nginx": found["TRESOR_URL"], "instances": found["TRESOR_INSTANCE_URLS"].split(","), "env": env, "mail": mail}
    subprocess.run([os.path.join(ROOT, "scripts", "cluster"), "down"], env=env, capture_output=True, timeout=120)


def call(url, body=None, headers=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="POST" if body is not None else "GET",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def cli(cluster, *args):
    return subprocess.run([BINARY, *args], env=cluster["env"], check=True, capture_output=True, text=True, timeout=60)


def sql(cluster, query):
    """One value from the cluster's database, through psql."""
    psql = subprocess.run(["bash", "-c", "ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1"], capture_output=True, text=True).stdout.strip()
    return subprocess.run([psql, cluster["env"]["TRESOR_DATABASE_URL"], "-tAc", query], capture_output=True, text=True, timeout=30).stdout.strip()


def count_stock(cluster, quantity):
    """Sets the Krugerrand's stock and waits until both instances show it (their boards hear of it at once)."""
    cli(cluster, "stock", "set", "--sku", "AU-KR-1OZ", "--quantity", str(quantity), "--by", STAFF)
    deadline = time.time() + 5
    while any(call(url + "/api/v1/products/AU-KR-1OZ")[1]["stock"] != quantity for url in cluster["instances"]):
        assert time.time() < deadline
        time.sleep(0.1)


def customer(n):
    return {"email": f"kunde{n}@example.de", "name": f"Kunde Nummer{n}", "street": f"Ringstraße {n}", "postalCode": "50667",
            "city": "Köln", "country": "DE"}


def test_two_hundred_buyers_on_two_instances_buy_exactly_the_ten_coins(cluster):
    count_stock(cluster, 10)
    first, second = cluster["instances"]

    def buy(n):
        status, quote = call(first + "/api/v1/quotes", {"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]})
        if status != 201:
            return status
        status, _ = call(second + "/api/v1/orders", {"quoteId": quote["id"], "customer": customer(n), "shippingMethod": "insured",
                                                     "paymentMethod": "bank_transfer", "acceptTerms": True})
        return status

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(buy, range(200)))
    assert results.count(201) == 10, results
    assert all(status in (201, 409) for status in results), results
    assert sql(cluster, "SELECT stock FROM products WHERE sku = 'AU-KR-1OZ'") == "0"


def test_one_idempotency_key_on_both_instances_makes_one_order(cluster):
    count_stock(cluster, 5)
    first, second = cluster["instances"]
    _, quote = call(first + "/api/v1/quotes", {"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]})
    order = {"quoteId": quote["id"], "customer": customer(999), "shippingMethod": "insured", "paymentMethod": "bank_transfer",
             "acceptTerms": True}
    key = {"Idempotency-Key": "cluster-once"}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(lambda url: call(url + "/api/v1/orders", order, key), [first, second]))
    assert [status for status, _ in answers] == [201, 201], answers
    assert answers[0][1]["number"] == answers[1][1]["number"]
    # Its confirmation is mailed once, whichever instance's mailer took it.
    deadline = time.time() + 20
    while time.time() < deadline:
        sent = [name for name in os.listdir(cluster["mail"]) if name.endswith(".eml")] if os.path.isdir(cluster["mail"]) else []
        mine = [name for name in sent if answers[0][1]["number"] in open(os.path.join(cluster["mail"], name), errors="replace").read()]
        if mine:
            break
        time.sleep(0.5)
    time.sleep(3)  # time for a second mailer to send it again, if it would
    mine = [name for name in os.listdir(cluster["mail"])
            if answers[0][1]["number"] in open(os.path.join(cluster["mail"], name), errors="replace").read()]
    assert len(mine) == 1, mine


def test_one_instance_leads_the_feed(cluster):
    deadline = time.time() + 20
    while time.time() < deadline:
        held = sql(cluster, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
        if held == "1":
            break
        time.sleep(0.5)
    assert held == "1"


def test_a_price_set_on_the_command_line_reaches_the_other_instance_within_a_second(cluster):
    second = cluster["instances"][1]
    _, spot = call(cluster["nginx"] + "/api/v1/spot")
    gold = next(metal for metal in spot["metals"] if metal["metal"] == "XAU")
    target = f"{float(gold['ask']) + 1.23:.2f}"
    stream = urllib.request.urlopen(second + "/live?lang=en", timeout=10)
    first_event = read_event(stream)
    assert "metals" in first_event
    cli(cluster, "spot", "set", "XAU", target, "--by", STAFF)
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
