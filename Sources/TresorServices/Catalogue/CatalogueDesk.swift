import Crypto
import Foundation
import TresorCore
import TresorStore

/// Why a product was not saved.
public enum ProductProblem: Error, Equatable, Sendable {
    case invalid(InvalidParameter)
    case premium(PremiumRule.Problem)
    case noSuchProduct(String)
    /// Another product has this address.
    case slugTaken(String)
    case image(ProductImage.Problem)
}

/// The dealer's product list: create and edit products (weights, fineness, VAT regime, premium tiers, buy-back
/// discount), publish and withdraw them, and see the prices a product would have at the current spot before saving.
/// Stock levels are counted through `StockDesk`.
public struct CatalogueDesk: Sendable {
    let database: Database
    let board: PriceBoard
    /// Where photos are kept, outside any served path.
    let imageStorage: String

    public init(database: Database, board: PriceBoard, imageStorage: String = NSTemporaryDirectory() + "tresor-product-images") {
        self.database = database
        self.board = board
        self.imageStorage = imageStorage
    }

    /// Adds a photo at the end of a product's photos: checked by content first, written under its SHA-256 (a new name
    /// for new bytes, so an old address keeps serving the old picture to pages cached with it), then listed and audited.
    public func addImage(sku: String, bytes: [UInt8], by actor: Actor, now: Date) async throws {
        let kind: ProductImage.Kind
        do throws(ProductImage.Problem) { kind = try ProductImage.check(bytes) } catch { throw ProductProblem.image(error) }
        let name = Hex.encode(SHA256.hash(data: bytes)) + "." + kind.fileExtension
        try FileManager.default.createDirectory(atPath: imageStorage, withIntermediateDirectories: true)
        let path = imageStorage + "/" + name
        if !FileManager.default.fileExists(atPath: path) {
            let temporary = path + ".part-" + UUID().uuidString
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        }
        try await changeImages(sku: sku, action: "product.image-add", by: actor, now: now) { files in
            files.contains(name) ? files : files + [name]
        }
    }

    /// Takes a photo off a product (the file stays: cached pages may still show it).
    public func removeImage(sku: String, name: String, by actor: Actor, now: Date) async throws {
        try await changeImages(sku: sku, action: "product.image-remove", by: actor, now: now) { $0.filter { $0 != name } }
    }

    /// Puts a photo first: the one cards and the top of the product page show.
    public func showFirst(sku: String, name: String, by actor: Actor, now: Date) async throws {
        try await changeImages(sku: sku, action: "product.image-first", by: actor, now: now) { files in
            files.contains(name) ? [name] + files.filter { $0 != name } : files
        }
    }

    func changeImages(sku: String, action: String, by actor: Actor, now: Date, _ change: @Sendable ([String]) -> [String]) async throws {
        try await database.transaction { sql in
            guard try await StaffDirectory.authorize(actor, .products, in: sql) != nil else { throw StaffProblem.unknown(actor.recorded) }
            let products = ProductRepository(sql)
            guard let product = try await products.find(sku: sku) else { throw ProductProblem.noSuchProduct(sku) }
            let files = change(product.images)
            guard files != product.images else { return }
            try await products.setImages(productID: product.id, files, now: now)
            try await StaffDirectory.audit(actor, action, sku, before: ["images": product.images.joined(separator: " ")],
                                           after: ["images": files.joined(separator: " ")], now: now, in: sql)
        }
        try await board.refresh()
    }

    /// A stored photo and its content type, by the name the shop's pages use; nil for any other name.
    public func image(named name: String) -> (bytes: Data, contentType: String)? {
        guard let kind = ProductImage.kind(ofStoredName: name), let data = FileManager.default.contents(atPath: imageStorage + "/" + name) else {
            return nil
        }
        return (data, kind.contentType)
    }

    /// Every product, published or not, by SKU.
    public func products() async throws -> [Product] {
        try await database.read { sql in try await ProductRepository(sql).all() }
    }

    public func product(sku: String) async throws -> Product? {
        try await database.read { sql in try await ProductRepository(sql).find(sku: sku) }
    }

    /// The prices `product` would have now, from the current accepted tick of its metal; nil without a fresh one.
    public func preview(_ product: Product, now: Date) -> ProductPrices? {
        guard let tick = board.snapshot.ticks[product.metal], board.snapshot.isFresh(product.metal, now: now) else { return nil }
        return PriceCalculator().prices(of: product, tick: tick)
    }

    /// Creates a product (with no stock; it is counted in) or changes an existing one with this SKU (its stock and
    /// publication stay). Recorded on the audit trail with the fields that changed; the catalogue is priced again.
    @discardableResult
    public func save(_ product: Product, by actor: Actor, now: Date) async throws -> Product {
        do throws(InvalidParameter) { try product.validate() } catch { throw ProductProblem.invalid(error) }
        let saved = try await database.transaction { sql -> Product in
            guard try await StaffDirectory.authorize(actor, .products, in: sql) != nil else { throw StaffProblem.unknown(actor.recorded) }
            let products = ProductRepository(sql)
            if let owner = try await products.sku(ofSlug: product.slug), owner != product.sku { throw ProductProblem.slugTaken(product.slug) }
            guard let existing = try await products.find(sku: product.sku) else {
                var created = product
                created.stock = 0
                created.published = false
                try await products.insert(created, now: now)
                try await StaffDirectory.audit(actor, "product.create", product.sku, after: Self.fields(created), now: now, in: sql)
                return created
            }
            var changed = product
            changed.id = existing.id
            changed.stock = existing.stock
            changed.published = existing.published
            try await products.update(changed, now: now)
            let (before, after) = (Self.fields(existing), Self.fields(changed))
            let differing = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            try await StaffDirectory.audit(actor, "product.update", product.sku, before: before.filter { differing.contains($0.key) },
                                           after: after.filter { differing.contains($0.key) }, now: now, in: sql)
            return changed
        }
        try await board.refresh()
        return saved
    }

    /// Lists a product in the shop or takes it out; false when there is no such SKU.
    public func setPublished(sku: String, _ published: Bool, by actor: Actor, now: Date) async throws -> Bool {
        let found = try await database.transaction { sql -> Bool in
            guard try await StaffDirectory.authorize(actor, .products, in: sql) != nil else { throw StaffProblem.unknown(actor.recorded) }
            guard try await ProductRepository(sql).setPublished(sku: sku, published, now: now) else { return false }
            try await StaffDirectory.audit(actor, published ? "product.publish" : "product.withdraw", sku, now: now, in: sql)
            return true
        }
        if found { try await board.refresh() }
        return found
    }

    /// What the audit trail records of a product.
    static func fields(_ p: Product) -> [String: String] {
        [
            "slug": p.slug, "name": p.name, "metal": p.metal.code, "form": p.form.rawValue, "grossGrams": p.grossGrams.plainString,
            "fineness": p.fineness.perMille.plainString, "mint": p.mint, "year": p.year.map(String.init) ?? "", "vat": p.vatRegime.rawValue,
            "tiers": p.premium.tiers.map { "\($0.minQuantity):\($0.percent.plainString)%+\($0.fixed.decimalString)" }.joined(separator: " "),
            "buyback": p.premium.buybackDiscountPercent.plainString + "%-" + p.premium.buybackFixedDiscount.decimalString,
            "featured": p.featured ? "yes" : "no",
        ]
    }
}
