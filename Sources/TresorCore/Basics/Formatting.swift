import Foundation

/// Locale-aware text for money, numbers and times, built by hand: the hot path avoids Foundation formatters.
public enum Format {
    /// `2.587,50 €` in German, `€2,587.50` in English.
    public static func money(_ amount: Money, _ language: Language) -> String {
        let negative = amount.cents < 0
        let magnitude = amount.cents.magnitude
        let euros = group(magnitude / 100, separator: language == .de ? "." : ",")
        let cents = magnitude % 100
        let centText = cents < 10 ? "0\(cents)" : "\(cents)"
        switch language {
        case .de: return "\(negative ? "-" : "")\(euros),\(centText)\u{a0}€"
        case .en: return "\(negative ? "-" : "")€\(euros).\(centText)"
        }
    }

    /// A decimal with a fixed number of fraction digits in the language's notation: `31,10` / `31.10`.
    public static func decimal(_ value: Decimal, scale: Int, _ language: Language) -> String {
        let plain = value.fixedString(scale: scale)
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        let whole = UInt64(parts[0]) ?? 0
        let grouped = group(whole, separator: language == .de ? "." : ",")
        let fraction = parts.count > 1 ? (language == .de ? "," : ".") + parts[1] : ""
        return (negative ? "-" : "") + grouped + fraction
    }

    /// A country's name from its ISO 3166-1 code: `Österreich` / `Austria`.
    public static func country(_ code: String, _ language: Language) -> String {
        Locale(identifier: language == .de ? "de_DE" : "en_GB").localizedString(forRegionCode: code) ?? code
    }

    /// A weight in grams without trailing zeros: `31,1035 g`, `1.000 g`.
    public static func grams(_ grams: Decimal, _ language: Language) -> String {
        let rounded = grams.rounded(scale: 4)
        var scale = 0
        var probe = rounded
        while probe != probe.rounded(scale: 0), scale < 4 {
            probe *= 10
            scale += 1
        }
        return decimal(rounded, scale: scale, language) + "\u{a0}g"
    }

    /// A signed percentage with two decimals: `+1,25 %` / `+1.25%`.
    public static func percent(_ value: Decimal, _ language: Language, signed: Bool = false) -> String {
        let sign = signed && value > 0 ? "+" : ""
        return sign + decimal(value, scale: 2, language) + (language == .de ? "\u{a0}%" : "%")
    }

    static func group(_ value: UInt64, separator: String) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        var result = ""
        for (index, ch) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += separator }
            result.append(ch)
        }
        return result
    }

    public static let berlin: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        return calendar
    }()

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Berlin time: `17.06.2025 06:02 Uhr` in German, `17 Jun 2025, 06:02` in English.
    public static func dateTime(_ date: Date, _ language: Language) -> String {
        let c = berlin.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let (y, m, d, h, mi) = (c.year ?? 0, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0)
        switch language {
        case .de: return "\(two(d)).\(two(m)).\(y) \(two(h)):\(two(mi)) Uhr"
        case .en: return "\(d) \(englishMonths[m - 1]) \(y), \(two(h)):\(two(mi))"
        }
    }

    /// Berlin calendar day: `17.06.2025` / `17 Jun 2025`.
    public static func date(_ date: Date, _ language: Language) -> String {
        let c = berlin.dateComponents([.year, .month, .day], from: date)
        let (y, m, d) = (c.year ?? 0, c.month ?? 1, c.day ?? 1)
        return language == .de ? "\(two(d)).\(two(m)).\(y)" : "\(d) \(englishMonths[m - 1]) \(y)"
    }

    static let germanMonthNames = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                                   "Oktober", "November", "Dezember"]
    static let englishMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                    "October", "November", "December"]

    /// The Berlin calendar month: `November 2026` (an invoice's period of supply, §31 Abs. 4 UStDV).
    public static func month(_ date: Date, _ language: Language) -> String {
        let c = berlin.dateComponents([.year, .month], from: date)
        let names = language == .de ? germanMonthNames : englishMonthNames
        return "\(names[(c.month ?? 1) - 1]) \(c.year ?? 0)"
    }

    /// Berlin time of day only: `06:02 Uhr` / `06:02`.
    public static func time(_ date: Date, _ language: Language) -> String {
        let c = berlin.dateComponents([.hour, .minute, .second], from: date)
        let text = "\(two(c.hour ?? 0)):\(two(c.minute ?? 0)):\(two(c.second ?? 0))"
        return language == .de ? text + " Uhr" : text
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
