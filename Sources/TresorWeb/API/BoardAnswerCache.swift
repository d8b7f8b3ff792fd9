import Foundation
import HTTPTypes
import OpenAPIRuntime
import TresorServices

/// The API's answers that depend only on the price board (spot prices, the product list, one product),
/// kept per board build and stale metals as the shop's pages are: encoding the JSON was most of the work
/// of answering them. Only successful answers are kept, so unknown SKUs cannot fill the cache.
struct BoardAnswerCache: ServerMiddleware {
    static let operations: Set<String> = ["getSpot", "listProducts", "getProduct"]
    /// Far above any answer (a product list page holds at most 100 products, about 60 KB).
    static let largest = 8 << 20

    struct Answer: Sendable {
        var response: HTTPResponse
        var body: [UInt8]
    }

    let board: PriceBoard
    let now: @Sendable () -> Date
    let answers = EditionCache<BoardEdition, Answer>()

    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        guard Self.operations.contains(operationID), request.method == .get, let path = request.path else {
            return try await next(request, body, metadata)
        }
        // The edition is read before the handler reads the board, so an answer is never filed under a newer one.
        let (snapshot, generation) = board.current
        let edition = BoardEdition(snapshot, generation: generation, now: now())
        do {
            let answer = try await answers.value(path, edition: edition) {
                let (response, body) = try await next(request, body, metadata)
                guard response.status == .ok, let body else { throw NotKept(response: response, body: body) }
                return Answer(response: response, body: try await [UInt8](collecting: body, upTo: Self.largest))
            }
            return (answer.response, HTTPBody(answer.body))
        } catch let notKept as NotKept {
            return (notKept.response, notKept.body)
        }
    }

    /// A problem answer (a bad parameter, an unknown SKU): passed on as it is, not kept.
    struct NotKept: Error {
        var response: HTTPResponse
        var body: HTTPBody?
    }
}
