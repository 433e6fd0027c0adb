import ABMCore
import Foundation
import Testing

@testable import ABMReport

/// The sample's HTML report rendered by a real browser, headless Chromium: to a PNG that is not
/// blank, and printed to PDF on A4 and on Letter in at most two pages. Chromium is Debian's
/// `chromium` package (`apt-get install chromium`, in `.ci/run`); without it these tests fail
/// and say so.
@Suite("the HTML report in a real browser (headless Chromium)", .serialized)
struct BrowserRenderTests {
    @Test("it prints on at most two pages, on A4 and on Letter", arguments: ["A4", "letter"])
    func printsOnTwoPages(paper: String) throws {
        let browser = try Browser()
        defer { browser.remove() }
        let html = HTMLReport.render(HTMLReportTests.sample)
            .replacingOccurrences(of: "@page {", with: "@page { size: \(paper);")
        let pdf = try browser.printToPDF(html, name: "report-\(paper)")
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let pages = Browser.pageCount(pdf)
        #expect((1...2).contains(pages), "\(paper): \(pages) pages")
        let size = Browser.mediaBox(pdf)
        // A4 is 595 × 842 points, Letter 612 × 792.
        #expect(size == (paper == "A4" ? [595, 842] : [612, 792]), "\(paper): \(size)")
    }

    @Test("its screenshot is a page with content, not a blank one")
    func screenshotIsNotBlank() throws {
        let browser = try Browser()
        defer { browser.remove() }
        let report = try browser.screenshot(HTMLReport.render(HTMLReportTests.sample), name: "report")
        let blank = try browser.screenshot(
            "<!DOCTYPE html><html><head><title>blank</title></head><body></body></html>", name: "blank")
        #expect(Browser.pngSize(report) == [800, 1600])
        #expect(Browser.pngSize(blank) == [800, 1600])
        // A rendered page of text, tables and charts compresses far worse than a white one.
        #expect(report.count > 20 * blank.count, "report \(report.count) bytes, blank \(blank.count) bytes")
    }
}

/// Headless Chromium driven through its command line, in a temporary directory of its own.
struct Browser {
    let executable: String
    let directory: URL

    /// Finds Chromium (`chromium`, `chromium-browser`, `google-chrome`) or fails saying how to get it.
    init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let names = ["chromium", "chromium-browser", "google-chrome"]
        let paths =
            ["/usr/bin", "/usr/local/bin"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let found = names.lazy.flatMap { name in paths.map { "\($0)/\(name)" } }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        executable = try #require(
            found,
            """
            Chromium is not installed: these tests render the HTML report in a real browser. Install it \
            (apt-get install chromium; .ci/run does) and run them again
            """, sourceLocation: sourceLocation)
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("abmboard-browser-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Deletes the browser's temporary directory.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// `html` printed to PDF (the page's own @page size, no header or footer): the file's bytes.
    func printToPDF(_ html: String, name: String) throws -> [UInt8] {
        let output = directory.appendingPathComponent("\(name).pdf")
        try run(html, name: name, ["--no-pdf-header-footer", "--print-to-pdf=\(output.path)"])
        return Array(try Data(contentsOf: output))
    }

    /// `html` as an 800 × 1600 screenshot: the PNG's bytes.
    func screenshot(_ html: String, name: String) throws -> [UInt8] {
        let output = directory.appendingPathComponent("\(name).png")
        try run(html, name: name, ["--hide-scrollbars", "--window-size=800,1600", "--screenshot=\(output.path)"])
        if let keep = ProcessInfo.processInfo.environment["ABMBOARD_KEEP_SCREENSHOTS"] {
            try? FileManager.default.copyItem(atPath: output.path, toPath: keep + "/\(name).png")
        }
        return Array(try Data(contentsOf: output))
    }

    /// Writes the page and runs the browser on it, at most 120 s.
    private func run(_ html: String, name: String, _ arguments: [String]) throws {
        let page = directory.appendingPathComponent("\(name).html")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--user-data-dir=\(directory.appendingPathComponent("profile-\(name)").path)",
            ] + arguments + [page.absoluteString]
        let log = directory.appendingPathComponent("\(name).log")
        try Data().write(to: log)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            Issue.record("\(executable) did not finish within 120 s")
        }
        process.waitUntilExit()
        let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(executable) exited \(process.terminationStatus): \(said)")
    }

    /// The number of page objects (`/Type /Page`, not `/Pages`) in a PDF.
    static func pageCount(_ pdf: [UInt8]) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
    }

    /// The first page's MediaBox width and height, rounded to points.
    static func mediaBox(_ pdf: [UInt8]) -> [Int] {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let range = text.range(of: "/MediaBox [") else { return [] }
        let numbers = text[range.upperBound...].prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 4 else { return [] }
        return [Int((numbers[2] - numbers[0]).rounded()), Int((numbers[3] - numbers[1]).rounded())]
    }

    /// A PNG's width and height from its IHDR chunk.
    static func pngSize(_ png: [UInt8]) -> [Int] {
        guard png.count > 24, png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return [] }
        func word(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return [word(16), word(20)]
    }
}
