import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TresorCore

/// A list that cannot be imported, with the line where reading stopped.
public struct SanctionListProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { "line \(line): \(reason)" }
}

/// Reads the EU consolidated financial sanctions list in its official XML export (namespace
/// `http://eu.europa.ec/fpi/fsd/export`) with Foundation's streaming parser: element by element from a file or
/// bytes, keeping only each entry's names, birth dates, citizenships and programme, never the document's tree.
public enum SanctionListParser {
    public static let namespace = "http://eu.europa.ec/fpi/fsd/export"

    public struct Parsed: Sendable {
        public var entities: [SanctionEntity]
        /// The export's `generationDate`, as written.
        public var generated: String
    }

    public static func parse(file path: String) throws(SanctionListProblem) -> Parsed {
        guard let stream = InputStream(fileAtPath: path) else { throw SanctionListProblem(line: 0, reason: "cannot read \(path)") }
        return try parse(XMLParser(stream: stream))
    }

    public static func parse(_ data: Data) throws(SanctionListProblem) -> Parsed {
        try parse(XMLParser(data: data))
    }

    static func parse(_ parser: XMLParser) throws(SanctionListProblem) -> Parsed {
        let delegate = Delegate()
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let problem = delegate.problem { throw problem }
        guard ok else {
            throw SanctionListProblem(line: parser.lineNumber, reason: "not well-formed XML"
                                      + (parser.parserError.map { " (\($0.localizedDescription))" } ?? ""))
        }
        guard delegate.sawExport else { throw SanctionListProblem(line: 1, reason: "not the EU consolidated sanctions list (\(namespace))") }
        guard !delegate.entities.isEmpty else { throw SanctionListProblem(line: parser.lineNumber, reason: "the list has no sanctionEntity") }
        return Parsed(entities: delegate.entities, generated: delegate.generated)
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var entities: [SanctionEntity] = []
        var current: SanctionEntity?
        var sawExport = false
        var generated = ""
        var problem: SanctionListProblem?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard problem == nil else { return }
            if elementName == "export" {
                guard namespaceURI == SanctionListParser.namespace else {
                    problem = SanctionListProblem(line: parser.lineNumber, reason: "not the EU consolidated sanctions list (\(SanctionListParser.namespace))")
                    parser.abortParsing()
                    return
                }
                sawExport = true
                generated = attributes["generationDate"] ?? ""
                return
            }
            guard sawExport, namespaceURI == SanctionListParser.namespace else { return }
            switch elementName {
            case "sanctionEntity":
                guard let id = attributes["logicalId"], !id.isEmpty else {
                    problem = SanctionListProblem(line: parser.lineNumber, reason: "sanctionEntity without logicalId")
                    parser.abortParsing()
                    return
                }
                current = SanctionEntity(id: id, subjectType: "", programme: "", names: [], birthDates: [], citizenships: [])
            case "subjectType": current?.subjectType = attributes["code"] ?? ""
            case "regulation": if current?.programme.isEmpty == true { current?.programme = attributes["programme"] ?? "" }
            case "nameAlias":
                if let name = attributes["wholeName"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty,
                   current?.names.contains(name) == false {
                    current?.names.append(name)
                }
            case "birthdate":
                if let day = attributes["birthdate"], !day.isEmpty {
                    current?.birthDates.append(day)
                } else if let year = attributes["year"], !year.isEmpty {
                    current?.birthDates.append(year)
                }
            case "citizenship":
                if let country = attributes["countryIso2Code"], !country.isEmpty, current?.citizenships.contains(country) == false {
                    current?.citizenships.append(country)
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard elementName == "sanctionEntity", let entity = current else { return }
            if !entity.names.isEmpty { entities.append(entity) }
            current = nil
        }
    }
}
