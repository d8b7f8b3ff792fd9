import Foundation
import Hummingbird
import Logging
import NIOCore
import OpenAPIRuntime
import TresorCore

/// Turns every failure into a localised HTML page (or problem+json under `/api/`); bad input never becomes a 500.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = TresorRequestContext
    let site: SiteContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var (status, title, detail) = describe(error, request.language)
            var retryAfter: String?
            if status == .internalServerError, let trouble = await site.shop.storeTrouble(behind: Self.cause(of: error)) {
                (status, title, detail, retryAfter) = unavailable(trouble, request.language, context.logger)
            } else if status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            var response: Response
            if request.uri.path.hasPrefix("/api/") {
                response = Problem(status: status, title: title, detail: detail).response()
            } else {
                let page = InfoPages.error(title: title, message: detail, site.pageContext(request, .shop(.home)))
                // Like every page, with the visitor's token in the footer's newsletter form (not while the database is away).
                if retryAfter == nil, let rendered = try? await site.html(request, page, status: status) {
                    response = rendered
                } else {
                    response = Response(status: status, headers: HTMLResponse.headers, body: .init(byteBuffer: ByteBuffer(string: page)))
                }
            }
            if let retryAfter { response.headers[.retryAfter] = retryAfter }
            return response
        }
    }

    /// The error a handler threw, out of the generated API layer's wrapper.
    static func cause(of error: any Error) -> any Error {
        (error as? ServerError)?.underlyingError ?? error
    }

    /// A 503 with a retry hint: the database is away (PostgreSQL restarting; instances reconnect by themselves) or
    /// its disk is full. The operator reads which in the log.
    func unavailable(_ trouble: StoreTrouble, _ lang: Language, _ logger: Logger)
        -> (HTTPResponse.Status, String, String, String) {
        switch trouble {
        case .unreachable:
            logger.warning("database unreachable; answered 503")
            return (.serviceUnavailable, Text.errorUnavailableTitle(lang), Text.errorUnreachableBody(lang), "5")
        case .diskFull:
            logger.error("database disk full: nothing can be written until space is freed where the database lives; answered 503")
            return (.serviceUnavailable, Text.errorUnavailableTitle(lang), Text.errorDiskFullBody(lang), "60")
        }
    }

    func describe(_ error: any Error, _ lang: Language) -> (HTTPResponse.Status, String, String) {
        switch error {
        case PageError.notFound:
            return (.notFound, Text.errorNotFoundTitle(lang), Text.errorNotFoundBody(lang))
        case PageError.badParameter(let parameter):
            return (.badRequest, Text.errorBadRequestTitle(lang), Text.errorBadRequestBody(lang, parameter.value, parameter.name))
        case PageError.formExpired:
            return (.forbidden, Text.errorFormExpiredTitle(lang), Text.errorFormExpiredBody(lang))
        case PageError.forbidden:
            return (.forbidden, Text.errorForbiddenTitle(lang), Text.errorForbiddenBody(lang))
        case PageError.tooManyRequests(let message):
            return (.tooManyRequests, Text.errorTooManyTitle(lang), message)
        case let error as HTTPError where error.status == .notFound:
            return (.notFound, Text.errorNotFoundTitle(lang), Text.errorNotFoundBody(lang))
        case let error as HTTPError where error.status.code < 500:
            return (error.status, Text.errorBadRequestTitle(lang), error.body ?? error.status.reasonPhrase)
        default:
            return (.internalServerError, Text.errorServerTitle(lang), Text.errorServerBody(lang))
        }
    }
}

/// RFC 9457 problem details.
struct Problem: Codable, Sendable {
    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String?

    init(status: HTTPResponse.Status, title: String, detail: String?) {
        self.title = title
        self.status = status.code
        self.detail = detail
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(self)) ?? Data("{\"title\":\"error\",\"status\":\(status)}".utf8)
        return Data(Self.markupEscaped(Array(json)))
    }

    /// `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`: the same JSON, but a value quoted in a problem (a field as
    /// sent) can never be read as markup, whatever displays it. JSON's own syntax has none of the three, so only
    /// characters inside strings are touched.
    static func markupEscaped(_ json: [UInt8]) -> [UInt8] {
        guard json.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") }) else { return json }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(json.count + 32)
        for byte in json {
            switch byte {
            case UInt8(ascii: "<"): escaped += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): escaped += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): escaped += Array("\\u0026".utf8)
            default: escaped.append(byte)
            }
        }
        return escaped
    }

    func response() -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/problem+json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}

enum HTMLResponse {
    static let headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"]

    static func ok(_ html: String) -> Response {
        Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
