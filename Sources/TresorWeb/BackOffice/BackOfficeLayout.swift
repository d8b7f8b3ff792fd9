import Foundation
import Plot
import TresorCore
import TresorServices

/// What every back-office page knows: the language, the page (for the language switch), who is signed in and the
/// token of the back office's forms.
struct BackOfficeFrame: Sendable {
    var lang: Language
    var page: BackOfficePage
    var session: StaffSession?
    var token: String
    var stylesheetPath: String
    var shopName: String
    /// A confirmation shown at the top (after a step was taken).
    var notice: String?
}

/// The frame of the back office: a plain header with the menu the role may use, who is signed in, sign-out forms.
/// No script: every page works without JavaScript.
enum BackOfficeLayout {
    static func render(_ frame: BackOfficeFrame, title: String, main: Node<HTML.BodyContext>) -> String {
        let lang = frame.lang
        let other: Language = lang == .de ? .en : .de
        let html = HTML(
            .attr("lang", lang.rawValue),
            .head(
                .meta(.attr("charset", "utf-8")),
                .meta(.attr("name", "viewport"), .attr("content", "width=device-width, initial-scale=1")),
                .meta(.attr("name", "robots"), .attr("content", "noindex, nofollow")),
                .element(named: "title", text: title + " – " + BackOfficeText.title(lang) + " – " + frame.shopName),
                .link(.attr("rel", "stylesheet"), .attr("href", frame.stylesheetPath)),
                .link(.attr("rel", "icon"), .attr("type", "image/svg+xml"), .attr("href", Assets.iconPath))
            ),
            .body(
                .attr("class", "backoffice"),
                .header(
                    .attr("class", "bo-header"),
                    .a(.attr("class", "brand"), .attr("href", Page.backOffice(.dashboard).path(lang)),
                       .text(frame.shopName + " · " + BackOfficeText.title(lang))),
                    .a(.attr("class", "lang"), .attr("hreflang", other.rawValue), .attr("href", Page.backOffice(frame.page).path(other)),
                       .text(Text.languageSwitch(lang))),
                    .if(frame.session != nil, menu(frame))
                ),
                .if(frame.notice != nil, .div(.attr("class", "notice ok"), .attr("role", "status"), .p(.text(frame.notice ?? "")))),
                .main(.attr("id", "main"), main)
            )
        )
        return html.render()
    }

    static func menu(_ frame: BackOfficeFrame) -> Node<HTML.BodyContext> {
        guard let session = frame.session else { return .empty }
        let lang = frame.lang
        let role = session.member.role
        let items: [(BackOfficePage, BackOfficeText)] = [(.dashboard, .menuDashboard), (.orders, .menuOrders), (.buybacks, .menuBuybacks), (.payments, .menuPayments),
                                                         (.customers, .menuCustomers), (.products, .menuProducts), (.stock, .menuStock), (.callbacks, .menuCallbacks),
                                                         (.cases, .menuCases), (.sanctions, .menuSanctions),
                                                         (.articles, .menuArticles), (.legalPages, .menuPages), (.campaigns, .menuCampaigns),
                                                         (.subscribers, .menuSubscribers), (.jobs, .menuJobs), (.spot, .menuSpot), (.audit, .menuAudit), (.settings, .menuSettings),
                                                         (.staff, .menuStaff)]
            .filter { page, _ in page.permission.map(role.may) ?? false }
        return .group(
            .nav(.attr("class", "menu"), .attr("aria-label", "Backoffice"),
                 .ul(.forEach(items) { page, text in
                     .li(.a(.attr("href", Page.backOffice(page).path(lang)), .if(page == frame.page, .attr("aria-current", "page")),
                            .text(text(lang))))
                 })),
            .div(.attr("class", "bo-user"),
                 .span(.text(BackOfficeText.signedInAs(lang, session.member.name, role.rawValue))),
                 form(.logout, frame, .button(.attr("type", "submit"), .attr("class", "link-button"), .text(BackOfficeText.signOut(lang)))),
                 form(.logoutEverywhere, frame,
                      .button(.attr("type", "submit"), .attr("class", "link-button"), .text(BackOfficeText.signOutEverywhere(lang)))))
        )
    }

    /// A POST form to a back-office page with the back office's token.
    static func form(_ page: BackOfficePage, _ frame: BackOfficeFrame, class className: String = "inline-form",
                     _ content: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
        .form(.attr("method", "post"), .attr("action", Page.backOffice(page).path(frame.lang)), .attr("class", className),
              .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", frame.token)),
              .group(content))
    }

    /// The links to the page before and after, around the page's number.
    static func pager(_ number: Int, hasNext: Bool, _ lang: Language, previous: String, next: String) -> Node<HTML.BodyContext> {
        .nav(.attr("class", "pager"), .attr("aria-label", "Pages"),
             .if(number > 1, .a(.attr("rel", "prev"), .attr("href", previous), .text(BackOfficeText.pagePrevious(lang)))),
             .span(.text(" " + BackOfficeText.pageNumber(lang, String(number)) + " ")),
             .if(hasNext, .a(.attr("rel", "next"), .attr("href", next), .text(BackOfficeText.pageNext(lang)))))
    }

    /// The same for a list paged by number, with `query` kept.
    static func pager<Entry>(_ page: ListPage<Entry>, _ lang: Language, _ target: BackOfficePage,
                             query: [(name: String, value: String)] = []) -> Node<HTML.BodyContext> {
        let link = { (number: Int) in
            Page.backOffice(target).path(lang) + Escape.query(query.filter { $0.name != "page" && !$0.value.isEmpty } + [("page", String(number))])
        }
        return pager(page.number, hasNext: page.hasNext, lang, previous: link(page.number - 1), next: link(page.number + 1))
    }

    /// A definition list of label and value pairs.
    static func facts(_ pairs: [(String, String)]) -> Node<HTML.BodyContext> {
        .dl(.attr("class", "facts"), .forEach(pairs) { label, value in .group(.dt(.text(label)), .dd(.text(value))) })
    }
}
