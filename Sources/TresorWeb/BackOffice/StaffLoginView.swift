import Foundation
import Plot
import TresorCore
import TresorServices

/// The sign-in and password pages of the back office.
enum StaffLoginView {
    static func login(_ frame: BackOfficeFrame, email: String, next: String, problem: String?) -> String {
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.loginTitle(lang))),
            .p(.text(BackOfficeText.loginLead(lang))),
            Forms.notices(problem.map { [$0] } ?? []),
            BackOfficeLayout.form(.login, frame, class: "form narrow",
                                  Forms.hidden("next", next),
                                  Forms.field(BackOfficeText.fieldEmail(lang), name: "email", value: email, type: "email", autocomplete: "username",
                                              problems: FieldProblems()),
                                  Forms.field(BackOfficeText.fieldPassword(lang), name: "password", value: "", type: "password",
                                              autocomplete: "current-password", problems: FieldProblems()),
                                  .div(.attr("class", "field"),
                                       .label(.attr("for", "f-code"), .text(BackOfficeText.fieldCode(lang))),
                                       .input(.attr("id", "f-code"), .attr("name", "code"), .attr("type", "text"), .attr("inputmode", "numeric"),
                                              .attr("autocomplete", "one-time-code"), .attr("pattern", "[0-9 ]*"), .attr("maxlength", "7")),
                                       .small(.text(BackOfficeText.codeHint(lang)))),
                                  Forms.submit(BackOfficeText.loginButton(lang)))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.loginTitle(lang), main: main)
    }

    static func password(_ frame: BackOfficeFrame, first: Bool, problem: String?) -> String {
        let lang = frame.lang
        let none = FieldProblems()
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.passwordTitle(lang))),
            .p(.text(first ? BackOfficeText.passwordFirstLead(lang) : BackOfficeText.passwordLead(lang))),
            Forms.notices(problem.map { [$0] } ?? []),
            BackOfficeLayout.form(.password, frame, class: "form narrow",
                                  first ? .empty : Forms.field(BackOfficeText.fieldCurrent(lang), name: "current", value: "", type: "password",
                                                               autocomplete: "current-password", problems: none),
                                  Forms.field(BackOfficeText.fieldNew(lang), name: "new", value: "", type: "password",
                                              autocomplete: "new-password", problems: none),
                                  Forms.field(BackOfficeText.fieldRepeat(lang), name: "repeat", value: "", type: "password",
                                              autocomplete: "new-password", problems: none),
                                  Forms.submit(BackOfficeText.passwordSave(lang)))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.passwordTitle(lang), main: main)
    }

    static func dashboard(_ frame: BackOfficeFrame, _ dashboard: Dashboard, now: Date) -> String {
        let lang = frame.lang
        let role = frame.session?.member.role
        let ordersLink = { (status: OrderStatus) in Page.backOffice(.orders).path(lang) + "?status=" + status.rawValue }
        let tiles: [(BackOfficeText, String, String?)] = [
            (.ordersToday, String(dashboard.ordersToday), nil),
            (.revenueToday, Format.money(dashboard.revenueToday, lang), nil),
            (.waitingPayment, String(dashboard.count(.awaitingPayment)), ordersLink(.awaitingPayment)),
            (.overdue, String(dashboard.count(.overdue)), ordersLink(.overdue)),
            (.waitingIdentification, String(dashboard.count(.awaitingIdentification)), ordersLink(.awaitingIdentification)),
            (.onHold, String(dashboard.count(.onHold)), ordersLink(.onHold)),
            (.paidToShip, String(dashboard.count(.paid)), ordersLink(.paid)),
            (.packedToShip, String(dashboard.count(.packed)), ordersLink(.packed)),
            (.unmatchedEntries, String(dashboard.unmatchedEntries), nil),
            (.heldTicks, String(dashboard.heldTicks), nil),
        ]
        let mayOpenOrders = role?.may(.viewOrders) ?? false
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.dashboardTitle(lang))),
            DistanceSalesView.warning(dashboard.distanceSales, lang),
            .ul(.attr("class", "tiles"), .forEach(tiles) { label, value, link in
                .li(.span(.attr("class", "tile-value"), .text(value)), .text(" "),
                    link != nil && mayOpenOrders ? .a(.attr("href", link ?? ""), .text(label(lang))) : .span(.text(label(lang))))
            }),
            .h2(.text(BackOfficeText.feedTitle(lang))),
            .table(.attr("class", "bo-table"),
                   .tbody(.forEach(dashboard.feed) { metal, at, stale in
                       .tr(.td(.text(metal.code)),
                           .td(.text(at.map { Format.dateTime($0, lang) + " (" + age($0, now: now, lang) + ")" } ?? BackOfficeText.feedNone(lang))),
                           .td(.attr("class", stale ? "bad" : "good"),
                               .text(stale ? BackOfficeText.feedStale(lang) : BackOfficeText.feedFresh(lang))))
                   }))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.dashboardTitle(lang), main: main)
    }

    /// How long ago, in seconds, minutes or hours.
    static func age(_ date: Date, now: Date, _ lang: Language) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        let de = lang == .de
        if seconds < 120 { return de ? "vor \(seconds) s" : "\(seconds) s ago" }
        if seconds < 7200 { return de ? "vor \(seconds / 60) min" : "\(seconds / 60) min ago" }
        return de ? "vor \(seconds / 3600) h" : "\(seconds / 3600) h ago"
    }
}
