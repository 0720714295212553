// swift-tools-version:6.0
// Zouban benchmarks: kept out of the main package so that they never enter its build or tests.
import Foundation
import PackageDescription

/// A path dependency's identity is its directory's name, whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "ZoubanBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(
      name: "zouban-bench",
      dependencies: [
        .product(name: "Zouban", package: root),
        .product(name: "ZoubanGenerator", package: root),
      ])
  ]
)
