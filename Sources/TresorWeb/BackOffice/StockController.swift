import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// The count sheet: every product with its stock now, and a form to set a counted level with a reason (recorded
/// as a stock event and on the audit trail).
struct StockController: Sendable {
    let site: SiteContext

    var forms: [FormRule] { [FormRule(.backOffice(.stockCount(sku: ":sku")), token: BackOfficeForms.token)] }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.stock)) { _, context, lang in try await self.page(context, lang) }
        group.post(.backOffice(.stockCount(sku: ":sku"))) { _, context, lang in try await self.count(context, lang) }
    }

    func page(_ context: TresorRequestContext, _ lang: Language, notice: String? = nil, problem: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let products = try await site.shop.stock.levels()
        return try await site.backOffice(.stock, lang, context, notice: notice, status: status) {
            StockView.page($0, products: products, problem: problem)
        }
    }

    func count(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let sku = context.parameters.get("sku"), sku.count <= 64 else { throw PageError.notFound }
        let form = context.form
        let reason = String(form["reason"].trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        guard let quantity = Int(form["quantity"].trimmingCharacters(in: .whitespaces)), (0...StockDesk.maximum).contains(quantity) else {
            return try await page(context, lang, problem: BackOfficeText.stockInvalid(lang, String(StockDesk.maximum)), status: .unprocessableContent)
        }
        guard !reason.isEmpty else { return try await page(context, lang, problem: BackOfficeText.reasonMissing(lang), status: .unprocessableContent) }
        do {
            let change = try await site.shop.stock.set(sku: sku, quantity: quantity, reason: reason, by: .staff(session.member), now: site.now())
            try await site.board.refresh()
            return try await page(context, lang, notice: BackOfficeText.stockCounted(lang, sku, String(quantity), (change >= 0 ? "+" : "") + String(change)))
        } catch StockProblem.noSuchProduct {
            throw PageError.notFound
        }
    }
}

enum StockView {
    static func page(_ frame: BackOfficeFrame, products: [Product], problem: String?) -> String {
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuStock(lang))),
            Forms.notices(problem.map { [$0] } ?? []),
            .table(.attr("class", "bo-table"),
                   .thead(.tr(.th(.text(BackOfficeText.colSku(lang))), .th(.text(BackOfficeText.colProduct(lang))),
                              .th(.attr("class", "num"), .text(BackOfficeText.menuStock(lang))), .th(.text(BackOfficeText.stockCount(lang))))),
                   .tbody(.forEach(products) { product in
                       .tr(.td(.text(product.sku)), .td(.text(product.name)), .td(.attr("class", "num"), .text(String(product.stock))),
                           .td(BackOfficeLayout.form(.stockCount(sku: product.sku), frame, class: "inline-form",
                                                     .input(.attr("name", "quantity"), .attr("type", "number"), .attr("min", "0"),
                                                            .attr("max", String(StockDesk.maximum)), .attr("value", String(product.stock)),
                                                            .attr("aria-label", BackOfficeText.stockCount(lang) + " " + product.sku)),
                                                     .input(.attr("name", "reason"), .attr("type", "text"), .attr("maxlength", "200"),
                                                            .attr("placeholder", BackOfficeText.fieldReason(lang)),
                                                            .attr("aria-label", BackOfficeText.fieldReason(lang)), .flag("required", true)),
                                                     Forms.submit(BackOfficeText.stockSave(lang)))))
                   }))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuStock(lang), main: main)
    }
}
