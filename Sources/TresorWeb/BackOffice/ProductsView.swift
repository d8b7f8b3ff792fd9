import Foundation
import Plot
import TresorCore
import TresorServices

enum ProductsView {
    /// The product as it would be saved, and its prices at the current spot (nil: no fresh price for its metal).
    struct Preview: Sendable {
        var product: Product
        var prices: ProductPrices?
    }

    static func regimeName(_ regime: VatRegime, _ lang: Language) -> String {
        let de = lang == .de
        return switch regime {
        case .exemptInvestmentGold: de ? "steuerfrei, Anlagegold (§ 25c UStG)" : "exempt, investment gold (§25c UStG)"
        case .standard: de ? "19 % Umsatzsteuer" : "19 % VAT"
        case .marginScheme: de ? "Differenzbesteuerung (§ 25a UStG)" : "margin scheme (§25a UStG)"
        }
    }

    static func list(_ frame: BackOfficeFrame, products: [Product]) -> String {
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuProducts(lang))),
            .p(.a(.attr("class", "button"), .attr("href", Page.backOffice(.productNew).path(lang)), .text(BackOfficeText.productNew(lang)))),
            .table(.attr("class", "bo-table"),
                   .thead(.tr(.th(.text(BackOfficeText.colSku(lang))), .th(.text(BackOfficeText.productName(lang))),
                              .th(.text(BackOfficeText.productVat(lang))), .th(.attr("class", "num"), .text(BackOfficeText.menuStock(lang))),
                              .th(.text(BackOfficeText.colStatus(lang))))),
                   .tbody(.forEach(products) { product in
                       .tr(.td(.a(.attr("href", Page.backOffice(.productEdit(sku: product.sku)).path(lang)), .text(product.sku))),
                           .td(.text(product.name)), .td(.text(regimeName(product.vatRegime, lang))),
                           .td(.attr("class", "num"), .text(String(product.stock))),
                           .td(.text(product.published ? BackOfficeText.productPublished(lang) : BackOfficeText.productWithdrawn(lang))))
                   }))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuProducts(lang), main: main)
    }

    static func editor(_ frame: BackOfficeFrame, draft: ProductDraft, isNew: Bool, published: Bool, images: [String], preview: Preview?,
                       problem: String?) -> String {
        let lang = frame.lang
        let none = FieldProblems()
        let field = { (label: BackOfficeText, name: String, value: String, required: Bool) in
            Forms.field(label(lang), name: name, value: value, autocomplete: "off", problems: none, required: required)
        }
        let select = { (label: BackOfficeText, name: String, selected: String, options: [(String, String)]) -> Node<HTML.FormContext> in
            .div(.attr("class", "field"), .label(.attr("for", "f-" + name), .text(label(lang))),
                 .select(.attr("id", "f-" + name), .attr("name", name),
                         .forEach(options) { value, text in .choice(value, text, selected: value == selected) }))
        }
        let rows = (0..<ProductDraft.tierRows).map { index in index < draft.tiers.count ? draft.tiers[index] : ("", "", "") }
        let title = isNew ? BackOfficeText.productNew(lang) : BackOfficeText.productEdit(lang) + " " + draft.sku
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(title)),
            .if(isNew, .p(.text(BackOfficeText.productNewLead(lang)))),
            Forms.notices(problem.map { [$0] } ?? []),
            .if(!isNew, BackOfficeLayout.form(.productPublish(sku: draft.sku, publish: !published), frame,
                                              Forms.submit(published ? BackOfficeText.productWithdraw(lang) : BackOfficeText.productPublish(lang),
                                                           class: published ? "button danger" : "button"))),
            .if(!isNew, imageForm(frame, sku: draft.sku, images: images)),
            .if(preview != nil, previewTable(preview, lang)),
            BackOfficeLayout.form(.productSave, frame, class: "form",
                                  Forms.hidden("new", isNew ? "1" : "0"),
                                  isNew ? field(.productSku, "sku", draft.sku, true) : Forms.hidden("sku", draft.sku),
                                  .div(.attr("class", "field-row"), field(.productName, "name", draft.name, true), field(.productSlug, "slug", draft.slug, true)),
                                  .div(.attr("class", "field-row"),
                                       select(.productMetal, "metal", draft.metal, Metal.allCases.map { ($0.code, $0.code) }),
                                       select(.productForm, "form", draft.form, [("coin", lang == .de ? "Münze" : "Coin"), ("bar", lang == .de ? "Barren" : "Bar")]),
                                       field(.productGrossGrams, "grossGrams", draft.grossGrams, true),
                                       field(.productFineness, "fineness", draft.fineness, true)),
                                  .div(.attr("class", "field-row"), field(.productMint, "mint", draft.mint, true), field(.productYear, "year", draft.year, false)),
                                  Forms.checkbox("legalTender", BackOfficeText.productLegalTender(lang), checked: draft.legalTender, invalid: false),
                                  Forms.checkbox("marginScheme", BackOfficeText.productMarginScheme(lang), checked: draft.marginScheme, invalid: false),
                                  Forms.fieldset(BackOfficeText.productTiers(lang), .group(rows.enumerated().map { index, tier in
                                      .div(.attr("class", "field-row"),
                                           tierInput("tierFrom\(index)", BackOfficeText.productTierFrom(lang), tier.0),
                                           tierInput("tierPercent\(index)", BackOfficeText.productTierPercent(lang), tier.1),
                                           tierInput("tierFixed\(index)", BackOfficeText.productTierFixed(lang), tier.2))
                                  })),
                                  .div(.attr("class", "field-row"), field(.productBuybackPercent, "buybackPercent", draft.buybackPercent, false),
                                       field(.productBuybackFixed, "buybackFixed", draft.buybackFixed, false)),
                                  Forms.checkbox("featured", BackOfficeText.productFeatured(lang), checked: draft.featured, invalid: false),
                                  textarea("descriptionDE", BackOfficeText.productDescriptionDE(lang), draft.descriptionDE),
                                  textarea("descriptionEN", BackOfficeText.productDescriptionEN(lang), draft.descriptionEN),
                                  .button(.attr("type", "submit"), .attr("name", "intent"), .attr("value", "preview"), .attr("class", "button secondary"),
                                          .text(BackOfficeText.productPreview(lang))),
                                  .button(.attr("type", "submit"), .attr("name", "intent"), .attr("value", "save"), .attr("class", "button"),
                                          .text(BackOfficeText.productSave(lang))))
        )
        return BackOfficeLayout.render(frame, title: title, main: main)
    }

    /// The photos in their order, each with its buttons, and the form to add one; a file upload carries its token in
    /// the address, checked before parsing.
    static func imageForm(_ frame: BackOfficeFrame, sku: String, images: [String]) -> Node<HTML.BodyContext> {
        let lang = frame.lang
        return .section(.attr("class", "product-photo"),
                        .ul(.attr("class", "photos"), .forEach(images.enumerated().map { $0 }) { index, name in
                            .li(.img(.attr("src", Page.shop(.productImage(name: name)).path(.de)), .attr("alt", sku), .attr("width", "120"),
                                     .attr("height", "120")),
                                .if(index > 0, BackOfficeLayout.form(.productImageFirst(sku: sku, name: name), frame,
                                                                     Forms.submit(BackOfficeText.productImageFirst(lang), class: "button secondary"))),
                                BackOfficeLayout.form(.productImageRemove(sku: sku, name: name), frame,
                                                      Forms.submit(BackOfficeText.productImageRemove(lang), class: "button danger")))
                        }),
                        .form(.attr("method", "post"), .attr("enctype", "multipart/form-data"), .attr("class", "form filters"),
                              .attr("action", Page.backOffice(.productImage(sku: sku)).path(lang) + "?_csrf=" + Escape.percent(frame.token)),
                              .div(.attr("class", "field"), .label(.attr("for", "f-image"), .text(BackOfficeText.productImage(lang))),
                                   .input(.attr("id", "f-image"), .attr("name", "image"), .attr("type", "file"),
                                          .attr("accept", "image/png,image/jpeg,image/webp"), .flag("required", true))),
                              Forms.submit(BackOfficeText.productImageUpload(lang), class: "button secondary")))
    }

    static func tierInput(_ name: String, _ label: String, _ value: String) -> Node<HTML.FormContext> {
        .div(.attr("class", "field"), .label(.attr("for", "f-" + name), .text(label)),
             .input(.attr("id", "f-" + name), .attr("name", name), .attr("type", "text"), .attr("inputmode", "decimal"), .attr("value", value)))
    }

    static func textarea(_ name: String, _ label: String, _ value: String) -> Node<HTML.FormContext> {
        .div(.attr("class", "field"), .label(.attr("for", "f-" + name), .text(label)),
             .textarea(.attr("id", "f-" + name), .attr("name", name), .attr("rows", "5"), .text(value)))
    }

    static func previewTable(_ preview: Preview?, _ lang: Language) -> Node<HTML.BodyContext> {
        guard let preview else { return .empty }
        guard let prices = preview.prices else {
            return .section(.attr("class", "article-preview"), .p(.text(BackOfficeText.productNoPrice(lang))))
        }
        return .section(.attr("class", "article-preview"),
                        .h2(.text(BackOfficeText.productPreview(lang))),
                        BackOfficeLayout.facts([(BackOfficeText.productVat(lang), regimeName(preview.product.vatRegime, lang))]
                            + prices.tiers.map { (BackOfficeText.productFrom(lang, String($0.minQuantity)), Format.money($0.unitPrice, lang)) }
                            + [(BackOfficeText.productBuyback(lang), Format.money(prices.buybackPrice, lang)),
                               (BackOfficeText.productPremiumOverSpot(lang), Format.percent(prices.premiumPercent, lang))]))
    }
}
