"""An order end to end: quote and order through the API, staff move it on the command line, the customer
reads it back with the access token, and the confirmation e-mail lies in the outbox directory."""
import email
import email.policy
import glob
import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request

import pytest


def call(shop, method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(shop.url(path), data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


CUSTOMER = {"email": "erika@example.de", "name": "Erika Mustermann", "street": "Heidestraße 17",
            "postalCode": "51147", "city": "Köln", "country": "DE"}


def test_order_from_quote_to_shipped(shop_factory):
    shop = shop_factory()
    status, quote = call(shop, "POST", "/api/v1/quotes", {"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]})
    assert status == 201, quote
    status, order = call(shop, "POST", "/api/v1/orders",
                         {"quoteId": quote["id"], "customer": CUSTOMER, "shippingMethod": "insured",
                          "paymentMethod": "bank_transfer", "acceptTerms": True}, {"Idempotency-Key": "e2e-1"})
    assert status == 201, order
    number, token = order["number"], order["accessToken"]
    assert order["status"] == "awaiting_payment"
    assert order["paymentReference"].startswith("RF")

    shop.cli("staff", "add", "--email", "anna@tresor.example", "--name", "Anna Berger", "--role", "owner")
    shown = shop.cli("orders", "show", number).stdout
    assert "Erika Mustermann" in shown and order["paymentReference"] in shown
    for step in (["mark-paid", number], ["pack", number], ["ship", number, "--tracking", "00340434161094042557"]):
        shop.cli("orders", *step, "--by", "anna@tresor.example")
    with pytest.raises(subprocess.CalledProcessError) as refused:
        shop.cli("orders", "cancel", number, "--reason", "too late", "--by", "anna@tresor.example")
    assert "the goods have left the vault" in refused.value.stderr

    status, read = call(shop, "GET", f"/api/v1/orders/{number}", headers={"Authorization": f"Bearer {token}"})
    assert status == 200 and read["status"] == "shipped"
    status, _ = call(shop, "GET", f"/api/v1/orders/{number}", headers={"Authorization": "Bearer toa_guess"})
    assert status == 404

    # The mailer delivers the confirmation and the payment notice to the file transport within a few seconds.
    deadline = time.time() + 15
    files = []
    while time.time() < deadline and len(files) < 2:
        files = glob.glob(os.path.join(shop.data, "mail", "*.eml"))
        time.sleep(0.3)
    assert len(files) == 2
    messages = []
    for name in files:
        with open(name, "rb") as handle:
            messages.append(email.message_from_binary_file(handle, policy=email.policy.default))
    assert all(message["To"] == "Erika Mustermann <erika@example.de>" for message in messages)
    subjects = sorted(message["Subject"] for message in messages)
    assert subjects == [f"Ihre Bestellung {number} bei Tresor Edelmetalle", f"Zahlungseingang zu Ihrer Bestellung {number}"]
    confirmation = next(message for message in messages if message["Subject"].startswith("Ihre Bestellung"))
    text = confirmation.get_body(preferencelist=("plain",)).get_content()
    assert order["paymentReference"] in text
    # The confirmation carries the seller, the exclusion of the right of withdrawal and the terms (§312f BGB).
    assert "Ihr Vertragspartner:" in text and "Tresor Edelmetalle GmbH, Hohe Straße 1, 50667 Köln" in text
    assert "§ 312g Abs. 2 Nr. 8 BGB" in text and "Unsere Allgemeinen Geschäftsbedingungen:" in text

    # Shipping issued the invoice (the goods left); staff can write it as PDF, as stored.
    invoice = shop.cli("orders", "invoice", number, "--pdf", os.path.join(shop.data, "invoice.pdf")).stdout
    assert re.match(r"R-\d{4}-000001 for " + re.escape(number) + ", ", invoice), invoice
    with open(os.path.join(shop.data, "invoice.pdf"), "rb") as handle:
        assert handle.read(8) == b"%PDF-1.7"


def test_unpaid_cancellation_reports_the_market_loss(shop_factory):
    shop = shop_factory(TRESOR_FEED_PROVIDER="manual", TRESOR_BOARD_REFRESH_SECONDS=1)
    shop.cli("staff", "add", "--email", "anna@tresor.example", "--name", "Anna Berger", "--role", "owner")
    for metal, price in (("XAU", "2501.37"), ("XAG", "28.50"), ("XPT", "1350"), ("XPD", "1200")):
        shop.cli("spot", "set", metal, price, "--bid", price, "--by", "anna@tresor.example")
    time.sleep(1.5)
    _, quote = call(shop, "POST", "/api/v1/quotes", {"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]})
    _, order = call(shop, "POST", "/api/v1/orders", {"quoteId": quote["id"], "customer": CUSTOMER, "shippingMethod": "insured",
                                                    "paymentMethod": "bank_transfer", "acceptTerms": True})
    result = shop.cli("orders", "cancel", order["number"], "--reason", "not paid", "--by", "anna@tresor.example").stdout
    # Locked 2598.94 €, and the coin sells for the same today (the price did not move): no fall in value, only the
    # 25.00 € fee. (The old rule, locked price minus buy-back price, charged 172.59 € here.)
    assert "is now cancelled. Market loss owed: 25.00 EUR." in result
