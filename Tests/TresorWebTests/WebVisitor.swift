import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
import TresorServices
import TresorTestSupport
@testable import TresorWeb

/// A browser in miniature: keeps its cookies, reads form tokens off pages and sends forms.
struct WebVisitor {
    var cookies: [String: String] = [:]

    struct Page {
        var status: HTTPResponse.Status
        var body: String
        var location: String?
        var contentType: String?
    }

    mutating func get(_ shop: ShopFixture, _ uri: String) async throws -> Page {
        try await send(shop, uri, method: .get, body: nil)
    }

    /// Sends a form the way a browser does, with the page's token for `action` unless `token` is given.
    mutating func post(_ shop: ShopFixture, _ uri: String, _ fields: [(String, String)]) async throws -> Page {
        let body = fields.map { "\(Escape.percent($0.0))=\(Escape.percent($0.1))" }.joined(separator: "&")
        return try await send(shop, uri, method: .post, body: body)
    }

    /// Sends a form with a file as `multipart/form-data`, the way a browser uploads. The form's token goes where the
    /// page puts it for a file upload: into the address the form posts to.
    mutating func postMultipart(_ shop: ShopFixture, _ uri: String, _ fields: [(String, String)],
                                file: (name: String, filename: String, type: String, bytes: [UInt8])?) async throws -> Page {
        let boundary = "----tresor\(UUID().uuidString)"
        var body = ByteBuffer()
        let token = fields.first { $0.0 == "_csrf" }?.1
        let uri = token.map { uri + "?_csrf=" + Escape.percent($0) } ?? uri
        for (name, value) in fields where name != "_csrf" {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
                             + "Content-Type: \(file.type)\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(shop, uri, method: .post, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    mutating func send(_ shop: ShopFixture, _ uri: String, method: HTTPRequest.Method, body: String?) async throws -> Page {
        try await send(shop, uri, method: method, body: body.map { ByteBuffer(string: $0) },
                       contentType: body == nil ? nil : "application/x-www-form-urlencoded")
    }

    mutating func send(_ shop: ShopFixture, _ uri: String, method: HTTPRequest.Method, body: ByteBuffer?,
                       contentType: String?) async throws -> Page {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if let contentType { headers[.contentType] = contentType }
        let (page, setCookies) = try await shop.client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            (Page(status: response.status, body: String(buffer: response.body), location: response.headers[.location],
                  contentType: response.headers[.contentType]), response.headers[values: .setCookie])
        }
        for header in setCookies {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if header.contains("Max-Age=0") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        return page
    }

    /// The token of the form posting to `action` on `page`: in the form's address (a file upload) or its hidden field.
    static func token(_ page: String, action: String) throws -> String {
        let (path, fragment) = action.firstIndex(of: "#").map { (String(action[..<$0]), String(action[$0...])) } ?? (action, "")
        if let upload = page.range(of: "action=\"\(path)?_csrf=") {
            return String(page[upload.upperBound...].prefix { $0 != "\"" && $0 != "#" })
        }
        _ = fragment
        let form = try #require(page.range(of: "action=\"\(action)\""), "no form posting to \(action)")
        let rest = page[form.upperBound...]
        let start = try #require(rest.range(of: "name=\"_csrf\" value=\""))
        return String(rest[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Registers through the form, then confirms the address with the link the shop mailed, as a customer does;
    /// returns the answer to the confirmation (a redirect to the account, logged in).
    mutating func register(_ shop: ShopFixture, _ details: [(String, String)], password: String) async throws -> Page {
        let page = try await get(shop, "/konto/registrieren")
        let sent = try await post(shop, "/konto/registrieren", [("_csrf", try Self.token(page.body, action: "/konto/registrieren"))] + details
                                  + [("password", password)])
        #expect(sent.status == .ok)
        #expect(sent.body.contains("Bitte sehen Sie in Ihr Postfach"))
        let mail = try #require(try await AttackTests.outbox(shop).last { $0.subject.hasPrefix("Bitte bestätigen Sie Ihr Kundenkonto") })
        let text = try #require(MailText.plain(mail.raw))
        let link = try #require(text.split(separator: "\n").first { $0.contains("/konto/bestaetigen?token=") })
        let confirm = try await get(shop, String(link[try #require(link.range(of: "/konto/")).lowerBound...]))
        #expect(confirm.status == .ok)
        let token = String(try #require(link.components(separatedBy: "token=").last))
        return try await post(shop, "/konto/bestaetigen", [("_csrf", try Self.token(confirm.body, action: "/konto/bestaetigen")),
                                                            ("token", token)])
    }
}
