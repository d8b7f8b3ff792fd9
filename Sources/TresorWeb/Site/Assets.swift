import Foundation
import Hummingbird
import NIOCore

/// The stylesheet and the one script, read once from the bundle and served under content-hashed names.
struct StaticAsset: Sendable {
    var path: String
    var contentType: String
    var body: ByteBuffer

    static func load(_ name: String, ext: String, contentType: String) throws -> StaticAsset {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name).\(ext)"])
        }
        let data = try Data(contentsOf: url)
        // FNV-1a: enough to change the name whenever the content changes.
        let hash = String(data.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }, radix: 16)
        return StaticAsset(path: "/assets/\(name)-\(hash).\(ext)", contentType: contentType, body: ByteBuffer(bytes: data))
    }

    /// Content-hashed names never change their content; a fixed name (the icon) is kept a day.
    func response() -> Response {
        let caching = path.hasPrefix("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=86400"
        return Response(status: .ok, headers: [.contentType: contentType, .cacheControl: caching], body: .init(byteBuffer: body))
    }
}

struct Assets: Sendable {
    let stylesheet: StaticAsset
    let script: StaticAsset
    /// The tab icon, at the fixed address browsers and feed readers ask for (`/favicon.ico`) and the one pages link.
    let icon: StaticAsset

    static let iconPath = "/favicon.svg"

    static func load() throws -> Assets {
        var icon = try StaticAsset.load("icon", ext: "svg", contentType: "image/svg+xml")
        icon.path = iconPath
        return Assets(stylesheet: try .load("style", ext: "css", contentType: "text/css; charset=utf-8"),
                      script: try .load("live", ext: "js", contentType: "text/javascript; charset=utf-8"), icon: icon)
    }
}
