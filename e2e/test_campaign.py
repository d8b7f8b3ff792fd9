"""A newsletter campaign end to end with the real binary: two addresses confirmed through mails that go out
over SMTP into Postfix's smtp-sink, a campaign drafted and scheduled with the CLI and sent by the running
shop, every message with RFC 8058 one-click unsubscribe that works without cookies, and a delivery report
read from a Maildir that suppresses the address."""
import email
import email.policy
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

from conftest import ROOT, free_port


class Sink:
    """smtp-sink on loopback, dumping every message into a folder."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="tresor-sink-")
        os.chmod(self.folder, 0o777)
        self.port = free_port()
        user = ["-u", "nobody"] if os.geteuid() == 0 else []
        self.process = subprocess.Popen(["/usr/sbin/smtp-sink", *user, "-d", self.folder + "/%M.", f"127.0.0.1:{self.port}", "10"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)

    def messages(self, subject_part, count, timeout=30):
        deadline = time.time() + timeout
        found = []
        while time.time() < deadline:
            found = []
            for path in glob.glob(os.path.join(self.folder, "*")):
                with open(path, "rb") as handle:
                    message = email.message_from_binary_file(handle, policy=email.policy.default)
                if subject_part in str(message["Subject"] or ""):
                    found.append(message)
            if len(found) >= count:
                return found
            time.sleep(0.5)
        raise AssertionError(f"{len(found)} of {count} messages with {subject_part!r} arrived")

    def stop(self):
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def local(shop, url):
    """The shop's own address for a link written with the default base URL."""
    return shop.url(url.split("127.0.0.1:8080", 1)[1])


def test_campaign_over_smtp_with_one_click_unsubscribe_and_bounces(shop_factory, tmp_path):
    sink = Sink()
    try:
        shop = shop_factory(TRESOR_MAIL_TRANSPORT="smtp", TRESOR_MAIL_SMTP_PORT=sink.port,
                            TRESOR_MAIL_ENVELOPE_FROM="bounces@tresor.example")
        for address in ("anna@example.de", "ben@example.com"):
            body = json.dumps({"email": address, "consentVersion": 1, "source": "/e2e"}).encode()
            request = urllib.request.Request(shop.url("/api/v1/newsletter/subscriptions"), data=body,
                                             headers={"Content-Type": "application/json"})
            assert urllib.request.urlopen(request, timeout=10).status == 202
        for confirmation in sink.messages("Newsletter-Anmeldung", 2):
            assert confirmation["X-Mail-Args"].startswith("<bounces@tresor.example>")
            text = confirmation.get_body(preferencelist=("plain",)).get_content()
            link = re.search(r"(http://\S+/newsletter/bestaetigen\?token=\S+)", text).group(1)
            assert urllib.request.urlopen(local(shop, link), timeout=10).status == 200  # the page that asks
            confirm = urllib.request.Request(local(shop, link), data=b"")  # the button
            assert urllib.request.urlopen(confirm, timeout=10).status == 200

        body = tmp_path / "campaign.md"
        body.write_text("## Gold im Dezember\n\nDer Goldpreis hat **zwei Prozent** zugelegt.\n", encoding="utf-8")
        shop.cli("staff", "add", "--email", "redaktion@tresor.example", "--name", "Rita Redaktion", "--role", "editor")
        campaign = re.search(r"Draft (\S+):", shop.cli("newsletter", "campaigns", "draft", "--subject", "Gold im Dezember",
                                                        str(body), "--by", "redaktion@tresor.example").stdout).group(1)
        shop.cli("newsletter", "campaigns", "schedule", campaign, "--by", "redaktion@tresor.example")
        # The running shop's sender starts it within its interval and hands it to the SMTP relay.
        mails = sink.messages("Gold im Dezember", 2)
        assert sorted(m["To"].addresses[0].addr_spec for m in mails) == ["anna@example.de", "ben@example.com"]
        for mail in mails:
            assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            assert mail["List-Id"].endswith("<newsletter.127.0.0.1>")
            assert "zwei Prozent" in mail.get_body(preferencelist=("plain",)).get_content()
            assert "<strong>zwei Prozent</strong>" in mail.get_body(preferencelist=("html",)).get_content()
        deadline = time.time() + 15
        while "sent: 2" not in shop.cli("newsletter", "campaigns", "show", campaign).stdout and time.time() < deadline:
            time.sleep(0.5)
        assert "status: sent" in shop.cli("newsletter", "campaigns", "show", campaign).stdout

        # One click in the mail client: a POST without cookies or form token.
        anna = next(m for m in mails if m["To"].addresses[0].addr_spec == "anna@example.de")
        url = re.search(r"<([^>]+)>", anna["List-Unsubscribe"]).group(1)
        one_click = urllib.request.Request(local(shop, url), data=b"List-Unsubscribe=One-Click",
                                           headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert urllib.request.urlopen(one_click, timeout=10).status == 200
        proof = json.loads(shop.cli("newsletter", "proof", "anna@example.de", "--json").stdout)
        assert proof["status"] == "unsubscribed"
        assert proof["events"][-1]["detail"] == "one-click (RFC 8058)"

        # Ben's mailbox does not exist: the relay's report arrives in the bounce Maildir.
        ben = next(m for m in mails if m["To"].addresses[0].addr_spec == "ben@example.com")
        maildir = tmp_path / "bounces"
        (maildir / "new").mkdir(parents=True)
        with open(os.path.join(ROOT, "Tests", "Fixtures", "bounces", "hard-5.1.1.eml"), encoding="utf-8") as handle:
            report = handle.read().replace("Anna@Example.de", "ben@example.com").replace("anna@example.de", "ben@example.com")
        (maildir / "new" / "1764234300.M1P1.mx").write_text(report.replace("{MESSAGE_ID}", ben["Message-ID"]), encoding="utf-8")
        assert "1 hard bounces" in shop.cli("newsletter", "bounces", str(maildir)).stdout
        assert json.loads(shop.cli("newsletter", "proof", "ben@example.com", "--json").stdout)["status"] == "bounced"
        shown = shop.cli("newsletter", "campaigns", "show", campaign).stdout
        assert "bounced: 1" in shown and "sent: 1" in shown
        page = shop.cli("newsletter", "proof", "ben@example.com", "--html").stdout
        assert "Nachweis der Newsletter-Einwilligung" in page and "5.1.1" in page
    finally:
        sink.stop()
