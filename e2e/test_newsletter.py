"""Double opt-in end to end with the real binary and the file mail transport: sign up in the footer form,
the confirmation mail lands on disk, following its link confirms, and `tresor newsletter proof --json` shows
every proof field. Forged and tampered links are refused."""
import email
import email.policy
import glob
import http.cookiejar
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request


def wait_for_mail(shop, count):
    deadline = time.time() + 15
    files = []
    while time.time() < deadline and len(files) < count:
        files = sorted(glob.glob(os.path.join(shop.data, "mail", "*.eml")), key=os.path.getmtime)
        time.sleep(0.3)
    assert len(files) >= count
    with open(files[count - 1], "rb") as handle:
        return email.message_from_binary_file(handle, policy=email.policy.default)


def test_double_opt_in_through_the_file_transport(shop_factory):
    shop = shop_factory()
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = browser.open(shop.url("/charts"), timeout=10).read().decode()
    token = re.search(r'action="/newsletter"[^>]*><input type="hidden" name="_csrf" value="([^"]+)"', page).group(1)
    version = re.search(r'name="consentVersion" value="(\d+)"', page).group(1)
    form = urllib.parse.urlencode({"_csrf": token, "consentVersion": version, "source": "/charts", "website": "",
                                   "email": "erika@example.de"}).encode()
    request = urllib.request.Request(shop.url("/newsletter"), data=form, headers={"User-Agent": "e2e-browser/1.0"})
    answer = browser.open(request, timeout=10).read().decode()
    assert "Bitte bestätigen Sie Ihre Anmeldung" in answer

    confirmation = wait_for_mail(shop, 1)
    assert confirmation["To"].addresses[0].addr_spec == "erika@example.de"
    text = confirmation.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"(http://\S+/newsletter/bestaetigen\?token=\S+)", text).group(1)
    path = link.split("127.0.0.1:8080", 1)[1]

    for forged in (path + "0", path.replace("token=", "token=0")):
        try:
            urllib.request.urlopen(shop.url(forged), timeout=10)
            raise AssertionError("forged link accepted")
        except urllib.error.HTTPError as error:
            assert error.code == 400
    # Opening the link (as a mail scanner would) only asks; the button on the page confirms.
    asked = urllib.request.urlopen(shop.url(path), timeout=10).read().decode()
    assert "Anmeldung bestätigen" in asked
    assert json.loads(shop.cli("newsletter", "proof", "erika@example.de", "--json").stdout)["status"] == "pending"
    page = urllib.request.urlopen(urllib.request.Request(shop.url(path), data=b""), timeout=10).read().decode()
    assert "Sie erhalten ab jetzt unseren Newsletter" in page

    proof = json.loads(shop.cli("newsletter", "proof", "erika@example.de", "--json").stdout)
    assert proof["status"] == "confirmed"
    assert proof["signupIP"] == "127.0.0.1" and proof["confirmIP"] == "127.0.0.1"
    assert proof["signupUserAgent"] == "e2e-browser/1.0"
    assert proof["signupSource"] == "/charts"
    assert proof["consentVersion"] == 1 and proof["consentText"].startswith("Ja, ich möchte")
    assert proof["confirmationMail"] == text.strip()
    assert proof["signupAt"] and proof["confirmedAt"]
    assert [event["kind"] for event in proof["events"]] == ["signup", "confirm"]

    welcome = wait_for_mail(shop, 2)
    assert welcome["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert welcome["List-Unsubscribe"].startswith("<http://127.0.0.1:8080/newsletter/abmelden?token=")
