import Plot
import TresorCore
import TresorServices

/// The start page: spot ticker and featured products.
enum HomePage {
    static func render(_ snapshot: CatalogueSnapshot, jobs: [JobPosting], _ context: PageContext) -> String {
        let lang = context.language
        let featured = snapshot.products.filter(\.featured).map { snapshot.priced($0, now: context.now) }
        let main: Node<HTML.BodyContext> = .group(
            .section(.attr("class", "hero"),
                     .h1(.text(Text.homeTitle(lang))),
                     .p(.text(Text.homeLead(lang)))),
            Widgets.spotTicker(snapshot, context),
            .section(.attr("class", "featured"),
                     .h2(.text(Text.featuredProducts(lang))),
                     .ul(.attr("class", "cards"), .forEach(featured) { Widgets.productCard($0, context) }),
                     .p(.a(.attr("href", Page.shop(.catalogue(nil)).path(lang)), .text(Text.menuAllProducts(lang) + " →")))),
            CareersView.teaser(jobs, lang)
        )
        return Layout.render(context, title: Text.homeTitle(lang), main: main)
    }
}
