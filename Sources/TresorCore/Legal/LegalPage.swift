import Foundation

/// The pages a German shop must have, or that state legal facts: imprint (§5 DDG), privacy notice (Art. 13 GDPR),
/// terms (AGB), the withdrawal information (§312g BGB), shipping (§6 PAngV) and who the dealer is. Staff edit their
/// text in the back office; every saved text is a new version.
public enum LegalPage: String, Sendable, Hashable, CaseIterable, Codable {
    case imprint, privacy, terms, withdrawal, shipping, about

    /// The address in each language: `/impressum`, `/en/imprint`, …
    public func slug(_ language: Language) -> String {
        let de = language == .de
        return switch self {
        case .imprint: de ? "impressum" : "imprint"
        case .privacy: de ? "datenschutz" : "privacy"
        case .terms: de ? "agb" : "terms"
        case .withdrawal: de ? "widerruf" : "withdrawal"
        case .shipping: de ? "versand" : "shipping"
        case .about: de ? "ueber-uns" : "about"
        }
    }

    public func title(_ language: Language) -> String {
        let de = language == .de
        return switch self {
        case .imprint: de ? "Impressum" : "Imprint"
        case .privacy: de ? "Datenschutzerklärung" : "Privacy notice"
        case .terms: de ? "Allgemeine Geschäftsbedingungen" : "Terms and conditions"
        case .withdrawal: de ? "Widerrufsbelehrung und Ausschluss des Widerrufsrechts" : "Right of withdrawal and its exclusion"
        case .shipping: de ? "Versand und Abholung" : "Shipping and pickup"
        case .about: de ? "Über uns" : "About us"
        }
    }
}

/// One saved version of a legal page's text in one language.
public struct LegalText: Sendable, Hashable {
    public var page: LegalPage
    public var language: Language
    /// 0 for the text the shop ships with (never saved by staff).
    public var version: Int
    public var markdown: String
    public var savedAt: Date?
    public var savedBy: String?

    public init(page: LegalPage, language: Language, version: Int, markdown: String, savedAt: Date?, savedBy: String?) {
        self.page = page
        self.language = language
        self.version = version
        self.markdown = markdown
        self.savedAt = savedAt
        self.savedBy = savedBy
    }

    /// At most this many characters (a long privacy notice fits many times).
    public static let maximumLength = 60_000
}
