import Foundation

/// How a catalogue listing is ordered.
public enum CatalogueSort: String, Sendable, CaseIterable, Hashable {
    case weight
    case price
    case priceDesc = "price_desc"
    case pricePerGram = "price_per_gram"
    case premium
    case name
}

/// A filter value a customer or client sent that cannot be used; names the parameter and the value.
public struct InvalidParameter: Error, Equatable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Filters, sorting and paging of the catalogue, shared by the shop pages and the API.
public struct CatalogueQuery: Sendable, Hashable {
    public static let defaultPerPage = 24
    public static let maxPerPage = 100

    public var metal: Metal?
    public var form: ProductForm?
    public var minFineGrams: Decimal?
    public var maxFineGrams: Decimal?
    public var mint: String?
    public var inStockOnly = false
    public var sort: CatalogueSort = .weight
    public var page = 1
    public var perPage = CatalogueQuery.defaultPerPage

    public init(metal: Metal? = nil, form: ProductForm? = nil, minFineGrams: Decimal? = nil,
                maxFineGrams: Decimal? = nil, mint: String? = nil, inStockOnly: Bool = false,
                sort: CatalogueSort = .weight, page: Int = 1, perPage: Int = CatalogueQuery.defaultPerPage) {
        self.metal = metal
        self.form = form
        self.minFineGrams = minFineGrams
        self.maxFineGrams = maxFineGrams
        self.mint = mint
        self.inStockOnly = inStockOnly
        self.sort = sort
        self.page = page
        self.perPage = perPage
    }

    /// Reads a query from URL parameters; empty values mean "no filter". Throws on the first bad value.
    public static func parse(_ parameters: [(name: String, value: String)]) throws(InvalidParameter) -> CatalogueQuery {
        var query = CatalogueQuery()
        for (name, raw) in parameters {
            let value = raw.trimmingCharacters(in: .whitespaces)
            if value.isEmpty { continue }
            let bad = InvalidParameter(name: name, value: raw)
            switch name {
            case "metal":
                guard let metal = Metal(rawValue: value.uppercased()) ?? Metal(slug: value) else { throw bad }
                query.metal = metal
            case "form":
                guard let form = ProductForm(rawValue: value) else { throw bad }
                query.form = form
            case "minWeight":
                guard let grams = Decimal.strict(value.replacingOccurrences(of: ",", with: ".")), grams >= 0 else { throw bad }
                query.minFineGrams = grams
            case "maxWeight":
                guard let grams = Decimal.strict(value.replacingOccurrences(of: ",", with: ".")), grams >= 0 else { throw bad }
                query.maxFineGrams = grams
            case "mint":
                guard value.count <= 100 else { throw bad }
                query.mint = value
            case "inStock":
                switch value.lowercased() {
                case "1", "true", "on", "yes": query.inStockOnly = true
                case "0", "false", "off", "no": query.inStockOnly = false
                default: throw bad
                }
            case "sort":
                guard let sort = CatalogueSort(rawValue: value) else { throw bad }
                query.sort = sort
            case "page":
                guard let page = Int(value), page >= 1, page <= 100_000 else { throw bad }
                query.page = page
            case "perPage":
                guard let perPage = Int(value), (1...maxPerPage).contains(perPage) else { throw bad }
                query.perPage = perPage
            default:
                continue  // unknown parameters (tracking tags and the like) are ignored, as any shop does
            }
        }
        // A minimum above the maximum is a question with no answer, not a wrong one: the page is empty.
        return query
    }

    /// The parameters that reproduce this query, without defaults, for links.
    public var parameters: [(name: String, value: String)] {
        var result: [(String, String)] = []
        if let metal { result.append(("metal", metal.code)) }
        if let form { result.append(("form", form.rawValue)) }
        if let minFineGrams { result.append(("minWeight", minFineGrams.plainString)) }
        if let maxFineGrams { result.append(("maxWeight", maxFineGrams.plainString)) }
        if let mint { result.append(("mint", mint)) }
        if inStockOnly { result.append(("inStock", "1")) }
        if sort != .weight { result.append(("sort", sort.rawValue)) }
        if perPage != CatalogueQuery.defaultPerPage { result.append(("perPage", String(perPage))) }
        if page != 1 { result.append(("page", String(page))) }
        return result
    }
}
