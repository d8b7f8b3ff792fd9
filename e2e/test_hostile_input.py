"""Hostile input, table-driven: overlong, malformed, wrongly encoded, script-carrying and header-injecting values in every
public form, API field and query parameter, and in the header that is stored with a consent. Each is refused with a 4xx
and a message, nothing is stored, nothing comes back unescaped, and no mail gains a header.

A search term is text to look for, not a record: a script-carrying one is answered 200 with no result and the term shown
escaped; overlong, malformed and control-character terms are refused like any other input."""
import html
import http.client
import json
import os
import re
import socket
import sqlite3
import time
import urllib.parse
import uuid

import pytest

from conftest import Shop

SCRIPT = '<script>alert("tresor")</script>'
TAG = '"><img src=x onerror=alert(1)>'
BCC = "evil@example.com"
EMAIL_HEADER = f"erika@example.de\r\nBcc: {BCC}"
LINE_HEADER = f"Erika Muster\r\nBcc: {BCC}"
OVERLONG = "A" * 5000
CONTROL = "Erika\x00Muster"
BIDI = "Erika \u202eretsuM"
BAD_UTF8 = b"\xff\xfe\xfd"  # not UTF-8 at all

TEXT_VALUES = {"script": SCRIPT, "tag": TAG, "header": LINE_HEADER, "overlong": OVERLONG, "control": CONTROL, "bidi": BIDI,
               "encoding": BAD_UTF8}
EMAIL_VALUES = {"script": SCRIPT, "header": EMAIL_HEADER, "overlong": "a" * 300 + "@example.de", "malformed": "erika@",
                "control": "erika\x00@example.de", "encoding": BAD_UTF8}
NUMBER_VALUES = {"negative": "-1", "huge": "1" * 30, "malformed": "1e3", "script": SCRIPT, "encoding": BAD_UTF8}

# Tables a refused request may touch: counters against abuse, sessions, the feed's prices, failed sign-ins.
BOOKKEEPING = {"rate_limits", "sessions", "login_failures", "spot_ticks", "sqlite_sequence", "counters", "staff_sessions"}


class Visitor:
    """One browser's cookies, forms filled like a person would, and requests sent byte for byte as given."""

    addresses = 0

    def __init__(self, shop):
        self.shop = shop
        self.cookies = {}
        Visitor.addresses += 1
        self.address = f"10.{Visitor.addresses // 65536 % 256}.{Visitor.addresses // 256 % 256}.{Visitor.addresses % 256}"

    def request(self, method, path, body=b"", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.shop.port, timeout=30)
        headers = dict(headers or {}, **{"X-Forwarded-For": self.address})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, text, response

    def form(self, page, action):
        """The fields of the form posting to `action` on `page`: hidden values and the first choice of each group."""
        status, text, _ = self.request("GET", page)
        assert status == 200, (page, status)
        for form in re.findall(r"<form[^>]*>.*?</form>", text, re.S):
            target = html.unescape(re.search(r'action="([^"]*)"', form).group(1))
            if target.split("?")[0].split("#")[0] == action:
                fields = {}
                for tag in re.findall(r"<input[^>]*>", form):
                    name = re.search(r'name="([^"]+)"', tag)
                    value = re.search(r'value="([^"]*)"', tag)
                    if name and name.group(1) not in fields and 'type="file"' not in tag:
                        fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
                for select in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
                    fields[select[0]] = html.unescape(re.search(r'value="([^"]*)"', select[1]).group(1))
                return target, fields
        raise AssertionError(f"no form for {action} on {page}")

    def post_form(self, target, fields):
        body = b"&".join(quote(k) + b"=" + quote(v) for k, v in fields.items())
        return self.request("POST", target, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, target, fields, files):
        boundary = "tresor" + uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + as_bytes(value) + b"\r\n")
        for name, (filename, content, kind) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f"Content-Type: {kind}\r\n\r\n".encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", target, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def post_json(self, path, raw):
        return self.request("POST", path, raw, {"Content-Type": "application/json"})


def as_bytes(value):
    return value if isinstance(value, bytes) else value.encode()


def quote(value):
    return urllib.parse.quote_from_bytes(as_bytes(value), safe="").encode()


