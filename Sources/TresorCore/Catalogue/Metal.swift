/// The four precious metals, by their ISO 4217 codes.
public enum Metal: String, Sendable, CaseIterable, Codable, Hashable {
    case gold = "XAU"
    case silver = "XAG"
    case platinum = "XPT"
    case palladium = "XPD"

    public var code: String { rawValue }

    /// The path segment of the metal's catalogue page (`/gold`, `/en/gold`).
    public var slug: String {
        switch self {
        case .gold: "gold"
        case .silver: "silber"
        case .platinum: "platin"
        case .palladium: "palladium"
        }
    }

    /// The metal's name in German or English, for pages and mails.
    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.gold, _): "Gold"
        case (.silver, .de): "Silber"
        case (.silver, .en): "Silver"
        case (.platinum, .de): "Platin"
        case (.platinum, .en): "Platinum"
        case (.palladium, _): "Palladium"
        }
    }

    public init?(slug: String) {
        guard let metal = Metal.allCases.first(where: { $0.slug == slug }) else { return nil }
        self = metal
    }
}
