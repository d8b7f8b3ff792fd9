import Foundation
import SQLKit
import TresorCore

/// Reads and writes products with their premium tiers, on the session it is given.
public struct ProductRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Every product with its tiers, in SKU order; only the published ones when `publishedOnly` (the catalogue).
    public func all(publishedOnly: Bool = false) async throws -> [Product] {
        let tierRows = try await sql.rows("""
            SELECT product_id, min_quantity, percent, fixed_cents FROM premium_tiers ORDER BY product_id, min_quantity
            """)
        var tiers: [UUID: [PremiumTier]] = [:]
        for row in tierRows {
            tiers[try row.uuid("product_id"), default: []].append(
                PremiumTier(minQuantity: try row.int("min_quantity"), percent: try row.decimal("percent"),
                            fixed: try row.money("fixed_cents")))
        }
        var images: [UUID: [String]] = [:]
        for row in try await sql.rows("SELECT product_id, file FROM product_images ORDER BY product_id, position") {
            images[try row.uuid("product_id"), default: []].append(try row.string("file"))
        }
        let filter: SQLQueryString = publishedOnly ? "WHERE published = \(bind: true)" : ""
        return try await sql.rows("SELECT * FROM products \(filter) ORDER BY sku").map { row in
            let id = try row.uuid("id")
            return try Self.product(row, tiers: tiers[id] ?? [], images: images[id] ?? [])
        }
    }

    public func count() async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM products").first?.int("n") ?? 0
    }

    public func find(sku: String) async throws -> Product? {
        guard let row = try await sql.rows("SELECT * FROM products WHERE sku = \(bind: sku)").first else { return nil }
        let id = try row.uuid("id")
        let tiers = try await sql.rows("""
            SELECT min_quantity, percent, fixed_cents FROM premium_tiers WHERE product_id = \(bind: id) ORDER BY min_quantity
            """).map { PremiumTier(minQuantity: try $0.int("min_quantity"), percent: try $0.decimal("percent"),
                            fixed: try $0.money("fixed_cents")) }
        return try Self.product(row, tiers: tiers, images: try await images(productID: id))
    }

    /// Changes everything of a product but its id, stock (counted, `StockRepository`) and publication; its tiers are
    /// replaced.
    public func update(_ product: Product, now: Date) async throws {
        try await sql.execute("""
            UPDATE products SET slug = \(bind: product.slug), name = \(bind: product.name), metal = \(bind: product.metal.code),
                form = \(bind: product.form.rawValue), gross_grams = \(bind: product.grossGrams.plainString),
                fineness = \(bind: product.fineness.perMille.plainString), mint = \(bind: product.mint), year = \(bind: product.year),
                vat_regime = \(bind: product.vatRegime.rawValue),
                buyback_discount_percent = \(bind: product.premium.buybackDiscountPercent.plainString),
                buyback_fixed_cents = \(bind: product.premium.buybackFixedDiscount.cents), featured = \(bind: product.featured),
                description_de = \(bind: product.descriptionDE), description_en = \(bind: product.descriptionEN), updated_at = \(bind: now)
            WHERE id = \(bind: product.id)
            """)
        try await sql.execute("DELETE FROM premium_tiers WHERE product_id = \(bind: product.id)")
        try await insertTiers(product)
    }

    /// Publishes or withdraws a product; false when there is no such SKU.
    public func setPublished(sku: String, _ published: Bool, now: Date) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE products SET published = \(bind: published), updated_at = \(bind: now) WHERE sku = \(bind: sku) RETURNING id
            """)).isEmpty
    }

    /// The SKU of the product at this address, if any.
    public func sku(ofSlug slug: String) async throws -> String? {
        try await sql.rows("SELECT sku FROM products WHERE slug = \(bind: slug)").first.map { try $0.string("sku") }
    }

    /// A product's photos in their order.
    public func images(productID: UUID) async throws -> [String] {
        try await sql.rows("SELECT file FROM product_images WHERE product_id = \(bind: productID) ORDER BY position").map { try $0.string("file") }
    }

    /// Replaces a product's photos with `files` in this order (a product row is locked by the caller's transaction
    /// through its update), and marks the product changed so the catalogue is priced again.
    public func setImages(productID: UUID, _ files: [String], now: Date) async throws {
        try await sql.execute("DELETE FROM product_images WHERE product_id = \(bind: productID)")
        for (position, file) in files.enumerated() {
            try await sql.execute("""
                INSERT INTO product_images (product_id, position, file) VALUES (\(bind: productID), \(bind: position), \(bind: file))
                """)
        }
        try await sql.execute("UPDATE products SET updated_at = \(bind: now) WHERE id = \(bind: productID)")
    }

    func insertTiers(_ product: Product) async throws {
        for tier in product.premium.tiers {
            try await sql.execute("""
                INSERT INTO premium_tiers (product_id, min_quantity, percent, fixed_cents) VALUES (\(bind: product.id),
                    \(bind: tier.minQuantity), \(bind: tier.percent.plainString), \(bind: tier.fixed.cents))
                """)
        }
    }

    public func insert(_ product: Product, now: Date) async throws {
        try await sql.execute("""
            INSERT INTO products (id, sku, slug, name, metal, form, gross_grams, fineness, mint, year, vat_regime,
                buyback_discount_percent, buyback_fixed_cents, stock, featured, description_de, description_en,
                published, created_at, updated_at)
            VALUES (\(bind: product.id), \(bind: product.sku), \(bind: product.slug), \(bind: product.name), \(bind: product.metal.code),
                \(bind: product.form.rawValue), \(bind: product.grossGrams.plainString), \(bind: product.fineness.perMille.plainString),
                \(bind: product.mint), \(bind: product.year), \(bind: product.vatRegime.rawValue),
                \(bind: product.premium.buybackDiscountPercent.plainString), \(bind: product.premium.buybackFixedDiscount.cents),
                \(bind: product.stock), \(bind: product.featured), \(bind: product.descriptionDE), \(bind: product.descriptionEN),
                \(bind: product.published), \(bind: now), \(bind: now))
            """)
        try await insertTiers(product)
    }

    static func product(_ row: any SQLRow, tiers: [PremiumTier], images: [String]) throws -> Product {
        guard let fineness = Fineness(perMille: try row.decimal("fineness")) else {
            throw CorruptRow(description: "fineness out of range")
        }
        let premium: PremiumRule
        do {
            premium = try PremiumRule(tiers: tiers, buybackDiscountPercent: try row.decimal("buyback_discount_percent"),
                                      buybackFixedDiscount: try row.money("buyback_fixed_cents"))
        } catch {
            throw CorruptRow(description: "premium rule of \(try row.string("sku")): \(error)")
        }
        return Product(id: try row.uuid("id"), sku: try row.string("sku"), slug: try row.string("slug"),
                       name: try row.string("name"), metal: try row.enumValue("metal", as: Metal.self),
                       form: try row.enumValue("form", as: ProductForm.self), grossGrams: try row.decimal("gross_grams"),
                       fineness: fineness, mint: try row.string("mint"), year: try row.optionalInt("year"),
                       vatRegime: try row.enumValue("vat_regime", as: VatRegime.self), premium: premium,
                       stock: try row.int("stock"), featured: try row.bool("featured"),
                       descriptionDE: try row.string("description_de"), descriptionEN: try row.string("description_en"),
                       published: try row.bool("published"), images: images)
    }
}
