"""Staff set manual prices and decide on held jumps from the command line; the shop follows."""
import json
import subprocess
import time
import urllib.request

import pytest

from conftest import BINARY


def spot(shop, metal):
    with urllib.request.urlopen(shop.url("/api/v1/spot"), timeout=5) as response:
        return next(m for m in json.load(response)["metals"] if m["metal"] == metal)


def wait_for(check, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError("condition not reached")


def test_manual_prices_and_held_jumps(shop_factory):
    shop = shop_factory(TRESOR_FEED_PROVIDER="manual", TRESOR_BOARD_REFRESH_SECONDS=1)
    # A manual price is set by a known staff member, recorded with it.
    with pytest.raises(subprocess.CalledProcessError) as unknown:
        shop.cli("spot", "set", "XAU", "2501.30", "--by", "anna@tresor.example")
    assert "no active staff member anna@tresor.example" in unknown.value.stderr
    shop.cli("staff", "add", "--email", "anna@tresor.example", "--name", "Anna Berger", "--role", "owner")
    assert "set to 2501.3 EUR/oz" in shop.cli("spot", "set", "XAU", "2501.30", "--bid", "2499.10", "--by", "anna@tresor.example").stdout
    wait_for(lambda: spot(shop, "XAU").get("ask") == "2501.30")
    assert spot(shop, "XAU")["bid"] == "2499.10"
    assert spot(shop, "XAU")["source"] == "manual"

    # +9.9 %: held, not shown.
    assert "is held" in shop.cli("spot", "set", "XAU", "2750", "--by", "anna@tresor.example").stdout
    held = shop.cli("spot", "held").stdout.strip().splitlines()
    assert len(held) == 1 and "XAU" in held[0] and "9.9" in held[0]
    time.sleep(1.5)
    assert spot(shop, "XAU")["ask"] == "2501.30"

    tick_id = held[0].split("\t")[0]
    # Only a known, active staff member decides, and is recorded.
    with pytest.raises(subprocess.CalledProcessError) as stranger:
        shop.cli("spot", "confirm", tick_id, "--by", "anna")
    assert "no active staff member anna" in stranger.value.stderr
    assert f"Tick {tick_id} confirmed." in shop.cli("spot", "confirm", tick_id, "--by", "anna@tresor.example").stdout
    wait_for(lambda: spot(shop, "XAU").get("ask") == "2750.00")
    assert shop.cli("spot", "held").stdout.strip() == "No held ticks."

    with pytest.raises(subprocess.CalledProcessError) as refused:
        shop.cli("spot", "reject", tick_id, "--by", "anna@tresor.example")
    assert "no held tick" in refused.value.stderr

    # Anna leaves: a colleague ends her access, and her name no longer sets prices.
    shop.cli("staff", "add", "--email", "ben@tresor.example", "--name", "Ben Kaiser", "--role", "owner")
    with pytest.raises(subprocess.CalledProcessError) as own:
        shop.cli("staff", "disable", "ben@tresor.example", "--by", "ben@tresor.example")
    assert "cannot disable themselves" in own.value.stderr
    assert "access ended" in shop.cli("staff", "disable", "anna@tresor.example", "--by", "ben@tresor.example").stdout
    with pytest.raises(subprocess.CalledProcessError) as gone:
        shop.cli("spot", "set", "XAU", "2760", "--by", "anna@tresor.example")
    assert "no active staff member anna@tresor.example" in gone.value.stderr


def test_bad_input_is_refused_with_a_message(shop_factory):
    shop = shop_factory(TRESOR_FEED_PROVIDER="manual")
    for args, message in ((("spot", "set", "CU", "9", "--by", "x@tresor.example"), "unknown metal"),
                          (("spot", "set", "XAU", "12abc", "--by", "x@tresor.example"), "ask must be a positive decimal"),
                          (("spot", "set", "XAU", "100", "--bid", "101", "--by", "x@tresor.example"), "bid must be")):
        with pytest.raises(subprocess.CalledProcessError) as refused:
            shop.cli(*args)
        assert message in refused.value.stderr


def test_invalid_configuration_stops_start_up_naming_the_key(shop_factory):
    shop = shop_factory()
    result = subprocess.run([BINARY, "migrate"],
                            env=dict(shop.env, TRESOR_FEED_JUMP_PERCENT="3%"), capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "TRESOR_FEED_JUMP_PERCENT" in result.stderr
