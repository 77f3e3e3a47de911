// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Conch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "conch", targets: ["conch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "ConchKit", dependencies: ["TOMLKit"]),
        .executableTarget(name: "RuleDocsGenerator"),
        .plugin(name: "EmbedRuleDocs", capability: .buildTool(), dependencies: ["RuleDocsGenerator"]),
        .target(name: "ConchRules", dependencies: ["ConchKit"], plugins: ["EmbedRuleDocs"]),
        .target(name: "ConchDriver", dependencies: ["ConchC", "ConchKit", "ConchPython", "ConchRules"]),
        .target(name: "ConchReporters", dependencies: ["ConchKit"]),
        .target(name: "ConchServer", dependencies: ["ConchKit", "ConchDriver", "ConchRules"]),
        .target(name: "CLibClang"),
        // libclang is opened with dlopen at run time, never linked: Python-only users need none.
        .target(
            name: "ConchC",
            dependencies: ["ConchKit", "CLibClang"],
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "conch",
            dependencies: [
                "ConchKit",
                "ConchDriver",
                "ConchPython",
                "ConchReporters",
                "ConchRules",
                "ConchServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "ConchPython", dependencies: ["ConchKit"]),
        .executableTarget(name: "conch-bench", dependencies: ["ConchKit", "ConchPython"]),
        .testTarget(name: "ConchKitTests", dependencies: ["ConchKit"]),
        .testTarget(name: "ConchCLITests", dependencies: ["conch"]),
        .testTarget(name: "ConchDriverTests", dependencies: ["ConchDriver", "ConchKit", "ConchRules"]),
        .testTarget(name: "ConchReportersTests", dependencies: ["ConchReporters", "ConchKit"]),
        .testTarget(name: "ConchPythonTests", dependencies: ["ConchKit", "ConchPython"]),
        .testTarget(name: "ConchCTests", dependencies: ["ConchC", "ConchKit"]),
        .testTarget(name: "ConchServerTests", dependencies: ["ConchServer", "ConchKit", "conch"]),
    ],
    swiftLanguageModes: [.v6]
)
