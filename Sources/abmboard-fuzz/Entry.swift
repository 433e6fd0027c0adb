import Foundation

// The fuzzer's entry (built with `scripts/fuzz.sh`: `-sanitize=fuzzer,address -DFUZZING`),
// or, in an ordinary build, a replayer: `abmboard-fuzz TARGET FILE…` runs each file through the
// target, so a crash the fuzzer saved can be reproduced in the debugger or a test.

/// The target `ABMBOARD_FUZZ_TARGET` names (set by `scripts/fuzz.sh`).
let selected: FuzzTarget? = ProcessInfo.processInfo.environment["ABMBOARD_FUZZ_TARGET"].flatMap(FuzzTarget.init)

#if FUZZING
    /// libFuzzer's callback: one input through the selected target.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        guard let selected else {
            FileHandle.standardError.write(Data("set ABMBOARD_FUZZ_TARGET to one of \(FuzzTarget.names)\n".utf8))
            exit(64)
        }
        selected.run(UnsafeBufferPointer(start: data, count: size))
        return 0
    }
#else
    /// Replays files through a target.
    @main enum Replay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                FileHandle.standardError.write(
                    Data("usage: abmboard-fuzz TARGET FILE…  (TARGET: \(FuzzTarget.names))\n".utf8))
                exit(64)
            }
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("\(path): cannot be read\n".utf8))
                    exit(66)
                }
                data.withUnsafeBytes { raw in target.run(raw.bindMemory(to: UInt8.self)) }
                print("\(path): ok")
            }
        }
    }
#endif

extension FuzzTarget {
    /// Every target's name, for messages.
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
