"""The back office in a real browser: a sales member added on the command line signs in with the one-time password
and a code computed from the enrolment URI, sets their own password, marks an order paid, and the customer's order
page shows it paid."""
import base64
import hashlib
import hmac
import re
import struct
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_order_flow import CUSTOMER, call


def totp(uri, at=None):
    """RFC 6238 from an otpauth:// URI: HMAC-SHA-1 over the 30-second step, six digits."""
    query = urllib.parse.parse_qs(urllib.parse.urlparse(uri).query)
    secret = query["secret"][0]
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    step = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def test_sales_signs_in_with_a_code_and_marks_an_order_paid(shop_factory, browser):
    shop = shop_factory()
    status, quote = call(shop, "POST", "/api/v1/quotes", {"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]})
    assert status == 201, quote
    status, order = call(shop, "POST", "/api/v1/orders",
                         {"quoteId": quote["id"], "customer": CUSTOMER, "shippingMethod": "insured",
                          "paymentMethod": "bank_transfer", "acceptTerms": True}, {"Idempotency-Key": "bo-1"})
    assert status == 201, order
    number, token = order["number"], order["accessToken"]

    added = shop.cli("staff", "add", "--email", "sven@tresor.example", "--name", "Sven Verkauf", "--role", "sales").stdout
    one_time = re.search(r"One-time password \(.*\): (\S+)", added).group(1)
    uri = re.search(r"^(otpauth://totp/\S+)$", added, re.MULTILINE).group(1)
    assert "issuer=" in uri and "secret=" in uri

    # Without a session the back office sends the browser to the sign-in page.
    browser.get(shop.url("/backoffice/orders"))
    assert urllib.parse.urlparse(browser.current_url).path == "/backoffice/login"
    browser.find_element(By.NAME, "email").send_keys("sven@tresor.example")
    browser.find_element(By.NAME, "password").send_keys(one_time)
    browser.find_element(By.NAME, "code").send_keys(totp(uri))
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()

    # The first sign-in asks for an own password before anything else.
    WebDriverWait(browser, 10).until(lambda b: urllib.parse.urlparse(b.current_url).path == "/backoffice/password")
    browser.get(shop.url("/backoffice/orders"))
    assert urllib.parse.urlparse(browser.current_url).path == "/backoffice/password"
    browser.find_element(By.NAME, "new").send_keys("Feingold-Waage-17-Ost")
    browser.find_element(By.NAME, "repeat").send_keys("Feingold-Waage-17-Ost")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda b: "Ihr Passwort wurde geändert." in b.page_source)
    assert "Warten auf Zahlung" in browser.page_source

    browser.get(shop.url("/backoffice/orders?status=awaiting_payment"))
    browser.find_element(By.LINK_TEXT, number).click()
    WebDriverWait(browser, 10).until(lambda b: urllib.parse.urlparse(b.current_url).path == f"/backoffice/orders/{number}")
    assert f"Bestellung {number}" in browser.find_element(By.TAG_NAME, "h1").text
    # Sales may mark paid and cancel, not pack or ship.
    assert browser.find_elements(By.CSS_SELECTOR, "form.step-mark-paid")
    assert not browser.find_elements(By.CSS_SELECTOR, "form.step-pack")
    browser.find_element(By.CSS_SELECTOR, "form.step-mark-paid button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda b: "Erledigt: Als bezahlt markieren." in b.page_source)
    assert "sven@tresor.example" in browser.page_source

    # The customer sees the order paid.
    browser.delete_all_cookies()
    browser.get(shop.url(f"/bestellung/{number}?token={urllib.parse.quote(token)}"))
    assert "bezahlt" in browser.find_element(By.TAG_NAME, "main").text

    # And the step is on the audit trail, which the command line finds intact.
    assert "audit trail intact" in shop.cli("audit", "verify").stdout
