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
        .executableTarget(
            name: "conch",
            dependencies: [
                "ConchKit",
                "ConchPython",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "ConchPython", dependencies: ["ConchKit"]),
        .executableTarget(name: "conch-bench", dependencies: ["ConchKit", "ConchPython"]),
        .testTarget(name: "ConchKitTests", dependencies: ["ConchKit"]),
        .testTarget(name: "ConchPythonTests", dependencies: ["ConchKit", "ConchPython"]),
    ],
    swiftLanguageModes: [.v6]
)
