// swift-tools-version: 6.1
//
// abmboard — the weekly account-based-marketing review board.
// The module graph (see ARCHITECTURE.md): ABMCore (the pure engine) ← ABMImport ← ABMStore (the
// store protocol, no database) ← ABMSQLiteStore (GRDB) and ABMPostgresStore (postgres-nio);
// ABMCore ← ABMBoardUI (screen buffer, views, reducer: pure) ← ABMTerminal (the only ncurses
// code, through CNcursesw); ABMCore ← ABMReport (the weekly report: pure rendering); all of them
// ← ABMCommands ← abmboard.

import PackageDescription

/// Our own targets compile warning-free; keep them so (STYLE: warnings as errors once clean).
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "abmboard",
    products: [
        .executable(name: "abmboard", targets: ["abmboard"]),
        .library(name: "ABMCore", targets: ["ABMCore"]),
    ],
    dependencies: [
        // TOML parsing for the playbook, the themes and the config file: a well-kept wrapper over
        // toml++, so we do not write a TOML parser of our own.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The command line: subcommands, options, help and usage errors (exit 64).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The embedded store: SQLite with migrations, WAL, pools of readers and a busy timeout.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The team store: PostgreSQL's wire protocol with LISTEN/NOTIFY and COPY FROM STDIN.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Named for their products postgres-nio already brings: the event loops, TLS, logging.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The engine: domain model, playbook, rules, scores, marks, health, generator. No I/O.
        .target(
            name: "ABMCore",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        // CSV files → validated, typed rows (SPEC §1). Pure: bytes in, rows or problems out.
        .target(name: "ABMImport", dependencies: ["ABMCore"], swiftSettings: strict),
        // The store protocol and its values: what the commands and the board see of a store, and
        // the block codecs both stores share. Imports no database.
        .target(name: "ABMStore", dependencies: ["ABMCore", "ABMImport"], swiftSettings: strict),
        // The embedded store: one SQLite file through GRDB.
        .target(
            name: "ABMSQLiteStore",
            dependencies: [
                "ABMCore", "ABMImport", "ABMStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // Raw sqlite3_bind_* on GRDB's statements for the bulk insert of touch keys.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The team store: PostgreSQL through postgres-nio, with roles the database enforces.
        .target(
            name: "ABMPostgresStore",
            dependencies: [
                "ABMCore", "ABMImport", "ABMStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The ncurses C library with a shim header (wide characters, macros Swift cannot import).
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        // The board's screens as pure code: screen buffer, text for people, views, key map, reducer.
        // TOMLKit reads the themes and the config file (`themes/*.toml`, `config.toml`).
        .target(
            name: "ABMBoardUI",
            dependencies: ["ABMCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        // The only code that touches ncurses: start and restore the terminal, keys, colours, and
        // drawing a screen buffer by its difference from the last one drawn.
        .target(name: "ABMTerminal", dependencies: ["ABMBoardUI", "CNcursesw"], swiftSettings: strict),
        // The weekly report (Markdown, HTML with inline SVG) as pure rendering of the engine's numbers.
        .target(name: "ABMReport", dependencies: ["ABMCore"], swiftSettings: strict),
        // The ParsableCommands, a library so tests can reach them.
        .target(
            name: "ABMCommands",
            dependencies: [
                "ABMCore", "ABMImport", "ABMStore", "ABMSQLiteStore", "ABMPostgresStore", "ABMBoardUI", "ABMTerminal",
                "ABMReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // main.swift only.
        .executableTarget(name: "abmboard", dependencies: ["ABMCommands"], swiftSettings: strict),
        // The fuzzer's targets, one per parser (scripts/fuzz.sh builds it with libFuzzer); an
        // ordinary build replays saved inputs. It leaves out the stores and the command line, so a
        // fuzzing build does not instrument SwiftNIO and PostgreSQL's client.
        .executableTarget(
            name: "abmboard-fuzz", dependencies: ["ABMCore", "ABMImport", "ABMBoardUI", "ABMTerminal"],
            swiftSettings: strict),
        // What several test targets share: the programme fixture, test times, golden files.
        .target(name: "ABMTestSupport", dependencies: ["ABMCore"], path: "Tests/ABMTestSupport", swiftSettings: strict),
        .testTarget(name: "ABMCoreTests", dependencies: ["ABMCore", "ABMTestSupport"], swiftSettings: strict),
        .testTarget(name: "ABMImportTests", dependencies: ["ABMImport"], swiftSettings: strict),
        .testTarget(
            name: "ABMStoreTests",
            dependencies: ["ABMStore", "ABMSQLiteStore", "ABMPostgresStore", "ABMImport", "ABMTestSupport"],
            swiftSettings: strict),
        // Golden screens are read from beside the tests (`#filePath`), not bundled.
        .testTarget(
            name: "ABMBoardUITests", dependencies: ["ABMBoardUI", "ABMTestSupport"], exclude: ["Golden"],
            swiftSettings: strict),
        // Golden reports are read from beside the tests (`#filePath`), not bundled.
        .testTarget(
            name: "ABMReportTests", dependencies: ["ABMReport", "ABMTestSupport"], exclude: ["Golden"],
            swiftSettings: strict),
        .testTarget(
            name: "ABMCommandsTests",
            dependencies: ["ABMCommands", "ABMStore", "ABMSQLiteStore", "ABMBoardUI", "ABMTestSupport"],
            exclude: ["Help"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
