import ArgumentParser

@main
struct ZoubanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "zouban")
}
