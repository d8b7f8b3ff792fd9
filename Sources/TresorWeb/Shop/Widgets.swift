import Foundation
import Plot
import TresorCore
import TresorServices

/// Small view pieces shared by pages.
enum Widgets {
    /// The four spot prices with €/oz, €/g and the change against 24 hours ago.
    static func spotTicker(_ snapshot: CatalogueSnapshot, _ context: PageContext) -> Node<HTML.BodyContext> {
        let lang = context.language
        return .section(
            .attr("class", "ticker"), .attr("aria-labelledby", "ticker-title"),
            .h2(.attr("id", "ticker-title"), .text(Text.spotTickerTitle(lang))),
            .ul(.forEach(Metal.allCases) { metal in
                spotItem(metal, snapshot, context)
            })
        )
    }

    static func spotItem(_ metal: Metal, _ snapshot: CatalogueSnapshot, _ context: PageContext) -> Node<HTML.ListContext> {
        let lang = context.language
        let figures = SpotFigures(metal: metal, snapshot: snapshot, now: context.now, language: lang)
        return .li(
            .attr("class", "spot"), .attr("data-metal", metal.code),
            .a(.attr("href", Page.shop(.catalogue(metal)).path(lang)), .span(.attr("class", "metal"), .text(metal.name(lang)))),
            // Each figure with its label in one element: the grid once paired "je Unze" with the price per gram.
            .span(.attr("class", "figure"), .span(.attr("class", "oz"), .attr("data-field", "oz"), .text(figures.perOunce)),
                  .span(.attr("class", "unit"), .text(Text.perOunce(lang)))),
            .span(.attr("class", "figure"), .span(.attr("class", "gram"), .attr("data-field", "gram"), .text(figures.perGram)),
                  .span(.attr("class", "unit"), .text(Text.perGram(lang)))),
            .span(.attr("class", "figure"), .span(.attr("class", "change " + figures.direction), .attr("data-field", "change"),
                                                  .text(figures.change)),
                  .span(.attr("class", "unit"), .text(Text.change24h(lang))))
        )
    }

    /// A product tile for listings.
    static func productCard(_ item: PricedProduct, _ context: PageContext) -> Node<HTML.ListContext> {
        let lang = context.language
        let product = item.product
        return .li(
            .attr("class", "card"), .attr("data-sku", product.sku),
            .a(.attr("href", Page.shop(.product(slug: product.slug)).path(lang)),
               placeholderImage(product),
               .h3(.text(product.name))),
            .p(.attr("class", "facts"),
               .text(Format.grams(product.grossGrams, lang) + " · " + Format.decimal(product.fineness.perMille, scale: 1, lang) + " ‰ · " + product.mint)),
            priceTag(item.prices, lang),
            .if(item.prices != nil, .p(.attr("class", "premium"),
                                       .text(Text.premiumOverSpot(lang) + " "),
                                       .span(.attr("data-field", "premium"), .text(item.prices.map { Format.percent($0.premiumPercent, lang) } ?? "")),
                                       .text(" · "),
                                       .span(.attr("data-field", "perGram"), .text(item.prices.map { Format.money($0.pricePerFineGram, lang) } ?? "")),
                                       .text(" " + Text.perFineGram(lang)))),
            stockBadge(product, lang),
            vatNote(product, lang, on: context.now)
        )
    }

    /// The unit price, or a clear "unavailable" when the feed is stale.
    static func priceTag(_ prices: ProductPrices?, _ lang: Language) -> Node<HTML.BodyContext> {
        guard let prices else {
            return .p(.attr("class", "price unavailable"), .attr("data-field", "unit"), .text(Text.pricesUnavailable(lang)))
        }
        return .p(.attr("class", "price"), .attr("data-field", "unit"), .text(Format.money(prices.unitPrice, lang)))
    }

    static func stockBadge(_ product: Product, _ lang: Language) -> Node<HTML.BodyContext> {
        if product.stock <= 0 {
            return .p(.attr("class", "stock out"), .text(Text.outOfStock(lang)))
        }
        if product.stock <= 5 {
            return .p(.attr("class", "stock few"), .text(Text.fewLeft(lang, String(product.stock))))
        }
        return .p(.attr("class", "stock in"), .text(Text.inStock(lang)))
    }

    /// The VAT treatment and the shipping costs next to every price (§6 PAngV), linking the shipping page.
    static func vatNote(_ product: Product, _ lang: Language, on date: Date) -> Node<HTML.BodyContext> {
        .p(.attr("class", "vat"), .text(vatText(product.vatRegime, lang, on: date) + ", "),
           .a(.attr("href", Page.shop(.legal(.shipping)).path(lang)), .text(Text.plusShipping(lang))))
    }

    /// `inkl. 19 % MwSt.`, or `inkl. 20 % MwSt. (Österreich)`: Germany's rate unless the sale is taxed in another member state (`VatRates`).
    static func vatText(_ regime: VatRegime, _ lang: Language, on date: Date, in vatCountry: String = VatRates.home) -> String {
        switch regime {
        case .exemptInvestmentGold: Text.vatExempt(lang)
        case .standard: Text.vatStandard(lang, Format.percent(VatRates().standardPercent(in: vatCountry, on: date), lang)
                                            .replacingOccurrences(of: ",00", with: "").replacingOccurrences(of: ".00", with: ""))
                            + (vatCountry == VatRates.home ? "" : " (" + Format.country(vatCountry, lang) + ")")
        case .marginScheme: Text.vatMargin(lang)
        }
    }

    /// The product's photo, or a neutral drawing of a coin or bar in the metal's colour when it has none.
    static func placeholderImage(_ product: Product) -> Node<HTML.AnchorContext> {
        if let image = product.image {
            return .element(named: "img", nodes: [.attr("class", "product-image"), .attr("src", Page.shop(.productImage(name: image)).path(.de)),
                                                  .attr("alt", product.name), .attr("loading", "lazy"), .attr("width", "320"), .attr("height", "320")])
        }
        let shape: Node<HTML.AnchorContext> = product.form == .coin
            ? .element(named: "circle", nodes: [.attr("cx", "40"), .attr("cy", "40"), .attr("r", "34")])
            : .element(named: "rect", nodes: [.attr("x", "12"), .attr("y", "22"), .attr("width", "56"), .attr("height", "36"), .attr("rx", "4")])
        return .element(named: "svg", nodes: [
            .attr("class", "product-image metal-" + product.metal.code.lowercased()),
            .attr("viewBox", "0 0 80 80"), .attr("role", "img"), .attr("aria-label", product.name), shape,
        ])
    }
}

/// The formatted figures of one metal's spot price, shared by the ticker and the live updates.
struct SpotFigures {
    var perOunce: String
    var perGram: String
    var change: String
    var direction: String

    init(metal: Metal, snapshot: CatalogueSnapshot, now: Date, language: Language) {
        guard let tick = snapshot.ticks[metal], snapshot.isFresh(metal, now: now) else {
            perOunce = Text.priceUnavailableShort(language)
            perGram = "–"
            change = "–"
            direction = "flat"
            return
        }
        perOunce = Format.money(Money.roundedHalfUp(euros: tick.ask), language)
        perGram = Format.money(Money.roundedHalfUp(euros: tick.ask / Weight.gramsPerTroyOunce), language)
        if let before = snapshot.dayAgo[metal], before.mid > 0 {
            let percent = ((tick.mid - before.mid) / before.mid * 100).rounded(scale: 2)
            change = Format.percent(percent, language, signed: true)
            direction = percent > 0 ? "up" : (percent < 0 ? "down" : "flat")
        } else {
            change = "–"
            direction = "flat"
        }
    }
}
