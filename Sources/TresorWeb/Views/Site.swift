import TresorCore
import TresorServices

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
    case cart, cartAdd
    case checkout, review, placeOrder
    case order(number: String)
    case invoice(number: String), invoicePDF(number: String)
    case account, login, register, logout, accountDetails, accountPassword, forgotPassword, newPassword
    case article(slug: String)
    case newsCategory(String), newsTag(String), newsSearch
    case newsletterSignup, newsletterConfirm, newsletterUnsubscribe
    case job(slug: String)

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
        case (.cart, .de): "warenkorb"
        case (.cart, .en): "cart"
        case (.cartAdd, .de): "warenkorb/hinzufuegen"
        case (.cartAdd, .en): "cart/add"
        case (.checkout, .de): "kasse"
        case (.checkout, .en): "checkout"
        case (.review, .de): "kasse/pruefen"
        case (.review, .en): "checkout/review"
        case (.placeOrder, .de): "kasse/bestellen"
        case (.placeOrder, .en): "checkout/place"
        case (.order(let number), .de): "bestellung/" + number
        case (.order(let number), .en): "order/" + number
        case (.invoice(let number), .de): "rechnung/" + number
        case (.invoice(let number), .en): "invoice/" + number
        case (.invoicePDF(let number), .de): "rechnung/" + number + "/pdf"
        case (.invoicePDF(let number), .en): "invoice/" + number + "/pdf"
        case (.account, .de): "konto"
        case (.account, .en): "account"
        case (.login, .de): "konto/anmelden"
        case (.login, .en): "account/login"
        case (.register, .de): "konto/registrieren"
        case (.register, .en): "account/register"
        case (.logout, .de): "konto/abmelden"
        case (.logout, .en): "account/logout"
        case (.accountDetails, .de): "konto/daten"
        case (.accountDetails, .en): "account/details"
        case (.accountPassword, .de): "konto/passwort"
        case (.accountPassword, .en): "account/password"
        case (.forgotPassword, .de): "konto/passwort-vergessen"
        case (.forgotPassword, .en): "account/forgot-password"
        case (.newPassword, .de): "konto/passwort-neu"
        case (.newPassword, .en): "account/new-password"
        case (.article(let slug), _): "news/" + slug
        case (.job(let slug), .de): "karriere/" + slug
        case (.job(let slug), .en): "careers/" + slug
        case (.newsletterSignup, _): "newsletter"
        case (.newsletterConfirm, .de): "newsletter/bestaetigen"
        case (.newsletterConfirm, .en): "newsletter/confirm"
        case (.newsletterUnsubscribe, .de): "newsletter/abmelden"
        case (.newsletterUnsubscribe, .en): "newsletter/unsubscribe"
        case (.newsSearch, .de): "news/suche"
        case (.newsSearch, .en): "news/search"
        case (.newsCategory(let name), .de): "news/kategorie/" + Escape.percent(name)
        case (.newsCategory(let name), .en): "news/category/" + Escape.percent(name)
        case (.newsTag(let name), .de): "news/thema/" + Escape.percent(name)
        case (.newsTag(let name), .en): "news/topic/" + Escape.percent(name)
        }
        return language.pathPrefix + "/" + segment
    }

    /// Pages that exist as "coming soon" until their issue lands.
    static let comingSoon: [Page] = [.sellBack, .about, .imprint, .privacy]
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
