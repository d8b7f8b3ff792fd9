import TresorCore

/// Every page of the shop and its address in each language; views link only through this.
enum Page: Hashable, Sendable {
    case home
    case catalogue(Metal?)
    case product(slug: String)
    case charts
    case news
    case sellBack
    case about
    case careers
    case contact
    case reportingDuties
    case imprint
    case privacy

    /// The path in `language`, with the `/en` prefix for English.
    func path(_ language: Language) -> String {
        let segment: String = switch (self, language) {
        case (.home, _): ""
        case (.catalogue(nil), .de): "produkte"
        case (.catalogue(nil), .en): "products"
        case (.catalogue(let metal?), .de): metal.slug
        case (.catalogue(let metal?), .en): metal.englishSlug
        case (.product(let slug), .de): "produkt/" + slug
        case (.product(let slug), .en): "product/" + slug
        case (.charts, _): "charts"
        case (.news, _): "news"
        case (.sellBack, .de): "ankauf"
        case (.sellBack, .en): "sell"
        case (.about, .de): "ueber-uns"
        case (.about, .en): "about"
        case (.careers, .de): "karriere"
        case (.careers, .en): "careers"
        case (.contact, .de): "kontakt"
        case (.contact, .en): "contact"
        case (.reportingDuties, .de): "meldepflicht"
        case (.reportingDuties, .en): "reporting-duties"
        case (.imprint, .de): "impressum"
        case (.imprint, .en): "imprint"
        case (.privacy, .de): "datenschutz"
        case (.privacy, .en): "privacy"
        }
        return language.pathPrefix + "/" + segment
    }

    /// Pages that exist as "coming soon" until their issue lands.
    static let comingSoon: [Page] = [.news, .sellBack, .about, .careers, .contact, .imprint, .privacy]
}

extension Metal {
    var englishSlug: String {
        switch self {
        case .gold: "gold"
        case .silver: "silver"
        case .platinum: "platinum"
        case .palladium: "palladium"
        }
    }
}

/// Plot has a `Language` too; in this module the word means the shop's language.
typealias Language = TresorCore.Language
