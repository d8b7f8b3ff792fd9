import Foundation

/// The accounts the export books to. The defaults follow SKR03 as commonly used (debtors 10000, bank 1200, revenue
/// 8400 for 19 %, 8100 for tax-exempt supplies, 8200 for margin-scheme sales, 8320 for distance sales taxed in another
/// member state under the One-Stop-Shop); the dealer's tax adviser confirms or changes them (`TRESOR_DATEV_ACCOUNT_*`).
/// See docs/operations.md.
public struct DatevAccounts: Sendable, Hashable {
    public var debtors = "10000"
    public var bank = "1200"
    public var cash = "1000"
    /// Revenue per VAT treatment: §25c investment gold (exempt), the standard rate, §25a margin scheme.
    public var exemptInvestmentGold = "8100"
    public var standardRate = "8400"
    public var marginScheme = "8200"
    /// Standard-rated goods taxed in another member state (§3c UStG, declared in the One-Stop-Shop).
    public var otherMemberState = "8320"

    public init() {}

    /// The revenue account of a VAT group: by treatment, or the one for another member state's VAT.
    public func revenue(_ group: InvoiceVatGroup) -> String {
        if group.country != nil { return otherMemberState }
        return switch group.regime {
        case .exemptInvestmentGold: exemptInvestmentGold
        case .standard: standardRate
        case .marginScheme: marginScheme
        }
    }
}

/// One booking line: an amount (always positive) booked to `account` against `contraAccount`, debit (`S`) or
/// credit (`H`) on `account`.
public struct DatevBooking: Sendable, Hashable {
    public var amount: Money
    public var debit: Bool
    public var account: String
    public var contraAccount: String
    public var date: Date
    /// Belegfeld 1: the invoice or order number (at most 36 characters).
    public var document: String
    /// Buchungstext (at most 60 characters).
    public var text: String
    /// A distance sale taxed in another member state: its country (field 40, "EU-Land u. UStID (Bestimmung)", the
    /// country alone for a consumer) and that country's rate (field 41, "EU-Steuersatz (Bestimmung)").
    public var destination: Destination?

    public struct Destination: Sendable, Hashable {
        public var country: String
        public var ratePercent: Decimal

        public init(country: String, ratePercent: Decimal) {
            self.country = country
            self.ratePercent = ratePercent
        }

        /// DATEV's country code: Greece is `EL` there, as in VAT ids.
        public var datevCountry: String { country == "GR" ? "EL" : country }
    }

    public init(amount: Money, debit: Bool, account: String, contraAccount: String, date: Date, document: String, text: String,
                destination: Destination? = nil) {
        self.destination = destination
        self.amount = amount
        self.debit = debit
        self.account = account
        self.contraAccount = contraAccount
        self.date = date
        self.document = document
        self.text = text
    }
}

/// A DATEV "Buchungsstapel" in the EXTF format (version 700, category 21, format version 13): the header line, the
/// column names, one line per booking; semicolons, CRLF, Windows-1252, amounts with a decimal comma and no sign.
public struct DatevBatch: Sendable {
    public var consultant: Int
    public var client: Int
    public var from: Date
    public var until: Date
    public var created: Date
    public var bookings: [DatevBooking]

    public init(consultant: Int, client: Int, from: Date, until: Date, created: Date, bookings: [DatevBooking]) {
        self.consultant = consultant
        self.client = client
        self.from = from
        self.until = until
        self.created = created
        self.bookings = bookings
    }

    /// The columns written, the first 41 of the Buchungsstapel in its order (up to the destination country and rate of
    /// a distance sale); the others stay empty and are left off.
    public static let columns = ["Umsatz (ohne Soll/Haben-Kz)", "Soll/Haben-Kennzeichen", "WKZ Umsatz", "Kurs", "Basis-Umsatz",
                                 "WKZ Basis-Umsatz", "Konto", "Gegenkonto (ohne BU-Schlüssel)", "BU-Schlüssel", "Belegdatum",
                                 "Belegfeld 1", "Belegfeld 2", "Skonto", "Buchungstext", "Postensperre", "Diverse Adressnummer",
                                 "Geschäftspartnerbank", "Sachverhalt", "Zinssperre", "Beleglink"]
        + (1...8).flatMap { ["Beleginfo - Art \($0)", "Beleginfo - Inhalt \($0)"] }
        + ["KOST1 - Kostenstelle", "KOST2 - Kostenstelle", "Kost-Menge", "EU-Land u. UStID (Bestimmung)", "EU-Steuersatz (Bestimmung)"]

