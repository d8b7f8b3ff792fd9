import Foundation

/// Weights of metal. Grams are Decimal, built from strings or integers only.
public enum Weight {
    /// One troy ounce in grams, by definition.
    public static let gramsPerTroyOunce = Decimal(string: "31.1034768")!  // safe: literal

    /// Converts grams to troy ounces, exact to Decimal's 38 digits.
    public static func troyOunces(grams: Decimal) -> Decimal { grams / gramsPerTroyOunce }
}

/// Purity of the metal in parts per thousand (`999.9`, `916.7`).
public struct Fineness: Sendable, Hashable, Codable {
    public let perMille: Decimal

    public init?(perMille: Decimal) {
        guard perMille > 0, perMille <= 1000 else { return nil }
        self.perMille = perMille
    }

    public init?(_ text: String) {
        guard let value = Decimal.strict(text) else { return nil }
        self.init(perMille: value)
    }

    /// The fine share as a fraction: 999.9 ‰ → 0.9999.
    public var fraction: Decimal { perMille / 1000 }
}
