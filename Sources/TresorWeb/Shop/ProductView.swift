import Foundation
import Plot
import TresorCore
import TresorServices

/// One product: facts, price with quantity tiers, buy-back price, premium, stock and tax note.
enum ProductView {
    static func render(_ item: PricedProduct, _ context: PageContext) -> String {
        let lang = context.language
        let product = item.product
        let facts: [(Text, String)] = [
            (.productMetal, product.metal.name(lang)),
            (.productForm, product.form == .coin ? Text.formCoin(lang) : Text.formBar(lang)),
            (.productFineWeight, Format.grams(product.fineGrams, lang)),
            (.productGrossWeight, Format.grams(product.grossGrams, lang)),
            (.productFineness, Format.decimal(product.fineness.perMille, scale: 1, lang) + " ‰"),
            (.productMint, product.mint),
            (.productYear, product.year.map(String.init) ?? "–"),
            (.productSku, product.sku),
            (.productVatNote, Widgets.vatText(product.vatRegime, lang, on: context.now)),
        ]
        let main: Node<HTML.BodyContext> = .article(
            .attr("class", "product"), .attr("data-sku", product.sku),
            .div(.attr("class", "product-head"),
                 .div(.attr("class", "product-visual"), .a(.attr("href", "#prices"), Widgets.placeholderImage(product)),
                      // The further photos, each a link to itself at full size.
                      .forEach(product.images.dropFirst()) { name in
                          .a(.attr("class", "thumb"), .attr("href", Page.shop(.productImage(name: name)).path(.de)),
                             .img(.attr("src", Page.shop(.productImage(name: name)).path(.de)), .attr("alt", product.name), .attr("loading", "lazy"),
                                  .attr("width", "80"), .attr("height", "80")))
                      }),
                 .div(.h1(.text(product.name)),
                      .p(.text(lang == .de ? product.descriptionDE : product.descriptionEN)),
                      Widgets.priceTag(item.prices, lang),
                      Widgets.vatNote(product, lang, on: context.now),
                      Widgets.stockBadge(product, lang),
                      .if(product.stock > 0 && item.prices != nil, CartView.addForm(product, lang)))),
            .section(.attr("id", "prices"), .h2(.text(Text.productPrices(lang))), prices(item, lang),
                     .if((item.prices?.buybackPrice ?? .zero) > .zero, SellBackView.productForm(product, lang))),
            .section(.h2(.text(Text.productDetails(lang))),
                     .table(.attr("class", "facts"), .forEach(facts) { label, value in
                         .tr(.th(.text(label(lang))), .td(.text(value)))
                     })),
            .p(.attr("class", "fine-print"), .text(Text.productNoWithdrawal(lang)))
        )
        return Layout.render(context, title: product.name,
                             description: lang == .de ? product.descriptionDE : product.descriptionEN, main: main)
    }

    static func prices(_ item: PricedProduct, _ lang: Language) -> Node<HTML.BodyContext> {
        guard let prices = item.prices else {
            return .p(.attr("class", "unavailable"), .text(Text.pricesUnavailable(lang)))
        }
        return .group(
            .table(.attr("class", "tiers"),
                   .caption(.text(Text.productTiers(lang))),
                   .forEach(prices.tiers.enumerated().map { $0 }) { index, tier in
                       .tr(.th(.text(Text.productQuantityFrom(lang, String(tier.minQuantity)))),
                           .td(.attr("data-field", "tier\(index)"), .text(Format.money(tier.unitPrice, lang))))
                   }),
            .dl(.attr("class", "figures"),
                .dt(.text(Text.buybackPrice(lang))),
                .dd(.attr("data-field", "buyback"), .text(Format.money(prices.buybackPrice, lang))),
                .dt(.text(Text.premiumOverSpot(lang))),
                .dd(.attr("data-field", "premium"), .text(Format.percent(prices.premiumPercent, lang))),
                .dt(.text(Text.perFineGram(lang))),
                .dd(.attr("data-field", "perGram"), .text(Format.money(prices.pricePerFineGram, lang))))
        )
    }
}
