// swift-tools-version:6.0
// Zouban — after-school elective timetabling with GLPK. GPL-3.0-or-later.
import PackageDescription

let package = Package(
  name: "Zouban",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "zouban", targets: ["zouban"]),
    .library(name: "Zouban", targets: ["Zouban"]),
    .library(name: "ZoubanGenerator", targets: ["ZoubanGenerator"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
  ],
  targets: [
    // Domain values and their invariants: no I/O, no solver.
    .target(name: "ZoubanModel"),
    // Files → ZoubanModel, with every problem located as file:line.
    .target(name: "ZoubanInput", dependencies: ["ZoubanModel", "TOMLKit", "ZoubanXLSX"]),
    // Office Open XML workbooks (.xlsx): a small writer and a first-sheet reader, nothing of Zouban.
    .target(name: "ZoubanXLSX", dependencies: ["ZIPFoundation", "XMLCoder"]),
    // A solver-neutral integer program and its LP/MPS writers.
    .target(name: "MIPModel"),
    // The C guard around GLPK (Debian libglpk-dev): turns glp_error into a return code.
    .target(name: "CGLPKShims", linkerSettings: [.linkedLibrary("glpk")]),
    // The only Swift module that talks to GLPK.
    .target(name: "GLPKSolver", dependencies: ["MIPModel", "CGLPKShims"]),
    // School → MIPModel, and a solved model → Solution.
    .target(name: "ZoubanFormulation", dependencies: ["ZoubanModel", "MIPModel"]),
    // The independent second opinion: checks any assignment against SPEC §2.
    .target(name: "ZoubanCheck", dependencies: ["ZoubanModel"]),
    // Fill rates, unplaced reasons, summary; CSV/JSON/HTML writers.
    .target(name: "ZoubanReports", dependencies: ["ZoubanModel", "ZoubanXLSX"]),
    // Seeded realistic schools of any size (`zouban generate`, Benchmarks/).
    .target(name: "ZoubanGenerator", dependencies: ["ZoubanModel"]),
    // The one-call pipeline: load → formulate → solve → report.
    .target(
      name: "Zouban",
      dependencies: [
        "ZoubanModel", "ZoubanInput", "MIPModel", "GLPKSolver", "ZoubanFormulation", "ZoubanCheck",
        "ZoubanReports",
      ]),
    .executableTarget(
      name: "zouban",
      dependencies: [
        "Zouban", "ZoubanInput", "ZoubanFormulation", "MIPModel", "ZoubanGenerator", "GLPKSolver",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .target(name: "TestSupport", dependencies: ["ZoubanModel", "ZoubanCheck", "ZoubanGenerator"], path: "Tests/TestSupport"),
    .testTarget(name: "ZoubanModelTests", dependencies: ["ZoubanModel"]),
    .testTarget(name: "ZoubanInputTests", dependencies: ["ZoubanInput", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "ZoubanXLSXTests", dependencies: ["ZoubanXLSX", "ZoubanInput", "TestSupport"], exclude: ["openpyxl_dump.py"]),
    .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "MIPModel"]),
    .testTarget(name: "ZoubanCheckTests", dependencies: ["ZoubanCheck", "ZoubanInput", "TestSupport"]),
    .testTarget(name: "ZoubanTests", dependencies: ["Zouban", "TestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
    .testTarget(name: "ZoubanGeneratorTests", dependencies: ["ZoubanGenerator", "ZoubanInput", "TestSupport"]),
  ]
)