def json_with(document, path, value):
    """`document` as JSON bytes with `value` at `path`; bytes that are not UTF-8 go in raw, as a broken client sends them."""
    marker = "\u0001HOSTILE\u0001"
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = marker if isinstance(value, bytes) else value
    raw = json.dumps(document, ensure_ascii=False).encode()
    return raw.replace(json.dumps(marker, ensure_ascii=False).encode(), b'"' + value + b'"') if isinstance(value, bytes) else raw


@pytest.fixture(scope="module")
def shop():
    # Each visitor comes from an address of its own (through a trusted proxy), so that the per-address limits of the
    # forms never answer in place of the checks under test.
    shop = Shop(TRESOR_MAIL_TRANSPORT="file", TRESOR_GUEST_ORDERS_PER_HOUR=0, TRESOR_HTTP_TRUSTED_PROXIES="127.0.0.1")
    Visitor(shop).form("/", "/newsletter")  # the first form issued makes the shop's form secret; not the first case's doing
    yield shop
    shop.stop()


def stored(shop):
    with sqlite3.connect(f"file:{os.path.join(shop.data, 'tresor.sqlite')}?mode=ro", uri=True) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables
                if table not in BOOKKEEPING and not table.endswith(("_data", "_idx", "_docsize", "_content", "_config"))}


def refused(shop, send, value):
    """Sends one hostile value; checks the answer and that nothing was stored."""
    before = stored(shop)
    status, text, response = send(value)
    assert 400 <= status < 500 and status not in (403, 429), (status, text[:300])  # the input refused, not the form
    if response.getheader("Content-Type", "").startswith("application/problem+json"):
        assert json.loads(text).get("detail") or json.loads(text).get("title")
    else:
        assert re.search(r'class="[^"]*(error|invalid)[^"]*"', text) or "<h1>" in text, text[:300]
    assert_not_reflected(text, value)
    assert stored(shop) == before
    return text


def assert_not_reflected(text, value):
    if isinstance(value, str) and "<" in value:
        assert value not in text and "<img src=x" not in text and "<script>alert" not in text


FORMS = [
    # (page with the form, where it posts, hostile values by field, fields to set first)
    ("/", "/newsletter", {"email": EMAIL_VALUES}, {}),
    ("/kontakt", "/kontakt", {"name": TEXT_VALUES, "phone": {**TEXT_VALUES, "malformed": "call me maybe"}}, {"consent": "yes"}),
    ("/konto/registrieren", "/konto/registrieren",
     {"email": EMAIL_VALUES, "name": TEXT_VALUES, "street": TEXT_VALUES, "postalCode": {**TEXT_VALUES, "malformed": "5O667"},
      "city": TEXT_VALUES, "country": {"script": SCRIPT, "malformed": "XX", "encoding": BAD_UTF8}},
     {"name": "Erika Muster", "street": "Heidestraße 17", "postalCode": "51147", "city": "Köln", "country": "DE",
      "password": "Goldbarren-im-Tresor-42"}),
    ("/konto/passwort-vergessen", "/konto/passwort-vergessen", {"email": EMAIL_VALUES}, {}),
    ("/konto/anmelden", "/konto/anmelden", {"email": EMAIL_VALUES, "next": {"script": SCRIPT, "encoding": BAD_UTF8}},
     {"password": "Goldbarren-im-Tresor-42"}),
    ("/produkt/krugerrand-1-oz-gold", "/warenkorb/hinzufuegen",
     {"quantity": NUMBER_VALUES, "sku": {"script": SCRIPT, "overlong": OVERLONG, "encoding": BAD_UTF8}}, {}),
    ("/ankauf", "/ankauf", {"qty.AU-KR-1OZ": NUMBER_VALUES}, {}),
]


def form_cases():
    for page, action, fields, preset in FORMS:
        for field, values in fields.items():
            for kind, value in values.items():
                yield pytest.param(page, action, field, value, preset, id=f"{action}:{field}:{kind}")


@pytest.mark.parametrize("page,action,field,value,preset", list(form_cases()))
def test_a_form_refuses(shop, page, action, field, value, preset):
    visitor = Visitor(shop)
    target, fields = visitor.form(page, action)
    fields.update(preset)
    fields.setdefault("email", "erika@example.de")
    fields[field] = value
    refused(shop, lambda v: visitor.post_form(target, fields), value)


CHECKOUT = {"email": EMAIL_VALUES, "name": TEXT_VALUES, "street": TEXT_VALUES, "postalCode": {"malformed": "5O667", **TEXT_VALUES},
            "city": TEXT_VALUES, "country": {"script": SCRIPT, "malformed": "XX"}}


