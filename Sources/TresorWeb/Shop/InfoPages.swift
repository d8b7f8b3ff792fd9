import Plot
import TresorCore
import TresorServices

/// Plain text pages: the reporting-duties explanation, "coming soon" and errors.
enum InfoPages {
    static func reportingDuties(_ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .article(
            .attr("class", "prose"),
            .h1(.text(Text.reportingTitle(lang))),
            .p(.text(Text.reportingBody1(lang))),
            .p(.text(Text.reportingBody2(lang))),
            .p(.text(Text.reportingBody3(lang))),
            .p(.text(Text.reportingBody4(lang)))
        )
        return Layout.render(context, title: Text.reportingTitle(lang), main: main)
    }

    static func error(title: String, message: String, _ context: PageContext) -> String {
        let lang = context.language
        let main: Node<HTML.BodyContext> = .article(
            .attr("class", "prose error"),
            .h1(.text(title)),
            .p(.text(message)),
            .p(.a(.attr("href", Page.shop(.home).path(lang)), .text(Text.backHome(lang))))
        )
        return Layout.render(context, title: title, main: main)
    }
}
