import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The report's HTML read back with an XML parser: it must be well-formed, and what it holds
/// can be looked up (text, `data-figure` cells, chart rectangles).
final class XMLScan: NSObject, XMLParserDelegate {
    /// Every element's name and attributes, in document order.
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    /// All character data, concatenated.
    private(set) var text = ""
    /// The text of each element with a `data-figure` attribute, by that attribute.
    private(set) var figures: [String: String] = [:]
    /// The parser's error, if the document is not well-formed.
    private(set) var error: Error?

    private var openFigure: String?

    /// Parses `html`; `error` is set when it is not well-formed XML.
    init(_ html: String) {
        super.init()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? error }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        elements.append((elementName, attributes))
        if let figure = attributes["data-figure"] {
            openFigure = figure
            figures[figure] = ""
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        openFigure = nil
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        if let openFigure { figures[openFigure, default: ""] += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    /// The elements named `name` that have attribute `key`.
    func elements(_ name: String, with key: String) -> [[String: String]] {
        elements.filter { $0.name == name && $0.attributes[key] != nil }.map(\.attributes)
    }
}
