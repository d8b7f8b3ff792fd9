"""Bank-transfer payments end to end: two orders over the API, a camt.053.001.08 statement written for them
(checked against the published schema), imported on the command line, resolved by staff."""
import os
import shutil
import subprocess

import pytest

from test_order_flow import CUSTOMER, call

SCHEMA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                      "Tests", "Fixtures", "standards", "camt.053.001.08.xsd")


def schema():
    """The published schema, copied into the project: a fresh clone needs nothing beside it."""
    if not os.path.exists(SCHEMA):
        pytest.fail(f"{SCHEMA} is missing")
    return SCHEMA


def entry(ref, amount, remittance):
    return f"""
      <Ntry>
        <Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-30</Dt></BookgDt><AcctSvcrRef>{ref}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd>
          <RltdPties><Dbtr><Pty><Nm>Erika Mustermann</Nm></Pty></Dbtr></RltdPties>
          <RmtInf><Ustrd>{remittance}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>"""


def statement(entries):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>E2E-1</MsgId><CreDtTm>2026-11-30T18:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>E2E-1</Id><CreDtTm>2026-11-30T18:00:00+01:00</CreDtTm>
      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
        <Dt><Dt>2026-11-30</Dt></Dt></Bal>{"".join(entries)}
    </Stmt>
  </BkToCstmrStmt>
</Document>
"""


def place(shop, sku):
    _, quote = call(shop, "POST", "/api/v1/quotes", {"items": [{"sku": sku, "quantity": 1}]})
    status, order = call(shop, "POST", "/api/v1/orders", {"quoteId": quote["id"], "customer": CUSTOMER,
                                                          "shippingMethod": "insured", "paymentMethod": "bank_transfer",
                                                          "acceptTerms": True})
    assert status == 201, order
    return order


def cents(amount):
    return f"{amount // 100}.{amount % 100:02d}"


def test_statement_import_pays_and_staff_resolve_the_rest(shop_factory, tmp_path):
    shop = shop_factory()
    shop.cli("staff", "add", "--email", "kasse@tresor.example", "--name", "Karl Kasse", "--role", "sales")
    first, second = place(shop, "AU-KR-1OZ"), place(shop, "AG-ML-1OZ")
    total2 = round(float(second["total"]) * 100)
    # The customer of the second order pays in two parts; the first arrives with the reference in lower case.
    path = tmp_path / "statement.xml"
    path.write_text(statement([
        entry("E2E-0001", first["total"], f"Bestellung {first['paymentReference']}"),
        entry("E2E-0002", cents(total2 - 1000), second["paymentReference"].lower() + " Teil 1"),
    ]), encoding="utf-8")
    if shutil.which("xmllint"):
        subprocess.run(["xmllint", "--noout", "--schema", schema(), str(path)], check=True, capture_output=True)

    out = shop.cli("payments", "import", str(path), "--by", "kasse@tresor.example").stdout
    assert "2 entries, 0 imported before, 1 orders paid, 1 to resolve" in out
    assert f"paid: {first['number']}" in out
    again = shop.cli("payments", "import", str(path), "--by", "kasse@tresor.example").stdout
    assert "2 entries, 2 imported before, 0 orders paid, 0 to resolve" in again

    token = first["accessToken"]
    status, read = call(shop, "GET", f"/api/v1/orders/{first['number']}", headers={"Authorization": f"Bearer {token}"})
    assert status == 200 and read["status"] == "paid"

    listed = shop.cli("payments", "unmatched").stdout.strip().splitlines()
    assert len(listed) == 1 and "\tpartial\t" in listed[0] and f"order? {second['number']}" in listed[0]
    entry_id = listed[0].split("\t")[0]
    assigned = shop.cli("payments", "assign", entry_id, second["number"], "--by", "kasse@tresor.example").stdout
    assert "10.00 EUR still due" in assigned

    # The rest arrives without a reference; staff assign it and the order is paid.
    rest = tmp_path / "rest.xml"
    rest.write_text(statement([entry("E2E-0003", "10.00", "Rest")]), encoding="utf-8")
    shop.cli("payments", "import", str(rest), "--by", "kasse@tresor.example")
    rest_id = shop.cli("payments", "unmatched").stdout.split("\t")[0]
    done = shop.cli("payments", "assign", rest_id, second["number"], "--by", "kasse@tresor.example").stdout
    assert f"{second['number']} is now paid." in done
    assert "Nothing to resolve." in shop.cli("payments", "unmatched").stdout

    # A broken file is refused whole, naming the element and line.
    broken = tmp_path / "broken.xml"
    broken.write_text(statement([entry("E2E-0004", "5.00", "x")]).replace("<CdtDbtInd>CRDT</CdtDbtInd><Sts>", "<Sts>"),
                      encoding="utf-8")
    with pytest.raises(subprocess.CalledProcessError) as refused:
        shop.cli("payments", "import", str(broken), "--by", "kasse@tresor.example")
    assert "statement refused, nothing imported: line" in refused.value.stderr
    assert "Nothing to resolve." in shop.cli("payments", "unmatched").stdout
