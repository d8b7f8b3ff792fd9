import Foundation
import Plot
import TresorCore
import TresorServices

/// What every page knows about the request it answers.
struct PageContext: Sendable {
    var language: Language
    var page: Page
    var shop: ShopConfig
    var now: Date
    var staleFeed: Bool
    var demoPrices: Bool
    /// The seller or bank details are still the demo ones: every page says it is a demo shop.
    var demoShop = false
    /// Asset path with a content hash, so browsers may cache it for a year.
    var stylesheetPath: String
    var scriptPath: String
    /// The shop's public address, for canonical links and feeds.
    var baseURL = ""
    /// The consent text the newsletter form shows.
    var consent = ConsentStatement.first(validFrom: .distantPast)
}

/// The frame of every page: trust header, menu, banners, footer.
enum Layout {
    /// `head` adds page-specific elements (Open Graph, JSON-LD) after the common ones.
    static func render(_ context: PageContext, title: String, description: String? = nil, head: [Node<HTML.HeadContext>] = [],
                       main: Node<HTML.BodyContext>) -> String {
        let lang = context.language
        let html = HTML(
            .attr("lang", lang.rawValue),
            .head(
                .meta(.attr("charset", "utf-8")),
                .meta(.attr("name", "viewport"), .attr("content", "width=device-width, initial-scale=1")),
                .element(named: "title", text: title + " – " + context.shop.name),
                .meta(.attr("name", "description"), .attr("content", description ?? Text.homeLead(lang))),
                .link(.attr("rel", "stylesheet"), .attr("href", context.stylesheetPath)),
                .link(.attr("rel", "icon"), .attr("type", "image/svg+xml"), .attr("href", Assets.iconPath)),
                .link(.attr("rel", "canonical"), .attr("href", context.baseURL + context.page.path(context.language))),
                .link(.attr("rel", "alternate"), .attr("hreflang", "de"), .attr("href", context.page.path(.de))),
                .link(.attr("rel", "alternate"), .attr("hreflang", "en"), .attr("href", context.page.path(.en))),
                .script(.attr("src", context.scriptPath), .attribute(named: "defer")),
                .link(.attr("rel", "alternate"), .attr("type", "application/atom+xml"), .attr("title", "News"),
                      .attr("href", "/news/feed.atom")),
                .group(head)
            ),
            .body(
                .a(.attr("class", "skip"), .attr("href", "#main"), .text(Text.skipToContent(lang))),
                header(context),
                .if(context.demoShop, .div(.attr("class", "banner demo-shop"), .attr("role", "note"), .text(Text.demoShop(lang)))),
                // Always present, hidden while prices are fresh, so the live script can show it when the feed stops.
                .div(.attr("class", "banner stale"), .attr("role", "alert"), .attr("data-stale-banner", "1"),
                     .flag("hidden", !context.staleFeed), .text(Text.staleBanner(lang))),
                .main(.attr("id", "main"), main),
                footer(context)
            )
        )
        return html.render()
    }

    static func header(_ context: PageContext) -> Node<HTML.BodyContext> {
        let lang = context.language
        let shop = context.shop
        let badges: [Node<HTML.ListContext>] = shop.badges.map { badge -> Node<HTML.ListContext> in
            switch badge {
            case .hotline:
                return .li(.a(.attr("href", "tel:" + shop.hotline.filter { $0.isNumber || $0 == "+" }),
                       .text(Text.badgeHotline(lang, shop.hotline))))
            case .customers:
                return .li(.text(Text.badgeCustomers(lang, Format.decimal(Decimal(shop.customers), scale: 0, lang))))
            case .insured:
                return .li(.text(Text.badgeInsured(lang)))
            case .noreporting:
                return .li(.a(.attr("href", Page.shop(.reportingDuties).path(lang)), .text(Text.badgeNoReporting(lang))))
            }
        }
        let menu: [(Page, Text)] = [
            (.shop(.catalogue(.gold)), .menuGold), (.shop(.catalogue(.silver)), .menuSilver), (.shop(.catalogue(.platinum)), .menuPlatinum),
            (.shop(.catalogue(.palladium)), .menuPalladium), (.shop(.charts), .menuCharts), (.news(.index), .menuNews), (.shop(.sellBack), .menuSellBack),
            (.careers(.list), .menuCareers), (.consultation(.contact), .menuContact),
        ]
        let other: Language = lang == .de ? .en : .de
        return .header(
            .attr("class", "site-header"),
            .ul(.attr("class", "trust"), .group(badges)),
            .div(
                .attr("class", "brand-row"),
                .a(.attr("class", "brand"), .attr("href", Page.shop(.home).path(lang)), .text(shop.name)),
                .if(context.demoPrices, .span(.attr("class", "demo-badge"), .text(Text.demoPrices(lang)))),
                .a(.attr("class", "lang"), .attr("hreflang", other.rawValue), .attr("href", context.page.path(other)),
                   .text(Text.languageSwitch(lang))),
                .div(.attr("class", "header-links"),
                     .a(.attr("href", Page.account(.overview).path(lang)), .text(CustomerText.menuAccount(lang))),
                     .a(.attr("href", Page.checkout(.cart).path(lang)), .text(CustomerText.menuCart(lang))))
            ),
            .nav(.attr("class", "menu"), .attr("aria-label", "Menu"),
                 .ul(.forEach(menu) { page, text in
                     .li(.a(.attr("href", page.path(lang)),
                            .if(page == context.page, .attr("aria-current", "page")),
                            .text(text(lang))))
                 }))
        )
    }

