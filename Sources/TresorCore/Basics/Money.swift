import Foundation

/// An amount of euros held as integer cents; never a floating-point number.
public struct Money: Sendable, Hashable, Comparable, Codable {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static func * (a: Money, n: Int) -> Money { Money(cents: a.cents * Int64(n)) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    /// The amount as a Decimal number of euros, exact.
    public var euros: Decimal { Decimal(cents) / 100 }

    /// The one place where euros become cents: half-up (away from zero) to the cent.
    public static func roundedHalfUp(euros: Decimal) -> Money {
        Money(cents: NSDecimalNumber(decimal: euros.rounded(scale: 2) * 100).int64Value)
    }

    /// A plain decimal string for machines: `2587.50`, `-0.05`.
    public var decimalString: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Parses a plain decimal string with at most two fraction digits (`12`, `12.5`, `12.50`).
    public init?(decimalString: String) {
        guard let value = Decimal.strict(decimalString), value.rounded(scale: 2) == value else { return nil }
        self = Money.roundedHalfUp(euros: value)
    }
}

extension Decimal {
    /// Rounds half-up (away from zero) to `scale` fraction digits.
    public func rounded(scale: Int) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// Parses `123`, `-1.5`, `0.9999` — digits with an optional sign and one dot, nothing else.
    /// Foundation's own parser accepts trailing garbage (`"12abc"` → 12); prices must not.
    public static func strict(_ text: String) -> Decimal? {
        var digits = 0
        var dots = 0
        for (index, ch) in text.enumerated() {
            switch ch {
            case "0"..."9": digits += 1
            case ".": dots += 1
            case "-" where index == 0: continue
            default: return nil
            }
        }
        guard digits > 0, dots <= 1, text.last != ".", text.first != "." else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// A plain string with exactly `scale` fraction digits, rounded half-up: `"31.10"`. Decimal's own
    /// description (always a dot, never an exponent) rather than `NSDecimalNumber`'s with a locale, which
    /// made a new number and a locale per call: 15 % of answering `/api/v1/spot`.
    public func fixedString(scale: Int) -> String {
        var text = self.rounded(scale: scale).description
        if scale > 0 {
            if !text.contains(".") { text += "." }
            let fractionCount = text.count - (text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? 0) - 1
            if fractionCount < scale { text += String(repeating: "0", count: scale - fractionCount) }
        }
        return text
    }

    /// The shortest plain string: `"0.9999"`, `"31.1035"`.
    public var plainString: String { description }
}
