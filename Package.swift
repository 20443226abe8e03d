// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Waymark",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // 4.x: its modules import FoundationEssentials where it exists, not all of Foundation.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "CTerminalGuard"),
        // Optimized even in debug builds: the test suite walks the core through a million
        // random steps (docs/DECISIONS.md, entry 18).
        .target(name: "WaymarkText", swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "WaymarkWidgets", dependencies: ["WaymarkText"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "WaymarkCore", dependencies: ["WaymarkText", "WaymarkWidgets"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "WaymarkContent", dependencies: ["WaymarkCore", "WaymarkText"]),
        .target(name: "WaymarkUI", dependencies: ["WaymarkCore", "WaymarkText", "WaymarkWidgets"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "WaymarkStore", dependencies: [
            "WaymarkCore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CryptoExtras", package: "swift-crypto"),  // scrypt
        ]),
        .target(name: "WaymarkTerminal", dependencies: ["WaymarkCore", "WaymarkText", "WaymarkWidgets", "WaymarkUI", "CNcursesW", "CTerminalGuard"]),
        .executableTarget(
            name: "waymark",
            dependencies: [
                "WaymarkCore", "WaymarkText", "WaymarkWidgets", "WaymarkContent", "WaymarkUI", "WaymarkTerminal", "WaymarkStore", "CWipeOnFree",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks/run: the pure render benchmark (docs/PERFORMANCE.md).
        // Zeroes freed heap memory; only in the program (docs/DECISIONS.md, entry 28).
        .target(name: "CWipeOnFree"),
        .executableTarget(name: "waymark-bench", dependencies: ["WaymarkCore", "WaymarkText", "WaymarkWidgets", "WaymarkContent", "WaymarkUI"]),
        .target(name: "TestSupport", dependencies: ["WaymarkCore", "WaymarkText", "WaymarkWidgets", "WaymarkContent"], path: "Tests/TestSupport"),
        .testTarget(name: "WaymarkTextTests", dependencies: ["WaymarkText", "TestSupport"]),
        .testTarget(name: "WaymarkWidgetsTests", dependencies: ["WaymarkWidgets", "WaymarkText"]),
        .testTarget(name: "WaymarkCoreTests", dependencies: ["WaymarkCore", "WaymarkText", "WaymarkWidgets", "TestSupport"]),
        // Yams only in tests: it checks that the run-time YAML reader reads files as YAML does.
        .testTarget(name: "WaymarkContentTests", dependencies: ["WaymarkContent", "WaymarkText", "TestSupport", "Yams"]),
        .testTarget(name: "WaymarkUITests", dependencies: ["WaymarkUI", "WaymarkText", "WaymarkWidgets", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "WaymarkStoreTests", dependencies: ["WaymarkStore", "WaymarkCore", "TestSupport"]),
        .testTarget(name: "WaymarkTerminalTests", dependencies: ["WaymarkTerminal", "WaymarkCore", "WaymarkWidgets", "WaymarkUI", "CTerminalGuard", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "WaymarkStore", "WaymarkCore"]),
    ],
    swiftLanguageModes: [.v6]
)
