import Foundation
import Hummingbird
import MultipartKit

/// A submitted form: its text fields as `FormData` and, for `multipart/form-data` (a form with a file), its files
/// by name.
struct SubmittedForm: Sendable {
    struct File: Sendable {
        var filename: String
        var bytes: [UInt8]
    }

    var fields: FormData
    var files: [String: File]

    /// Reads at most `limit` bytes: the form's rule sets it (an application's CV may be 10 MB, every other form stays
    /// at `FormData.limit`). Larger bodies are refused with 413 before they are kept.
    static func readMultipart(_ request: Request, limit: Int) async throws -> SubmittedForm {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
              let boundary = boundary(type) else { throw HTTPError(.unsupportedMediaType) }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch { throw HTTPError(.contentTooLarge) }
        var form = SubmittedForm(fields: FormData(fields: []), files: [:])
        var headers: [(String, String)] = []
        var body = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { headers.append(($0, $1)) }
        parser.onBody = { body.writeBuffer(&$0) }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            if let name = parameter("name", in: disposition) {
                if let filename = parameter("filename", in: disposition) {
                    form.files[name] = File(filename: filename, bytes: body.readBytes(length: body.readableBytes) ?? [])
                } else {
                    form.fields.fields.append((name, body.readString(length: body.readableBytes) ?? ""))
                }
            }
            headers = []
            body = ByteBuffer()
        }
        do { try parser.execute(buffer) } catch { throw HTTPError(.badRequest) }
        return form
    }

    static func boundary(_ contentType: String) -> String? {
        parameter("boundary", in: contentType)
    }

    /// `name="cv"` out of `form-data; name="cv"; filename="lebenslauf.pdf"` (or a Content-Type parameter).
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
