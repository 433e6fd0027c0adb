// swift-tools-version: 6.1
//
// abmboard — the weekly account-based-marketing review board.
// The module graph (see ARCHITECTURE.md): ABMCore (the pure engine) ← ABMCommands ← abmboard.
// Later modules (store, import, terminal, views) plug in around ABMCore without it knowing them.

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
        // TOML parsing for the playbook: a well-kept wrapper over toml++, so we do not write a
        // TOML parser of our own.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The command line: subcommands, options, help and usage errors (exit 64).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The engine: domain model, playbook, rules, scores, marks, health, generator. No I/O.
        .target(
            name: "ABMCore",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        // The ParsableCommands, a library so tests can reach them.
        .target(
            name: "ABMCommands",
            dependencies: [
                "ABMCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // main.swift only.
        .executableTarget(name: "abmboard", dependencies: ["ABMCommands"], swiftSettings: strict),
        .testTarget(name: "ABMCoreTests", dependencies: ["ABMCore"], swiftSettings: strict),
        .testTarget(name: "ABMCommandsTests", dependencies: ["ABMCommands"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