@pytest.mark.parametrize("field,value", [pytest.param(f, v, id=f"{f}:{k}") for f, vs in CHECKOUT.items() for k, v in vs.items()])
def test_the_checkout_address_refuses(shop, field, value):
    visitor = Visitor(shop)
    target, fields = visitor.form("/produkt/krugerrand-1-oz-gold", "/warenkorb/hinzufuegen")
    assert visitor.post_form(target, fields)[0] in (200, 303)
    target, fields = visitor.form("/kasse", "/kasse")
    fields.update({"email": "erika@example.de", "name": "Erika Muster", "street": "Heidestraße 17", "postalCode": "51147",
                   "city": "Köln", "country": "DE", "shipping": "insured", "payment": "bank_transfer", field: value})
    refused(shop, lambda v: visitor.post_form(target, fields), value)


SELL_OFFER = {"name": TEXT_VALUES, "street": TEXT_VALUES, "city": TEXT_VALUES, "email": EMAIL_VALUES,
              "accountHolder": TEXT_VALUES, "iban": {"malformed": "DE00 1234", "script": SCRIPT, "overlong": OVERLONG}}


@pytest.mark.parametrize("field,value", [pytest.param(f, v, id=f"{f}:{k}") for f, vs in SELL_OFFER.items() for k, v in vs.items()])
def test_a_sell_offer_refuses(shop, field, value):
    visitor = Visitor(shop)
    target, fields = visitor.form("/ankauf", "/ankauf")
    fields["qty.AU-KR-1OZ"] = "1"
    status, _, response = visitor.post_form(target, fields)
    assert status == 303
    offer = response.getheader("Location")
    target, fields = visitor.form(offer, offer)
    fields.update({"email": "erika@example.de", "name": "Erika Muster", "street": "Heidestraße 17", "postalCode": "51147",
                   "city": "Köln", "country": "DE", "payout": "bank", "iban": "DE89370400440532013000",
                   "accountHolder": "Erika Muster", field: value})
    refused(shop, lambda v: visitor.post_form(target, fields), value)


APPLICATION = {"name": TEXT_VALUES, "email": EMAIL_VALUES, "message": {k: v for k, v in TEXT_VALUES.items() if k != "header"}}
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" \
      b"trailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.parametrize("field,value", [pytest.param(f, v, id=f"{f}:{k}") for f, vs in APPLICATION.items() for k, v in vs.items()])
def test_an_application_refuses(shop, field, value):
    visitor = Visitor(shop)
    target, fields = visitor.form("/karriere/edelmetallberater-koeln", "/karriere/edelmetallberater-koeln")
    fields.update({"name": "Jana Beispiel", "email": "jana@example.de", "message": "Guten Tag", field: value})
    refused(shop, lambda v: visitor.post_multipart(target, fields, {"cv": ("lebenslauf.pdf", PDF, "application/pdf")}), value)


