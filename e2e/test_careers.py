"""Applying for a job in Chromium: the form with a real file upload, the thank-you page, the CV kept outside
the web root and readable only through the CLI; a file that is not a PDF is refused next to its field."""
import os
import urllib.error
import urllib.request

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

def well_formed_pdf():
    """A small PDF with header, objects, a cross-reference table at the right offsets, trailer and %%EOF."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


PDF = well_formed_pdf()


def test_apply_with_a_cv_in_chromium(shop_factory, browser, tmp_path):
    shop = shop_factory()
    cv = tmp_path / "lebenslauf.pdf"
    cv.write_bytes(PDF)
    picture = tmp_path / "foto.pdf"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n not a pdf")

    browser.get(shop.url("/karriere"))
    browser.find_element(By.CSS_SELECTOR, "a[href='/karriere/edelmetallberater-koeln']").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "f-cv")))

    def fill(name, email, upload):
        browser.find_element(By.ID, "f-name").clear()
        browser.find_element(By.ID, "f-name").send_keys(name)
        browser.find_element(By.ID, "f-email").clear()
        browser.find_element(By.ID, "f-email").send_keys(email)
        browser.find_element(By.ID, "f-cv").send_keys(str(upload))
        browser.find_element(By.CSS_SELECTOR, "section.apply button[type=submit]").click()

    # A picture instead of a PDF: the form comes back with 422 and says why (that failed request is expected).
    browser.watch.expected.append("/karriere/edelmetallberater-koeln?_csrf=")
    fill("Jana Beispiel", "jana@example.de", picture)
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".field.invalid #f-cv")))
    assert "Der Lebenslauf ist keine PDF-Datei." in browser.page_source
    assert browser.find_element(By.ID, "f-name").get_attribute("value") == "Jana Beispiel"
    assert "No applications." in shop.cli("applications", "list").stdout

    fill("Jana Beispiel", "jana@example.de", cv)
    # The heading looked at may belong to the page being left (stale): look again until the new page's says so.
    WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Vielen Dank für Ihre Bewerbung"))

    listed = shop.cli("applications", "list").stdout.strip().split("\t")
    assert listed[2:] == ["Jana Beispiel", "jana@example.de"]
    saved = tmp_path / "saved.pdf"
    shop.cli("applications", "cv", listed[0], str(saved))
    assert saved.read_bytes() == PDF
    stored = os.listdir(os.path.join(shop.data, "applications"))
    assert stored == [listed[0] + ".pdf"]
    # Not reachable over HTTP under any of the obvious addresses.
    for path in ("/applications/" + stored[0], "/tresor-data/applications/" + stored[0], "/assets/" + stored[0]):
        try:
            urllib.request.urlopen(shop.url(path), timeout=10)
            raise AssertionError(path + " is served")
        except urllib.error.HTTPError as error:
            assert error.code == 404
