"""A guest buys in real Chromium: product page → cart → checkout → review with the live countdown → order
confirmation; and an expired quote takes the order button away and offers a fresh quote."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_live_prices import csp_errors

ADDRESS = {"email": "erika@example.de", "name": "Erika Mustermann", "street": "Heidestraße 17", "postalCode": "51147",
           "city": "Köln", "country": "DE"}


def to_review(shop, browser):
    browser.get(shop.url("/produkt/krugerrand-1-oz-gold"))
    quantity = browser.find_element(By.CSS_SELECTOR, ".add-to-cart input[name=quantity]")
    quantity.clear()
    quantity.send_keys("2")
    browser.find_element(By.CSS_SELECTOR, ".add-to-cart button").click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/warenkorb"))
    assert "Krugerrand" in browser.find_element(By.CSS_SELECTOR, "table.lines").text
    browser.find_element(By.LINK_TEXT, "Zur Kasse").click()
    for name, value in ADDRESS.items():
        field = browser.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "input[name=shipping][value=insured]").click()
    browser.find_element(By.CSS_SELECTOR, "input[name=payment][value=bank_transfer]").click()
    browser.find_element(By.CSS_SELECTOR, "form[action='/kasse'] button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/kasse/pruefen"))


def seconds_left(browser):
    minutes, seconds = browser.find_element(By.CSS_SELECTOR, "[data-countdown]").text.split(":")
    return int(minutes) * 60 + int(seconds)


def test_guest_checkout_with_countdown(shop_factory, browser):
    shop = shop_factory(TRESOR_QUOTE_LOCK_SECONDS=120)
    to_review(shop, browser)
    first = seconds_left(browser)
    assert 110 <= first <= 120
    WebDriverWait(browser, 5, poll_frequency=0.2).until(lambda b: seconds_left(b) < first)  # it counts down live
    browser.save_screenshot(os.path.join(shop.data, "review.png"))
    if os.environ.get("TRESOR_SCREENSHOTS"):
        browser.save_screenshot(os.path.join(os.environ["TRESOR_SCREENSHOTS"], "review.png"))
    # The terms box links the terms and the withdrawal information, and both pages open.
    links = {link.text: link.get_attribute("href") for link in browser.find_elements(By.CSS_SELECTOR, ".terms-links a")}
    assert links["Allgemeine Geschäftsbedingungen"].endswith("/agb")
    assert links["Widerrufsbelehrung und Ausschluss des Widerrufsrechts"].endswith("/widerruf")
    review = browser.current_url
    browser.get(links["Widerrufsbelehrung und Ausschluss des Widerrufsrechts"])
    assert "§ 312g Abs. 2 Nr. 8 BGB" in browser.find_element(By.TAG_NAME, "main").text
    browser.get(review)
    browser.find_element(By.NAME, "noWithdrawal").click()
    browser.find_element(By.NAME, "acceptTerms").click()
    browser.find_element(By.CSS_SELECTOR, ".place-order button").click()
    WebDriverWait(browser, 10).until(lambda b: "/bestellung/T-" in b.current_url)
    assert "token=toa_" in browser.current_url
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "wartet auf Zahlung" in page
    reference = browser.find_element(By.CSS_SELECTOR, '[data-field="reference"]').text
    assert reference.startswith("RF")
    assert browser.find_element(By.CSS_SELECTOR, '[data-field="iban"]').text == "DE89 3704 0044 0532 0130 00"
    if os.environ.get("TRESOR_SCREENSHOTS"):
        browser.save_screenshot(os.path.join(os.environ["TRESOR_SCREENSHOTS"], "confirmation.png"))
    assert csp_errors(browser) == []


def test_expired_quote_offers_a_fresh_one(shop_factory, browser):
    shop = shop_factory(TRESOR_QUOTE_LOCK_SECONDS=30)
    to_review(shop, browser)
    button = browser.find_element(By.CSS_SELECTOR, ".place-order button")
    assert button.is_displayed()
    # When the lock runs out the page takes the order button away without a reload.
    WebDriverWait(browser, 40, poll_frequency=0.5).until(lambda b: b.find_element(By.CSS_SELECTOR, ".expired").is_displayed())
    assert not button.is_displayed()
    browser.find_element(By.CSS_SELECTOR, ".expired button").click()
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, ".place-order button").is_displayed())
    # A fresh 30-second lock (the old one had run out); the screenshots taken after each click cost a few seconds.
    assert 10 <= seconds_left(browser) <= 30
    browser.find_element(By.NAME, "noWithdrawal").click()
    browser.find_element(By.NAME, "acceptTerms").click()
    browser.find_element(By.CSS_SELECTOR, ".place-order button").click()
    WebDriverWait(browser, 10).until(lambda b: "/bestellung/" in b.current_url)
    assert csp_errors(browser) == []
