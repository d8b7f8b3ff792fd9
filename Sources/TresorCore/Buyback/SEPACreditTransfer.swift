import Foundation

/// A SEPA credit transfer initiation (ISO 20022 pain.001.001.09) as banks take it for a batch of payouts: one
/// payment information block from the dealer's account, one transaction per payout, names in the SEPA character set.
public struct SEPACreditTransfer: Sendable {
    public struct Payment: Sendable, Hashable {
        /// End-to-end reference the seller's bank shows: the buy-back number.
        public var endToEndID: String
        public var amount: Money
        public var creditorName: String
        public var creditorIBAN: String
        public var remittance: String

        public init(endToEndID: String, amount: Money, creditorName: String, creditorIBAN: String, remittance: String) {
            self.endToEndID = endToEndID
            self.amount = amount
            self.creditorName = creditorName
            self.creditorIBAN = creditorIBAN
            self.remittance = remittance
        }
    }

    public static let namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"

    public var messageID: String
    public var created: Date
    public var debtorName: String
    public var debtorIBAN: String
    public var debtorBIC: String
    /// The day the bank is to execute it (`2026-12-01`).
    public var executionDay: String
    public var payments: [Payment]

    public init(messageID: String, created: Date, debtorName: String, debtorIBAN: String, debtorBIC: String, executionDay: String,
                payments: [Payment]) {
        self.messageID = messageID
        self.created = created
        self.debtorName = debtorName
        self.debtorIBAN = debtorIBAN
        self.debtorBIC = debtorBIC
        self.executionDay = executionDay
        self.payments = payments
    }

    public var total: Money { payments.reduce(.zero) { $0 + $1.amount } }

    public var xml: String {
        let count = String(payments.count), sum = total.decimalString
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="\(Self.namespace)">
              <CstmrCdtTrfInitn>
                <GrpHdr>
                  <MsgId>\(Self.text(messageID, 35))</MsgId>
                  <CreDtTm>\(Self.timestamp(created))</CreDtTm>
                  <NbOfTxs>\(count)</NbOfTxs>
                  <CtrlSum>\(sum)</CtrlSum>
                  <InitgPty><Nm>\(Self.text(debtorName, 70))</Nm></InitgPty>
                </GrpHdr>
                <PmtInf>
                  <PmtInfId>\(Self.text(messageID, 35))</PmtInfId>
                  <PmtMtd>TRF</PmtMtd>
                  <BtchBookg>true</BtchBookg>
                  <NbOfTxs>\(count)</NbOfTxs>
                  <CtrlSum>\(sum)</CtrlSum>
                  <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>
                  <ReqdExctnDt><Dt>\(executionDay)</Dt></ReqdExctnDt>
                  <Dbtr><Nm>\(Self.text(debtorName, 70))</Nm></Dbtr>
                  <DbtrAcct><Id><IBAN>\(IBAN.normalised(debtorIBAN))</IBAN></Id></DbtrAcct>
                  <DbtrAgt><FinInstnId><BICFI>\(debtorBIC)</BICFI></FinInstnId></DbtrAgt>
                  <ChrgBr>SLEV</ChrgBr>

            """
        for payment in payments {
            out += """
                      <CdtTrfTxInf>
                        <PmtId><EndToEndId>\(Self.text(payment.endToEndID, 35))</EndToEndId></PmtId>
                        <Amt><InstdAmt Ccy="EUR">\(payment.amount.decimalString)</InstdAmt></Amt>
                        <Cdtr><Nm>\(Self.text(payment.creditorName, 70))</Nm></Cdtr>
                        <CdtrAcct><Id><IBAN>\(IBAN.normalised(payment.creditorIBAN))</IBAN></Id></CdtrAcct>
                        <RmtInf><Ustrd>\(Self.text(payment.remittance, 140))</Ustrd></RmtInf>
                      </CdtTrfTxInf>

                """
        }
        out += """
                </PmtInf>
              </CstmrCdtTrfInitn>
            </Document>

            """
        return out
    }

    /// The SEPA character set (a–z, A–Z, 0–9, / - ? : ( ) . , ' + and space): umlauts spelled out, anything else a
    /// space; at most `limit` characters; XML-safe since none of `<>&"` survives.
    public static func text(_ value: String, _ limit: Int) -> String {
        var spelled = value
        for (letter, spelling) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")] {
            spelled = spelled.replacingOccurrences(of: letter, with: spelling)
        }
        let folded = spelled.folding(options: .diacriticInsensitive, locale: nil)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ")
        let cleaned = String(folded.map { allowed.contains($0) ? $0 : " " }).split(separator: " ").joined(separator: " ")
        return String(cleaned.prefix(limit))
    }

    /// `2026-11-30T10:15:00` in Berlin time, as banks read the creation time.
    public static func timestamp(_ date: Date) -> String {
        let p = Format.berlin.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
    }
}
