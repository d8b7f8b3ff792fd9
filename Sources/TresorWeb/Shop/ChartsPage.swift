import Plot
import TresorCore
import TresorServices

/// Spot history per metal for one range, with links to the other ranges.
enum ChartsPage {
    static func render(range: ChartRange, histories: [(Metal, [SpotTick])], demo: Bool, _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(Text.chartsTitle(lang))),
            .p(.text(Text.chartsLead(lang))),
            .nav(.attr("class", "ranges"), .attr("aria-label", Text.chartsTitle(lang)),
                 .forEach(ChartRange.allCases) { r in
                     .a(.attr("href", Page.shop(.charts).path(lang) + "?range=" + r.rawValue),
                        .if(r == range, .attr("aria-current", "true")), .text(r.label(lang)))
                 }),
            .forEach(histories) { metal, ticks in
                .section(.attr("class", "chart-section"),
                         .h2(.text(metal.name(lang))),
                         PriceChart.render(metal: metal, ticks: ticks, demo: demo, lang))
            }
        )
        return Layout.render(context, title: Text.chartsTitle(lang), main: main)
    }
}
