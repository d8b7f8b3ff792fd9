import Foundation

/// One entry of the EU consolidated financial sanctions list: a person or an organisation with its names (aliases),
/// birth dates (`1962-08-03`, or a year alone) and citizenships.
public struct SanctionEntity: Sendable, Hashable {
    /// The list's `logicalId`.
    public var id: String
    public var subjectType: String
    public var programme: String
    public var names: [String]
    public var birthDates: [String]
    public var citizenships: [String]

    public init(id: String, subjectType: String, programme: String, names: [String], birthDates: [String], citizenships: [String]) {
        self.id = id
        self.subjectType = subjectType
        self.programme = programme
        self.names = names
        self.birthDates = birthDates
        self.citizenships = citizenships
    }
}

/// A name that may be on the list: which entry, which of its names, how similar, and why.
public struct SanctionMatch: Sendable, Hashable {
    public var entityID: String
    public var alias: String
    public var score: Double
    public var explanation: String

    public init(entityID: String, alias: String, score: Double, explanation: String) {
        self.entityID = entityID
        self.alias = alias
        self.score = score
        self.explanation = explanation
    }
}

/// The active list, indexed for screening: every alias as a `NameMatching.key`, found by the first two letters of
/// its words so a name is compared with the few aliases that could be it, not with all of them.
public struct SanctionScreen: Sendable {
    struct Alias: Sendable {
        var entity: Int
        var name: String
        var key: String
    }

    public let entities: [SanctionEntity]
    let aliases: [Alias]
    let byPrefix: [String: [Int]]

    /// Similarity from which a name counts as a possible match, unless configured.
    public static let standardThreshold = 0.9

    public init(entities: [SanctionEntity]) {
        self.entities = entities
        var aliases: [Alias] = []
        var byPrefix: [String: [Int]] = [:]
        for (index, entity) in entities.enumerated() {
            for name in entity.names {
                let key = NameMatching.key(name)
                guard !key.isEmpty else { continue }
                for prefix in Set(Self.prefixes(key)) { byPrefix[prefix, default: []].append(aliases.count) }
                aliases.append(Alias(entity: index, name: name, key: key))
            }
        }
        self.aliases = aliases
        self.byPrefix = byPrefix
    }

    static func prefixes(_ key: String) -> [String] { key.split(separator: " ").map { String($0.prefix(2)) } }

    /// The entries `name` may be, best first, one per entry. Birth dates move the score where both sides have one:
    /// the same day +0.05, another year −0.15 (the same year, or a year-only entry of that year, leaves it).
    public func screen(name: String, birthDate: String? = nil, threshold: Double = SanctionScreen.standardThreshold) -> [SanctionMatch] {
        let key = NameMatching.key(name)
        guard !key.isEmpty else { return [] }
        let candidates = Set(Self.prefixes(key).flatMap { byPrefix[$0] ?? [] })
        var best: [Int: SanctionMatch] = [:]
        for index in candidates {
            let alias = aliases[index]
            let similarity = NameMatching.jaroWinkler(key, alias.key)
            guard similarity >= threshold - 0.05 else { continue }
            let entity = entities[alias.entity]
            var score = similarity
            var reason = "name \(String(format: "%.2f", similarity))"
            if let birthDate, !entity.birthDates.isEmpty {
                if entity.birthDates.contains(birthDate) {
                    score += 0.05
                    reason += ", same birth date"
                } else if !entity.birthDates.contains(where: { birthDate.hasPrefix(String($0.prefix(4))) }) {
                    score -= 0.15
                    reason += ", other birth year"
                }
            }
            score = min(1, score)
            guard score >= threshold, score > (best[alias.entity]?.score ?? 0) else { continue }
            best[alias.entity] = SanctionMatch(entityID: entity.id, alias: alias.name, score: score,
                                               explanation: "\(alias.name) (\(entity.id), \(entity.programme)): \(reason)")
        }
        return best.values.sorted { $0.score > $1.score || ($0.score == $1.score && $0.entityID < $1.entityID) }
    }
}
