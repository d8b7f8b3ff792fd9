import TresorCore
import TresorServices

/// Every page of the shop, by area: the one table that builds every address (German at the root, English under
/// `/en`) and every pattern the router matches. Views link only through this; controllers register only through it.
enum Page: Hashable, Sendable {
    case shop(ShopPage)
    case checkout(CheckoutPage)
    case orders(OrderPage)
    case account(AccountPage)
    case news(NewsPage)
    case newsletter(NewsletterPage)
    case careers(CareersPage)
    case consultation(ConsultationPage)
    case backOffice(BackOfficePage)

    /// The address in `language`, with the `/en` prefix for English.
    func path(_ language: Language) -> String { address(language, escaping: true) }

    /// The router's pattern for this page shape: parameters given as `:name` are written as they are.
    func pattern(_ language: Language) -> String { address(language, escaping: false) }

    private func address(_ language: Language, escaping: Bool) -> String {
        let parameter: (String) -> String = escaping ? { Escape.percent($0) } : { $0 }
        let segment: String = switch self {
        case .shop(let page): page.segment(language, parameter)
        case .checkout(let page): page.segment(language)
        case .orders(let page): page.segment(language, parameter)
        case .account(let page): page.segment(language)
        case .news(let page): page.segment(language, parameter)
        case .newsletter(let page): page.segment(language)
        case .careers(let page): page.segment(language, parameter)
        case .consultation(let page): page.segment(language)
        case .backOffice(let page): page.segment(parameter)
        }
        return language.pathPrefix + "/" + segment
    }
}

/// The catalogue and the plain pages.
enum ShopPage: Hashable, Sendable {
    case home
    case catalogue(Metal?)
    case product(slug: String)
    case charts
    case reportingDuties
    case sellBack
    /// A sell quote: its locked buy-back prices and the seller's form; once submitted, the buy-back's instructions.
    case sellOffer(id: String)
    /// The buy-back's credit note as issued, for whoever holds the offer's address.
    case sellCreditNote(id: String)
    /// Imprint, privacy notice, terms, withdrawal, shipping, about: texts staff edit in the back office.
    case legal(LegalPage)
    /// A product photo by its stored name (the same address in both languages).
    case productImage(name: String)

    func segment(_ language: Language, _ parameter: (String) -> String) -> String {
        let de = language == .de
        return switch self {
        case .home: ""
        case .catalogue(nil): de ? "produkte" : "products"
        case .catalogue(let metal?): de ? metal.slug : metal.englishSlug
        case .product(let slug): (de ? "produkt/" : "product/") + parameter(slug)
        case .charts: "charts"
        case .reportingDuties: de ? "meldepflicht" : "reporting-duties"
        case .sellBack: de ? "ankauf" : "sell"
        case .sellOffer(let id): (de ? "ankauf/angebot/" : "sell/offer/") + parameter(id)
        case .sellCreditNote(let id): (de ? "ankauf/angebot/" : "sell/offer/") + parameter(id) + (de ? "/gutschrift" : "/credit-note")
        case .legal(let page): page.slug(language)
        case .productImage(let name): "produktbild/" + parameter(name)
        }
    }
}

/// The cart and the two checkout steps.
enum CheckoutPage: Hashable, Sendable {
    case cart, cartAdd
    case address, review, place

    func segment(_ language: Language) -> String {
        let de = language == .de
        return switch self {
        case .cart: de ? "warenkorb" : "cart"
        case .cartAdd: de ? "warenkorb/hinzufuegen" : "cart/add"
        case .address: de ? "kasse" : "checkout"
        case .review: de ? "kasse/pruefen" : "checkout/review"
        case .place: de ? "kasse/bestellen" : "checkout/place"
        }
    }
}

/// An order and its invoice, for the customer who placed it.
enum OrderPage: Hashable, Sendable {
    case order(number: String)
    case invoice(number: String)
    case invoicePDF(number: String)

    func segment(_ language: Language, _ parameter: (String) -> String) -> String {
        let de = language == .de
        return switch self {
        case .order(let number): (de ? "bestellung/" : "order/") + parameter(number)
        case .invoice(let number): (de ? "rechnung/" : "invoice/") + parameter(number)
        case .invoicePDF(let number): (de ? "rechnung/" : "invoice/") + parameter(number) + "/pdf"
        }
    }
}

/// The customer account.
enum AccountPage: Hashable, Sendable {
    case overview, login, register, verify, logout, details, password, forgotPassword, newPassword
    /// Setting a price alert, and deleting one (its id in the form).
    case alerts, alertDelete

    func segment(_ language: Language) -> String {
        let de = language == .de
        return switch self {
        case .overview: de ? "konto" : "account"
        case .login: de ? "konto/anmelden" : "account/login"
        case .register: de ? "konto/registrieren" : "account/register"
        case .verify: de ? "konto/bestaetigen" : "account/confirm"
        case .logout: de ? "konto/abmelden" : "account/logout"
        case .details: de ? "konto/daten" : "account/details"
        case .password: de ? "konto/passwort" : "account/password"
        case .forgotPassword: de ? "konto/passwort-vergessen" : "account/forgot-password"
        case .newPassword: de ? "konto/passwort-neu" : "account/new-password"
        case .alerts: de ? "konto/preisalarme" : "account/price-alerts"
        case .alertDelete: de ? "konto/preisalarme/loeschen" : "account/price-alerts/delete"
        }
    }
}

/// The news desk's public pages.
enum NewsPage: Hashable, Sendable {
    case index, search
    case article(slug: String)
    case category(String)
    case tag(String)

    func segment(_ language: Language, _ parameter: (String) -> String) -> String {
        let de = language == .de
        return switch self {
        case .index: "news"
        case .search: de ? "news/suche" : "news/search"
        case .article(let slug): "news/" + parameter(slug)
        case .category(let name): (de ? "news/kategorie/" : "news/category/") + parameter(name)
        case .tag(let name): (de ? "news/thema/" : "news/topic/") + parameter(name)
        }
    }
}

/// Sign-up, confirmation and withdrawal.
enum NewsletterPage: Hashable, Sendable {
    case signup, confirm, unsubscribe

    func segment(_ language: Language) -> String {
        let de = language == .de
        return switch self {
        case .signup: "newsletter"
        case .confirm: de ? "newsletter/bestaetigen" : "newsletter/confirm"
        case .unsubscribe: de ? "newsletter/abmelden" : "newsletter/unsubscribe"
        }
    }
}

/// Open positions and applications.
enum CareersPage: Hashable, Sendable {
    case list
    case job(slug: String)

    func segment(_ language: Language, _ parameter: (String) -> String) -> String {
        let de = language == .de
        return switch self {
        case .list: de ? "karriere" : "careers"
        case .job(let slug): (de ? "karriere/" : "careers/") + parameter(slug)
        }
    }
}

/// The hotline and the call-back form.
enum ConsultationPage: Hashable, Sendable {
    case contact

    func segment(_ language: Language) -> String {
        language == .de ? "kontakt" : "contact"
    }
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