QUOTE = {"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]}
ORDER_CUSTOMER = {"email": "erika@example.de", "name": "Erika Muster", "street": "Heidestraße 17", "postalCode": "51147",
                  "city": "Köln", "country": "DE"}
API = [
    ("/api/v1/quotes", ("items", 0, "sku"), {"script": SCRIPT, "overlong": OVERLONG, "encoding": BAD_UTF8, "control": "AU-KR\x00"}),
    ("/api/v1/quotes", ("items", 0, "quantity"), {"negative": -1, "huge": 10 ** 30, "text": SCRIPT}),
    ("/api/v1/quotes", ("destinationCountry",), {"script": SCRIPT, "malformed": "XX", "encoding": BAD_UTF8}),
    ("/api/v1/newsletter/subscriptions", ("email",), EMAIL_VALUES),
    ("/api/v1/orders", ("shippingMethod",), {"script": SCRIPT, "malformed": "drone"}),
] + [("/api/v1/orders", ("customer", field), values)
     for field, values in {"email": EMAIL_VALUES, "name": TEXT_VALUES, "street": TEXT_VALUES, "city": TEXT_VALUES,
                           "postalCode": {"malformed": "5O667", **TEXT_VALUES}, "country": {"script": SCRIPT, "malformed": "XX"}}.items()]


@pytest.mark.parametrize("path,field,value", [pytest.param(p, f, v, id=f"{p}:{'.'.join(map(str, f))}:{k}")
                                              for p, f, vs in API for k, v in vs.items()])
def test_the_api_refuses(shop, path, field, value):
    visitor = Visitor(shop)
    if path == "/api/v1/orders":
        status, text, _ = visitor.post_json("/api/v1/quotes", json.dumps(QUOTE).encode())
        assert status == 201, text
        document = {"quoteId": json.loads(text)["id"], "customer": dict(ORDER_CUSTOMER), "shippingMethod": "insured",
                    "paymentMethod": "bank_transfer", "acceptTerms": True}
    elif path == "/api/v1/quotes":
        document = json.loads(json.dumps(QUOTE))
    else:
        document = {"email": "erika@example.de", "consent": True, "language": "de"}
    refused(shop, lambda v: visitor.post_json(path, json_with(document, list(field), v)), value)


QUERIES = [
    ("/news/suche", "q", {"overlong": OVERLONG, "control": "gold\x00", "encoding": BAD_UTF8}),
    ("/produkte", "metal", {"script": SCRIPT, "malformed": "XAG1", "encoding": BAD_UTF8}),
    ("/produkte", "minWeight", {"script": SCRIPT, "malformed": "1e3", "negative": "-5"}),
    ("/news", "page", {"script": SCRIPT, "negative": "-1", "huge": "9" * 30}),
    ("/charts", "range", {"script": SCRIPT, "malformed": "1x"}),
    ("/api/v1/products", "metal", {"script": SCRIPT, "malformed": "XX"}),
    ("/api/v1/spot/history", "metal", {"script": SCRIPT, "malformed": "XX"}),
]


@pytest.mark.parametrize("path,name,value", [pytest.param(p, n, v, id=f"{p}?{n}:{k}") for p, n, vs in QUERIES for k, v in vs.items()])
def test_a_query_parameter_refuses(shop, path, name, value):
    visitor = Visitor(shop)
    refused(shop, lambda v: visitor.request("GET", f"{path}?{name}={quote(v).decode()}"), value)


def test_a_script_in_the_search_is_looked_for_and_shown_escaped(shop):
    status, text, _ = Visitor(shop).request("GET", "/news/suche?q=" + quote(SCRIPT).decode())
    assert status == 200
    assert_not_reflected(text, SCRIPT)
    assert html.escape(SCRIPT, quote=False) in text or html.escape(SCRIPT) in text


def test_a_header_line_break_never_reaches_a_stored_consent_or_a_mail(shop):
    """The newsletter keeps the signing browser's User-Agent as part of the consent proof: a line break in it is refused
    by the HTTP parser itself; markup in it is stored as text and never shown unescaped."""
    visitor = Visitor(shop)
    target, fields = visitor.form("/", "/newsletter")
    fields["email"] = "ua-probe@example.de"
    raw = ("POST {} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: probe\r\nBcc: {}\r\n x-folded: {}\r\n"
           "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n")
    body = b"&".join(quote(k) + b"=" + quote(v) for k, v in fields.items())
    with socket.create_connection(("127.0.0.1", shop.port), timeout=10) as conn:
        conn.sendall(raw.format(target, BCC, BCC, len(body)).encode() + body)
        answer = conn.recv(65536).decode(errors="replace")
    assert answer.startswith("HTTP/1.1 4"), answer[:200]
    with sqlite3.connect(f"file:{os.path.join(shop.data, 'tresor.sqlite')}?mode=ro", uri=True) as db:
        assert db.execute("SELECT COUNT(*) FROM subscribers WHERE email = 'ua-probe@example.de'").fetchone() == (0,)


def test_no_mail_ever_gained_a_header(shop):
    """Runs last in this module: every mail the shop wrote while it was being attacked has only its own headers. One
    sign-up that is accepted makes sure there is mail to look at."""
    visitor = Visitor(shop)
    target, fields = visitor.form("/", "/newsletter")
    fields["email"] = "last-check@example.de"
    assert visitor.post_form(target, fields)[0] in (200, 303)
    folder = os.path.join(shop.data, "mail")
    deadline = time.time() + 20
    while not (os.path.isdir(folder) and os.listdir(folder)):
        assert time.time() < deadline, "no mail was written"
        time.sleep(0.2)
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), errors="replace") as file:
            head = file.read().split("\r\n\r\n", 1)[0].split("\n\n", 1)[0]
        assert BCC not in head and not re.search(r"^Bcc:", head, re.M | re.I), name
