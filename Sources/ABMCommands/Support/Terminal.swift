import Foundation

/// Writes one line to standard error.
func writeError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Whether standard error is a terminal (progress is shown only then).
func standardErrorIsTerminal() -> Bool { isatty(2) == 1 }

/// Writes text to standard output as it is.
func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes bytes to standard output.
func writeOutput(bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
}

/// Ends the process with `status`.
func exit(_ status: Int32) -> Never {
    Foundation.exit(status)
}
