"""Prices move in the browser without a reload, and the stale banner appears when the feed stops."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def csp_errors(browser):
    browser.watch.collect(browser.wrapped_driver)
    return [entry["message"] for entry in browser.watch.console
            if entry["level"] == "SEVERE" and "Content Security Policy" in entry["message"]]


def test_prices_update_without_reload(shop_factory, browser):
    shop = shop_factory(TRESOR_FEED_INTERVAL_SECONDS=1, TRESOR_BOARD_REFRESH_SECONDS=1)
    browser.get(shop.url("/produkt/krugerrand-1-oz-gold"))
    price = browser.find_element(By.CSS_SELECTOR, '.product-head [data-field="unit"]')
    first = price.text
    assert first.endswith("€")
    # Mark the document: a reload would lose the mark, so a changed price with the mark is a live update.
    browser.execute_script("document.body.dataset.loaded = 'once'")
    WebDriverWait(browser, 20, poll_frequency=0.25).until(lambda _: price.text != first)
    assert browser.execute_script("return document.body.dataset.loaded") == "once"
    ticker = browser.find_elements(By.CSS_SELECTOR, '[data-metal="XAU"] [data-field="oz"]')
    assert all(cell.text.endswith("€") for cell in ticker)
    assert csp_errors(browser) == []


def test_stale_banner_appears_when_the_feed_stops(shop_factory, browser):
    shop = shop_factory(TRESOR_FEED_PROVIDER="manual", TRESOR_FEED_STALE_SECONDS=6, TRESOR_BOARD_REFRESH_SECONDS=1)
    shop.cli("staff", "add", "--email", "anna@tresor.example", "--name", "Anna Berger", "--role", "owner")
    for metal, price in (("XAU", "2501.37"), ("XAG", "28.50"), ("XPT", "1350"), ("XPD", "1200")):
        shop.cli("spot", "set", metal, price, "--by", "anna@tresor.example")
    time.sleep(1.5)
    browser.get(shop.url("/en/gold"))
    banner = browser.find_element(By.CSS_SELECTOR, "[data-stale-banner]")
    assert not banner.is_displayed()
    assert "€" in browser.find_element(By.CSS_SELECTOR, '[data-sku="AU-KR-1OZ"] [data-field="unit"]').text
    # No new price arrives: after 6 s the prices are stale and the page says so without a reload.
    WebDriverWait(browser, 20, poll_frequency=0.25).until(lambda _: banner.is_displayed())
    unit = browser.find_element(By.CSS_SELECTOR, '[data-sku="AU-KR-1OZ"] [data-field="unit"]')
    WebDriverWait(browser, 5).until(lambda _: unit.text == "Price currently unavailable")


def test_pages_work_without_javascript(shop_factory, browser):
    shop = shop_factory()
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    browser.get(shop.url("/gold?form=bar&sort=price"))
    cards = browser.find_elements(By.CSS_SELECTOR, ".card")
    assert len(cards) > 5
    assert all("€" in card.find_element(By.CSS_SELECTOR, '[data-field="unit"]').text for card in cards)
    browser.find_element(By.CSS_SELECTOR, "select[name=sort] option[value=price_desc]").click()
    browser.find_element(By.CSS_SELECTOR, ".filters button").click()
    WebDriverWait(browser, 10).until(lambda _: "sort=price_desc" in browser.current_url)
    titles = WebDriverWait(browser, 10).until(lambda _: browser.find_elements(By.CSS_SELECTOR, ".card h3"))
    assert "1 kg" in titles[0].text, browser.title + " " + browser.current_url


def test_the_ticker_pairs_each_label_with_its_value(shop_factory, browser):
    """The review found "je Unze" beside the price per gram and "je Gramm" beside the change: each label must sit on
    the same line as its own figure, right of it."""
    shop = shop_factory()
    browser.get(shop.url("/"))
    for spot in browser.find_elements(By.CSS_SELECTOR, ".ticker .spot"):
        pairs = {}
        for figure in spot.find_elements(By.CSS_SELECTOR, ".figure"):
            value = figure.find_element(By.CSS_SELECTOR, "[data-field]")
            label = figure.find_element(By.CSS_SELECTOR, ".unit")
            assert abs(value.rect["y"] - label.rect["y"]) < value.rect["height"], figure.text
            assert label.rect["x"] > value.rect["x"], figure.text
            pairs[label.text] = (value.get_attribute("data-field"), value.text)
        assert pairs["je Unze"][0] == "oz" and pairs["je Unze"][1].endswith("€")
        assert pairs["je Gramm"][0] == "gram" and pairs["je Gramm"][1].endswith("€")
        assert pairs["24 h"][0] == "change" and pairs["24 h"][1]