    public var lines: [String] {
        let (fromDay, untilDay) = (Self.day(from), Self.day(until))
        let fiscalYearStart = String(fromDay.prefix(4)) + "0101"
        let header: [String] = ["\"EXTF\"", "700", "21", "\"Buchungsstapel\"", "13", Self.timestamp(created), "", "\"RE\"", "\"Tresor\"", "\"\"",
                                String(consultant), String(client), fiscalYearStart, "4", fromDay, untilDay,
                                Self.quoted("Tresor \(fromDay)–\(untilDay)"), "\"\"", "1", "0", "0", "\"EUR\"", "", "\"\"", "", "", "\"03\"",
                                "", "", "", "\"\""]
        var lines = [header.joined(separator: ";"), Self.columns.map(Self.quoted).joined(separator: ";")]
        for booking in bookings {
            let day = Self.day(booking.date)
            let destination = booking.destination.map { [Self.quoted($0.datevCountry), Format.decimal($0.ratePercent, scale: 2, .de)] } ?? ["", ""]
            lines.append(([Self.amount(booking.amount), Self.quoted(booking.debit ? "S" : "H"), Self.quoted("EUR"), "", "", "",
                           booking.account, booking.contraAccount, "", String(day.suffix(2)) + String(day.dropFirst(4).prefix(2)),
                           Self.quoted(String(booking.document.prefix(36))), "", "", Self.quoted(String(booking.text.prefix(60)))]
                          + Array(repeating: "", count: Self.columns.count - 16) + destination)
                .joined(separator: ";"))
        }
        return lines
    }

    /// The file: Windows-1252 as DATEV reads it (characters it lacks become `?`).
    public var data: Data {
        let text = lines.joined(separator: "\r\n") + "\r\n"
        return text.data(using: .windowsCP1252, allowLossyConversion: true) ?? Data(text.utf8)
    }

    /// `1234,56`: no sign (Soll/Haben says the direction), no thousands separator.
    static func amount(_ money: Money) -> String {
        let cents = money.cents.magnitude
        return "\(cents / 100)," + (cents % 100 < 10 ? "0" : "") + "\(cents % 100)"
    }

    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// The Berlin calendar day as `20261130`.
    static func day(_ date: Date) -> String { BankingCalendar.berlinDay(of: date).replacingOccurrences(of: "-", with: "") }

    /// `20261130143000000`: year to milliseconds, Berlin time.
    static func timestamp(_ date: Date) -> String {
        let parts = Format.berlin.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02d%02d%02d%02d000", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
                      parts.minute ?? 0, parts.second ?? 0)
    }
}

extension DatevBatch {
    /// The bookings of one issued document: per VAT group, the customer's debt against the revenue account of its
    /// treatment (an invoice debits the debtors, a cancellation credits them back).
    public static func bookings(_ invoice: Invoice, accounts: DatevAccounts) -> [DatevBooking] {
        invoice.groups.compactMap { group in
            guard group.gross != .zero else { return nil }
            let text = (invoice.kind == .invoice ? "Rechnung " : "Storno ") + invoice.order.number + " " + group.regime.rawValue
            return DatevBooking(amount: Money(cents: Int64(group.gross.cents.magnitude)), debit: invoice.kind == .invoice,
                                account: accounts.debtors, contraAccount: accounts.revenue(group), date: invoice.issuedAt,
                                document: invoice.number, text: text,
                                destination: group.country.map { .init(country: $0, ratePercent: group.ratePercent ?? 0) })
        }
    }
}
