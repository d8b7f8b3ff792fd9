import Foundation
import Plot
import TresorCore
import TresorServices

/// A listing of products with filters, sorting and pages; works as a plain GET form without script.
enum CatalogueView {
    static func render(_ result: CataloguePage, query: CatalogueQuery, metal: Metal?, mints: [String],
                       _ context: PageContext) -> String {
        let lang = context.language
        let title = metal.map { $0.name(lang) } ?? Text.catalogueTitle(lang)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(title)),
            filterForm(query: query, metal: metal, mints: mints, context),
            .p(.attr("class", "count"), .text(Text.resultsCount(lang, String(result.total)))),
            result.items.isEmpty
                ? .p(.attr("class", "empty"), .text(Text.noResults(lang)))
                : .ul(.attr("class", "cards"), .forEach(result.items) { Widgets.productCard($0, context) }),
            pager(result, query: query, context)
        )
        return Layout.render(context, title: title, main: main)
    }

    static func filterForm(query: CatalogueQuery, metal: Metal?, mints: [String], _ context: PageContext) -> Node<HTML.BodyContext> {
        let lang = context.language
        return .form(
            .attr("class", "filters"), .attr("method", "get"), .attr("action", context.page.path(lang)),
            .if(metal == nil, metalSelect(query, lang)),
            formSelect(query, lang),
            weightInput("minWeight", .filterMinWeight, query.minFineGrams, lang),
            weightInput("maxWeight", .filterMaxWeight, query.maxFineGrams, lang),
            mintSelect(query, mints, lang),
            inStockCheckbox(query, lang),
            sortSelect(query, lang),
            .button(.attr("type", "submit"), .text(Text.filterApply(lang)))
        )
    }

    static func metalSelect(_ query: CatalogueQuery, _ lang: Language) -> Node<HTML.FormContext> {
        let options: [Node<HTML.SelectContext>] = [.choice("", Text.filterAnyMetal(lang))]
            + Metal.allCases.map { m in
                .choice(m.code, m.name(lang), selected: query.metal == m)
            }
        return .label(.text(Text.filterMetal(lang)), .select(.attr("name", "metal"), .group(options)))
    }

    static func formSelect(_ query: CatalogueQuery, _ lang: Language) -> Node<HTML.FormContext> {
        let options: [Node<HTML.SelectContext>] = [
            .choice("", Text.filterAnyForm(lang)),
            .choice("coin", Text.formCoin(lang), selected: query.form == .coin),
            .choice("bar", Text.formBar(lang), selected: query.form == .bar),
        ]
        return .label(.text(Text.filterForm(lang)), .select(.attr("name", "form"), .group(options)))
    }

    static func weightInput(_ name: String, _ label: Text, _ value: Decimal?, _ lang: Language) -> Node<HTML.FormContext> {
        .label(.text(label(lang)),
               .input(.attr("name", name), .attr("inputmode", "decimal"), .attr("size", "6"),
                      .attr("value", value?.plainString ?? "")))
    }

    static func mintSelect(_ query: CatalogueQuery, _ mints: [String], _ lang: Language) -> Node<HTML.FormContext> {
        let options: [Node<HTML.SelectContext>] = [.choice("", Text.filterAnyMint(lang))]
            + mints.map { mint in
                .choice(mint, mint, selected: query.mint?.caseInsensitiveCompare(mint) == .orderedSame)
            }
        return .label(.text(Text.filterMint(lang)), .select(.attr("name", "mint"), .group(options)))
    }

    static func inStockCheckbox(_ query: CatalogueQuery, _ lang: Language) -> Node<HTML.FormContext> {
        .label(.attr("class", "check"),
               .input(.attr("type", "checkbox"), .attr("name", "inStock"), .attr("value", "1"), .flag("checked", query.inStockOnly)),
               .text(Text.filterInStock(lang)))
    }

    static func sortSelect(_ query: CatalogueQuery, _ lang: Language) -> Node<HTML.FormContext> {
        let sorts: [(CatalogueSort, Text)] = [(.weight, .sortWeight), (.price, .sortPrice), (.priceDesc, .sortPriceDesc),
                                              (.pricePerGram, .sortPricePerGram), (.premium, .sortPremium), (.name, .sortName)]
        let options: [Node<HTML.SelectContext>] = sorts.map { sort, text in
            .choice(sort.rawValue, text(lang), selected: query.sort == sort)
        }
        return .label(.text(Text.sortBy(lang)), .select(.attr("name", "sort"), .group(options)))
    }

    static func pager(_ result: CataloguePage, query: CatalogueQuery, _ context: PageContext) -> Node<HTML.BodyContext> {
        guard result.pageCount > 1 else { return .empty }
        let lang = context.language
        func link(_ page: Int) -> String {
            var q = query
            q.page = page
            return context.page.path(lang) + Escape.query(q.parameters)
        }
        return .nav(
            .attr("class", "pager"), .attr("aria-label", "Pages"),
            .if(result.page > 1, .a(.attr("rel", "prev"), .attr("href", link(result.page - 1)), .text(Text.pagePrevious(lang)))),
            .span(.text(Text.pageOf(lang, String(result.page), String(result.pageCount)))),
            .if(result.page < result.pageCount, .a(.attr("rel", "next"), .attr("href", link(result.page + 1)), .text(Text.pageNext(lang))))
        )
    }
}
