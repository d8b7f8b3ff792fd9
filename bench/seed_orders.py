#!/usr/bin/env python3
"""Seeds N orders (with their quotes and lines) straight into a Tresor database, for bench/backoffice.

  bench/seed_orders.py --sqlite PATH --count 100000
  bench/seed_orders.py --postgres URL --count 100000

Orders are numbered T-2025-000001 … (a year the benchmark's shop does not sell in), spread over the two years
before now, in every status, for invented customers; each has one line of a product of the seeded catalogue.
Totals are consistent (line total + shipping), as the shop checks when it reads an order back."""
import argparse
import csv
import io
import random
import sqlite3
import subprocess
import time
import uuid

FIRST = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hans", "Ida", "Jonas", "Karla", "Lukas", "Mia", "Noah",
         "Olga", "Paul", "Rita", "Sven", "Tina", "Uwe", "Vera", "Wim", "Yvonne", "Zoe"]
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter",
        "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Krause"]
CITIES = [("10115", "Berlin"), ("20095", "Hamburg"), ("80331", "München"), ("50667", "Köln"), ("60311", "Frankfurt am Main"),
          ("70173", "Stuttgart"), ("40213", "Düsseldorf"), ("04109", "Leipzig"), ("01067", "Dresden"), ("30159", "Hannover")]
STATUSES = ["delivered"] * 6 + ["shipped", "paid", "packed", "awaiting_payment", "overdue", "cancelled", "awaiting_identification"]


def rows(products, count):
    rng = random.Random(2026)
    now = time.time()
    for n in range(1, count + 1):
        product = rng.choice(products)
        quantity = rng.choice([1, 1, 1, 2, 5, 10])
        goods = product["price"] * quantity
        shipping = 0 if goods >= 500_000 else 1490
        first, last = rng.choice(FIRST), rng.choice(LAST)
        postal, city = rng.choice(CITIES)
        created = now - rng.uniform(0, 2 * 365 * 86400)
        number = f"T-2025-{n:06d}"
        status = rng.choice(STATUSES)
        payment = "cash" if status == "awaiting_identification" else "bank_transfer"
        yield {
            "order_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "quote_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "number": number, "status": status, "shipping": "pickup" if payment == "cash" else "insured", "payment": payment,
            "goods": goods, "shipping_cents": shipping, "total": goods + shipping, "reference": f"RF00B{n:09d}",
            "email": f"{first.lower()}.{last.lower().replace('ü', 'ue').replace('ö', 'oe')}{n}@example.de", "name": f"{first} {last}",
            "street": f"Hauptstraße {rng.randint(1, 200)}", "postal": postal, "city": city, "created": created,
            "product": product, "quantity": quantity,
        }


def seed_sqlite(path, count):
    db = sqlite3.connect(path)
    products = [{"id": r[0], "sku": r[1], "name": r[2], "price": 250_000} for r in db.execute("SELECT id, sku, name FROM products")]
    with db:
        for o in rows(products, count):
            db.execute("INSERT INTO quotes (id, created_at, expires_at) VALUES (?, ?, ?)", (o["quote_id"].upper(), o["created"], o["created"] + 600))
            db.execute("""INSERT INTO orders (id, number, quote_id, status, shipping_method, payment_method, goods_cents, shipping_cents,
                          total_cents, payment_reference, due_at, email, name, street, postal_code, city, country, compliance_rule,
                          compliance_outcome, compliance_explanation, created_at, updated_at, language)
                          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DE', 'bench', 'allow', 'seeded', ?, ?, 'de')""",
                       (o["order_id"].upper(), o["number"], o["quote_id"].upper(), o["status"], o["shipping"], o["payment"], o["goods"],
                        o["shipping_cents"], o["total"], o["reference"], o["created"] + 7 * 86400, o["email"], o["name"], o["street"],
                        o["postal"], o["city"], o["created"], o["created"]))
            db.execute("""INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity, unit_price_cents, vat_regime, vat_cents)
                          VALUES (?, 0, ?, ?, ?, ?, ?, 'exempt_investment_gold', 0)""",
                       (o["order_id"].upper(), o["product"]["id"], o["product"]["sku"], o["product"]["name"], o["quantity"], o["product"]["price"]))
    # The shop adds each new order to its word index; seeded ones are added in one go, as the migration does.
    with db:
        db.execute("INSERT INTO order_words (rowid, words) SELECT rowid, name || ' ' || email FROM orders WHERE number LIKE 'T-2025-%'")
    db.execute("ANALYZE")
    db.close()


def seed_postgres(url, count):
    def psql(sql, data=None):
        return subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], input=data, capture_output=True, text=True, check=True).stdout
    products = [dict(zip(["id", "sku", "name"], line.split("|")), price=250_000) for line in psql("SELECT id, sku, name FROM products").splitlines()]
    quotes, orders, lines = io.StringIO(), io.StringIO(), io.StringIO()
    q, o_, l_ = csv.writer(quotes), csv.writer(orders), csv.writer(lines)
    iso = lambda t: time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + "+00"
    for o in rows(products, count):
        q.writerow([o["quote_id"], iso(o["created"]), iso(o["created"] + 600)])
        o_.writerow([o["order_id"], o["number"], o["quote_id"], o["status"], o["shipping"], o["payment"], o["goods"], o["shipping_cents"], o["total"],
                     o["reference"], iso(o["created"] + 7 * 86400), o["email"], o["name"], o["street"], o["postal"], o["city"], "DE", "bench", "allow",
                     "seeded", iso(o["created"]), iso(o["created"]), "de"])
        l_.writerow([o["order_id"], 0, o["product"]["id"], o["product"]["sku"], o["product"]["name"], o["quantity"], o["product"]["price"],
                     "exempt_investment_gold", 0])
    psql("\\copy quotes (id, created_at, expires_at) FROM STDIN CSV", quotes.getvalue())
    psql("\\copy orders (id, number, quote_id, status, shipping_method, payment_method, goods_cents, shipping_cents, total_cents, "
         "payment_reference, due_at, email, name, street, postal_code, city, country, compliance_rule, compliance_outcome, "
         "compliance_explanation, created_at, updated_at, language) FROM STDIN CSV", orders.getvalue())
    psql("\\copy order_lines (order_id, position, product_id, sku, name, quantity, unit_price_cents, vat_regime, vat_cents) FROM STDIN CSV",
         lines.getvalue())
    # What autovacuum does to a table that has been filled (PostgreSQL 13+ vacuums after inserts too): statistics, and
    # the visibility map that lets a deep page count its skipped orders in the index alone.
    psql("VACUUM ANALYZE")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite")
    parser.add_argument("--postgres")
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    if args.sqlite:
        seed_sqlite(args.sqlite, args.count)
    else:
        seed_postgres(args.postgres, args.count)
