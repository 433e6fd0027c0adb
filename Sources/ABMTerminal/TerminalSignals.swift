import CNcursesw
import Glibc

/// Signal handling for the terminal: SIGINT, SIGTERM and SIGHUP set a flag the key loop checks
/// (so the terminal is restored outside the handler); a crash signal restores the terminal
/// and re-raises, so the shell is left usable.
enum TerminalSignals {
    /// Set to non-zero by a termination signal.
    nonisolated(unsafe) static var requested: sig_atomic_t = 0
    /// Whether curses mode is on (the crash handler restores only then).
    nonisolated(unsafe) static var running = false

    static func install() {
        running = true
        // A parent may have blocked them (the mask is inherited): unblock, or they would stay
        // pending and the board would never leave.
        var termination = sigset_t()
        sigemptyset(&termination)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(signal) { received in TerminalSignals.requested = received }
            sigaddset(&termination, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &termination, nil)
        for signal in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] {
            Glibc.signal(signal) { received in
                if TerminalSignals.running { endwin() }
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
