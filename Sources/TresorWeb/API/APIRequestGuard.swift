import Foundation
import HTTPTypes
import Hummingbird

/// The API's guards on every request that carries a body, before the generated code reads a byte of it:
/// the body must say it is JSON (a cross-site "simple" form POST cannot), and it may be at most `bodyLimit`
/// bytes, by its `Content-Length` or, without one, by reading no further than that.
struct APIRequestGuard: RouterMiddleware {
    typealias Context = TresorRequestContext
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard [.post, .put, .patch].contains(request.method) || request.headers[.contentLength].map({ $0 != "0" }) == true else {
            return try await next(request, context)
        }
        guard Self.isJSON(request.headers[.contentType]) else {
            return Problem(status: .unsupportedMediaType, title: "Unsupported media type",
                           detail: "The request body must be sent as Content-Type: application/json.").response()
        }
        let tooLarge = Problem(status: .contentTooLarge, title: "Request body too large",
                               detail: "The request body may be at most \(bodyLimit) bytes.").response()
        if let length = request.headers[.contentLength].flatMap(Int.init) {
            guard length <= bodyLimit else { return tooLarge }
            return try await next(request, context)
        }
        var request = request
        do { _ = try await request.collectBody(upTo: bodyLimit) } catch { return tooLarge }
        return try await next(request, context)
    }

    /// `application/json`, with or without parameters (`; charset=utf-8`), in any case.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return type == "application/json"
    }
}