    /// The sign-up form with the current consent text; the token is filled in per visitor.
    static func newsletterForm(_ context: PageContext, id: String) -> Node<HTML.BodyContext> {
        let lang = context.language
        return Forms.post(.newsletter(.signup), lang, token: CSRF.placeholder, class: "newsletter-form",
                          Forms.hidden("consentVersion", String(context.consent.version)),
                          Forms.hidden("source", context.page.path(lang)),
                          honeypot(lang, id: id),
                          .label(.attr("for", "nl-" + id), .text(CustomerText.newsletterEmail(lang))),
                          .input(.attr("id", "nl-" + id), .attr("name", "email"), .attr("type", "email"), .attr("autocomplete", "email"),
                                 .flag("required", true)),
                          .p(.attr("class", "consent"), .text(context.consent.text(lang))),
                          Forms.submit(CustomerText.newsletterButton(lang)))
    }

    /// A field people do not see and robots fill in: a form that arrives with it filled is dropped quietly.
    static func honeypot(_ lang: Language, id: String = "form") -> Node<HTML.FormContext> {
        .div(.attr("class", "hp"), .attr("aria-hidden", "true"),
             .label(.attr("for", "hp-" + id), .text(CustomerText.newsletterWebsite(lang))),
             .input(.attr("id", "hp-" + id), .attr("name", "website"), .attr("type", "text"), .attr("tabindex", "-1"),
                    .attr("autocomplete", "off")))
    }

    static func footer(_ context: PageContext) -> Node<HTML.BodyContext> {
        let lang = context.language
        return .footer(
            .attr("class", "site-footer"),
            .section(
                .attr("class", "newsletter"),
                .h2(.text(Text.footerNewsletter(lang))),
                newsletterForm(context, id: "footer")
            ),
            .p(.attr("class", "fine-print"), .text(Text.footerPricesNote(lang))),
            .if(context.demoPrices, .p(.attr("class", "fine-print"), .text(Text.footerDemoNote(lang)))),
            .ul(.attr("class", "footer-links"),
                .li(.a(.attr("href", Page.shop(.catalogue(nil)).path(lang)), .text(Text.menuAllProducts(lang)))),
                .li(.a(.attr("href", Page.shop(.reportingDuties).path(lang)), .text(Text.badgeNoReporting(lang)))),
                .li(.a(.attr("href", Page.shop(.legal(.about)).path(lang)), .text(Text.menuAbout(lang)))),
                .li(.a(.attr("href", Page.careers(.list).path(lang)), .text(CareersText.careersTeaser(lang)))),
                .li(.a(.attr("href", Page.shop(.legal(.imprint)).path(lang)), .text(Text.footerImprint(lang)))),
                .li(.a(.attr("href", Page.shop(.legal(.privacy)).path(lang)), .text(Text.footerPrivacy(lang)))),
                .li(.a(.attr("href", Page.shop(.legal(.terms)).path(lang)), .text(LegalPage.terms.title(lang)))),
                .li(.a(.attr("href", Page.shop(.legal(.withdrawal)).path(lang)), .text(lang == .de ? "Widerruf" : "Withdrawal"))),
                .li(.a(.attr("href", Page.shop(.legal(.shipping)).path(lang)), .text(LegalPage.shipping.title(lang)))),
                .li(.a(.attr("href", "mailto:" + context.shop.email), .text(context.shop.email)))),
            .p(.attr("class", "fine-print"), .text("© \(context.shop.name)"))
        )
    }
}
