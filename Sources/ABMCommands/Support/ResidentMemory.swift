#if canImport(Glibc)
    import Glibc
#endif

/// Reads this process's resident memory, for the memory benchmark.
public enum ResidentMemory {
    /// Resident bytes now (Linux `/proc/self/statm`); 0 where unavailable.
    public static func bytes() -> Int {
        #if canImport(Glibc)
            guard let file = fopen("/proc/self/statm", "r") else { return 0 }
            defer { fclose(file) }
            var size = 0
            var resident = 0
            guard
                withUnsafeMutablePointer(
                    to: &size,
                    { sizePointer in
                        withUnsafeMutablePointer(to: &resident) { residentPointer in
                            withVaList([sizePointer, residentPointer]) { vfscanf(file, "%ld %ld", $0) }
                        }
                    }) == 2
            else { return 0 }
            return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
            return 0
        #endif
    }

    /// Returns freed heap memory to the system, so resident growth measures what is kept.
    public static func trim() {
        #if canImport(Glibc)
            // glibc's malloc_trim is not in Swift's Glibc module; look it up by name.
            typealias Trim = @convention(c) (Int) -> Int32
            if let symbol = dlsym(nil, "malloc_trim") {
                _ = unsafeBitCast(symbol, to: Trim.self)(0)
            }
        #endif
    }
}
