import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// The price feed in the back office: each metal's last accepted tick and its age, the ticks held because they
/// jumped too far (confirm: the price is real; reject: a bad price), and a price entered by hand.
struct SpotController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        [BackOfficePage.spotEnter, .spotDecide(id: ":id", confirm: true), .spotDecide(id: ":id", confirm: false)]
            .map { FormRule(.backOffice($0), token: BackOfficeForms.token) }
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.spot)) { request, context, lang in try await self.page(context, lang, done: request.query("done")) }
        group.post(.backOffice(.spotEnter)) { _, context, lang in try await self.enter(context, lang) }
        for confirm in [true, false] {
            group.post(.backOffice(.spotDecide(id: ":id", confirm: confirm))) { _, context, lang in
                try await self.decide(context, lang, confirm: confirm)
            }
        }
    }

    func page(_ context: TresorRequestContext, _ lang: Language, done: String = "", problem: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let now = site.now()
        let held = try await site.shop.spot.held()
        let notice: BackOfficeText? = ["entered": .spotEntered, "held": .spotHeld, "confirmed": .spotConfirmed, "rejected": .spotRejected][done]
        return try await site.backOffice(.spot, lang, context, notice: notice?(lang), status: status) {
            SpotView.page($0, feed: site.shop.feedState(now: now), held: held, now: now, problem: problem)
        }
    }

    func enter(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let form = context.form
        guard let metal = Metal.allCases.first(where: { $0.code == form["metal"] }),
              let ask = Decimal.strict(form["ask"].replacingOccurrences(of: ",", with: ".")), ask > 0, ask < 1_000_000 else {
            return try await page(context, lang, problem: BackOfficeText.spotInvalid(lang), status: .unprocessableContent)
        }
        let bidText = form["bid"].replacingOccurrences(of: ",", with: ".")
        let bid = bidText.isEmpty ? ask : Decimal.strict(bidText)
        guard let bid, bid > 0, bid <= ask else {
            return try await page(context, lang, problem: BackOfficeText.spotInvalid(lang), status: .unprocessableContent)
        }
        let tick = SpotTick(metal: metal, bid: bid, ask: ask, at: site.now(), source: "manual")
        let outcome = try await site.shop.spot.ingest(tick, by: .staff(session.member))
        try await site.board.refresh()
        let done = if case .held = outcome { "held" } else { "entered" }
        return site.redirect(Page.backOffice(.spot).path(lang) + "?done=" + done, context.visitor)
    }

    func decide(_ context: TresorRequestContext, _ lang: Language, confirm: Bool) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { throw PageError.notFound }
        do {
            try await site.shop.spot.decide(id: id, confirm: confirm, by: .staff(session.member), now: site.now())
        } catch SpotDesk.DecisionError.noSuchHeldTick {
            return try await page(context, lang, problem: BackOfficeText.spotGone(lang), status: .conflict)
        }
        try await site.board.refresh()
        return site.redirect(Page.backOffice(.spot).path(lang) + "?done=" + (confirm ? "confirmed" : "rejected"), context.visitor)
    }
}

enum SpotView {
    static func page(_ frame: BackOfficeFrame, feed: [(metal: Metal, at: Date?, stale: Bool)], held: [HeldTick], now: Date,
                     problem: String?) -> String {
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.feedTitle(lang))),
            Forms.notices(problem.map { [$0] } ?? []),
            .table(.attr("class", "bo-table"),
                   .tbody(.forEach(feed) { metal, at, stale in
                       .tr(.td(.text(metal.code)),
                           .td(.text(at.map { Format.dateTime($0, lang) + " (" + StaffLoginView.age($0, now: now, lang) + ")" }
                                     ?? BackOfficeText.feedNone(lang))),
                           .td(.attr("class", stale ? "bad" : "good"), .text(stale ? BackOfficeText.feedStale(lang) : BackOfficeText.feedFresh(lang))))
                   })),
            .h2(.text(BackOfficeText.heldTicks(lang))),
            held.isEmpty ? .p(.text(BackOfficeText.spotNoneHeld(lang))) : .table(
                .attr("class", "bo-table"),
                .thead(.tr(.th(.text("ID")), .th(.text(BackOfficeText.spotMetal(lang))), .th(.attr("class", "num"), .text("Bid")),
                           .th(.attr("class", "num"), .text("Ask")), .th(.attr("class", "num"), .text(BackOfficeText.spotChange(lang))),
                           .th(.text(BackOfficeText.colWhen(lang))), .th(.text(BackOfficeText.spotSource(lang))), .th())),
                .tbody(.forEach(held) { item in
                    .tr(.td(.text(String(item.id))), .td(.text(item.tick.metal.code)),
                        .td(.attr("class", "num"), .text(Format.decimal(item.tick.bid, scale: 2, lang))),
                        .td(.attr("class", "num"), .text(Format.decimal(item.tick.ask, scale: 2, lang))),
                        .td(.attr("class", "num"), .text(item.changePercent.map { Format.percent($0, lang, signed: true) } ?? "–")),
                        .td(.text(Format.dateTime(item.tick.at, lang))), .td(.text(item.tick.source)),
                        .td(BackOfficeLayout.form(.spotDecide(id: String(item.id), confirm: true), frame,
                                                  Forms.submit(BackOfficeText.spotConfirm(lang))),
                            BackOfficeLayout.form(.spotDecide(id: String(item.id), confirm: false), frame,
                                                  Forms.submit(BackOfficeText.spotReject(lang), class: "button danger"))))
                })),
            .h2(.text(BackOfficeText.spotEnterTitle(lang))),
            .p(.text(BackOfficeText.spotEnterLead(lang))),
            BackOfficeLayout.form(.spotEnter, frame, class: "form filters",
                                  .div(.attr("class", "field"), .label(.attr("for", "f-metal"), .text(BackOfficeText.spotMetal(lang))),
                                       .select(.attr("id", "f-metal"), .attr("name", "metal"),
                                               .forEach(Metal.allCases) { .choice($0.code, $0.code) })),
                                  .div(.attr("class", "field"), .label(.attr("for", "f-ask"), .text("Ask (€/oz)")),
                                       .input(.attr("id", "f-ask"), .attr("name", "ask"), .attr("type", "text"), .attr("inputmode", "decimal"),
                                              .flag("required", true))),
                                  .div(.attr("class", "field"), .label(.attr("for", "f-bid"), .text("Bid (€/oz)")),
                                       .input(.attr("id", "f-bid"), .attr("name", "bid"), .attr("type", "text"), .attr("inputmode", "decimal"))),
                                  Forms.submit(BackOfficeText.spotEnterButton(lang)))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.feedTitle(lang), main: main)
    }
}
