// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CommissioningLedger",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cledger", targets: ["cledger"]),
        .library(name: "LedgerStore", targets: ["LedgerStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // The C library, through Debian's liblmdb-dev (pkg-config `lmdb`).
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        // SHA-256, through Debian's libssl-dev (pkg-config `libcrypto`).
        .systemLibrary(
            name: "CLibcrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The only code that calls LMDB: the append-only, hash-chained event log.
        .target(
            name: "LedgerStore",
            dependencies: ["CLMDB", "CLibcrypto"]
        ),
        // The domain: events, commands, fund rules, decisions, errors.
        .target(
            name: "Commissioning",
            dependencies: ["LedgerStore"]
        ),
        // Read models folded from the events, and the reports built on them.
        .target(
            name: "Projections",
            dependencies: ["Commissioning", "LedgerStore"],
            path: "Projections"
        ),
        .executableTarget(
            name: "cledger",
            dependencies: [
                "Commissioning",
                "Projections",
                "DemoHistory",
                "LedgerStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The demo's commissioning history (`cledger demo`).
        .target(
            name: "DemoHistory",
            dependencies: ["Commissioning", "LedgerStore"],
            path: "Tools/DemoHistory"
        ),
        // Appends synthetic events for the crash, concurrency and growth tests.
        .executableTarget(
            name: "ledger-writer",
            dependencies: ["LedgerStore"],
            path: "Tools/LedgerWriter"
        ),
        // The plain C loop of mdb_put that the benchmark measures the store against.
        .target(
            name: "BenchCeiling",
            dependencies: ["CLMDB"],
            path: "Tools/BenchCeiling"
        ),
        .executableTarget(
            name: "cledger-bench",
            dependencies: [
                "LedgerStore",
                "Commissioning",
                "Projections",
                "DemoHistory",
                "BenchCeiling",
            ],
            path: "Tools/Bench"
        ),
        // What the tests that damage data.mdb on purpose share: a reader of LMDB's pages.
        .target(
            name: "LedgerTestSupport",
            path: "Tests/LedgerTestSupport"
        ),
        .testTarget(
            name: "LedgerStoreTests",
            dependencies: ["LedgerStore", "LedgerTestSupport", "DemoHistory"]
        ),
        .testTarget(
            name: "CommissioningTests",
            dependencies: ["Commissioning", "LedgerStore"]
        ),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: ["Projections", "DemoHistory", "Commissioning", "LedgerStore"]
        ),
        .testTarget(
            name: "DemoHistoryTests",
            dependencies: ["DemoHistory", "Commissioning", "LedgerStore"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "Commissioning", "DemoHistory", "LedgerStore", "LedgerTestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
