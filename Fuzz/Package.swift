// swift-tools-version:6.0
// Fuzz targets for Zouban's readers, outside the main build (libFuzzer flags stay here).
import Foundation
import PackageDescription

/// A path dependency's identity is its directory's name, whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "ZoubanFuzz",
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(
      name: "zouban-fuzz",
      dependencies: [.product(name: "Zouban", package: root)],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
  ]
)
