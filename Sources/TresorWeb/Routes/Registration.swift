import Hummingbird

/// A page's handler: the request, who is asking, and the language of the address it came in on.
typealias PageHandler = @Sendable (Request, TresorRequestContext, Language) async throws -> Response

extension RouterMethods where Context == TresorRequestContext {
    /// Answers GET (and HEAD) on `page`'s address in every language.
    func get(_ page: Page, _ handler: @escaping PageHandler) {
        for lang in Language.allCases {
            get(RouterPath(page.pattern(lang))) { request, context in try await handler(request, context, lang) }
        }
    }

    /// Takes the form posted to `page`'s address in every language; the area's `FormGuard` has checked it.
    func post(_ page: Page, _ handler: @escaping PageHandler) {
        for lang in Language.allCases {
            post(RouterPath(page.pattern(lang))) { request, context in try await handler(request, context, lang) }
        }
    }
}
