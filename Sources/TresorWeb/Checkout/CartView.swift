import Foundation
import Plot
import TresorCore
import TresorServices

/// A cart line priced at the tier its quantity reaches, from the current snapshot (indicative until quoted).
struct CartLine: Sendable {
    var sku: String
    var quantity: Int
    var product: Product?
    var unitPrice: Money?
    var lineTotal: Money? { unitPrice.map { $0 * quantity } }

    static func priced(_ lines: [(sku: String, quantity: Int)], _ snapshot: CatalogueSnapshot, now: Date) -> [CartLine] {
        lines.map { line in
            guard let product = snapshot.product(sku: line.sku) else { return CartLine(sku: line.sku, quantity: line.quantity) }
            let prices = snapshot.priced(product, now: now).prices
            return CartLine(sku: line.sku, quantity: line.quantity, product: product, unitPrice: prices?.unitPrice(quantity: line.quantity))
        }
    }
}

enum CartView {
    static func render(_ lines: [CartLine], token: String, problems: [String], _ context: PageContext) -> String {
        let lang = context.language
        let goods = lines.compactMap(\.lineTotal).reduce(Money.zero, +)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.cartTitle(lang))),
            Forms.notices(problems),
            lines.isEmpty
                ? .p(.text(CustomerText.cartEmpty(lang)), .text(" "),
                     .a(.attr("href", Page.shop(.catalogue(nil)).path(lang)), .text(CustomerText.cartContinue(lang))))
                : .group(
                    Forms.post(.checkout(.cart), lang, token: token, class: "cart",
                               .table(.attr("class", "lines"),
                                      .thead(.tr(.th(.text(CustomerText.cartItem(lang))), .th(.text(CustomerText.cartQuantity(lang))),
                                                 .th(.attr("class", "num"), .text(CustomerText.cartUnitPrice(lang))),
                                                 .th(.attr("class", "num"), .text(CustomerText.cartLineTotal(lang))), .th())),
                                      .tbody(.forEach(lines) { line(($0), lang) }),
                                      .tfoot(.tr(.th(.attr("colspan", "3"), .text(CustomerText.cartGoods(lang))),
                                                 .td(.attr("class", "num"), .attr("data-field", "goods"), .text(Format.money(goods, lang))),
                                                 .td()))),
                               Forms.submit(CustomerText.cartUpdate(lang), class: "button secondary")),
                    .p(.attr("class", "fine-print"), .text(CustomerText.cartPricesMove(lang))),
                    .p(.a(.attr("class", "button"), .attr("href", Page.checkout(.address).path(lang)), .text(CustomerText.cartToCheckout(lang))))
                )
        )
        return Layout.render(context, title: CustomerText.cartTitle(lang), main: main)
    }

    static func line(_ line: CartLine, _ lang: Language) -> Node<HTML.TableContext> {
        guard let product = line.product else {
            return .tr(.td(.text(line.sku), .p(.attr("class", "stock out"), .text(CustomerText.cartUnavailable(lang)))),
                       .td(Node<HTML.BodyContext>.input(.attr("type", "hidden"), .attr("name", "sku"), .attr("value", line.sku)),
                           .input(.attr("type", "hidden"), .attr("name", "quantity"), .attr("value", "0"))),
                       .td(), .td(), .td())
        }
        let stockNote: Node<HTML.BodyContext> = product.stock <= 0
            ? .p(.attr("class", "stock out"), .text(CustomerText.cartOutOfStock(lang)))
            : product.stock < line.quantity || product.stock <= 5
                ? .p(.attr("class", "stock few"), .text(CustomerText.cartFewLeft(lang, String(product.stock)))) : .empty
        return .tr(
            .attr("data-sku", line.sku),
            .td(.a(.attr("href", Page.shop(.product(slug: product.slug)).path(lang)), .text(product.name)), stockNote),
            .td(.input(.attr("type", "hidden"), .attr("name", "sku"), .attr("value", line.sku)),
                .input(.attr("type", "number"), .attr("name", "quantity"), .attr("value", String(line.quantity)), .attr("min", "0"),
                       .attr("max", String(QuoteDesk.maxQuantity)), .attr("aria-label", CustomerText.cartQuantity(lang)))),
            .td(.attr("class", "num"), .text(line.unitPrice.map { Format.money($0, lang) } ?? Text.priceUnavailableShort(lang))),
            .td(.attr("class", "num"), .text(line.lineTotal.map { Format.money($0, lang) } ?? "–")),
            .td(.button(.attr("type", "submit"), .attr("name", "remove"), .attr("value", line.sku), .attr("class", "link"),
                        .text(CustomerText.cartRemove(lang))))
        )
    }

    /// The add-to-cart form on a product page; its token is filled in per request (the page itself is cached).
    static func addForm(_ product: Product, _ lang: Language) -> Node<HTML.BodyContext> {
        Forms.post(.checkout(.cartAdd), lang, token: CSRF.placeholder, class: "add-to-cart",
                   Forms.hidden("sku", product.sku),
                   .label(.attr("for", "add-quantity"), .text(CustomerText.cartQuantity(lang))),
                   .input(.attr("id", "add-quantity"), .attr("type", "number"), .attr("name", "quantity"), .attr("value", "1"),
                          .attr("min", "1"), .attr("max", String(QuoteDesk.maxQuantity))),
                   Forms.submit(CustomerText.cartAdd(lang)))
    }
}
