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
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ConchKitTests", dependencies: ["ConchKit"]),
        .testTarget(name: "ConchCTests", dependencies: ["ConchC", "ConchKit"]),
    ],
    swiftLanguageModes: [.v6]
)
