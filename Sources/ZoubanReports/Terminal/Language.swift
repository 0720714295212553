/// The language of the terminal text: Chinese by default (the office's own), English on request.
public enum Language: String, Sendable, CaseIterable {
  case zh = "zh-CN"
  case en

  /// Accepts `zh`, `zh-CN`, `zh_CN`, `cn`, `en`, `en-US` … (any case).
  public init?(tag: String) {
    let t = tag.lowercased().replacingOccurrences(of: "_", with: "-")
    if t == "zh" || t == "cn" || t.hasPrefix("zh-") {
      self = .zh
    } else if t == "en" || t.hasPrefix("en-") {
      self = .en
    } else {
      return nil
    }
  }

  /// Picks the phrase of this language.
  func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

/// ANSI colours for a terminal. Six escape codes are all the summary needs, so no library:
/// the caller decides whether output is a terminal and passes `enabled`.
struct Paint {
  let enabled: Bool

  func green(_ s: String) -> String { wrap(s, "32") }
  func yellow(_ s: String) -> String { wrap(s, "33") }
  func red(_ s: String) -> String { wrap(s, "31") }
  func bold(_ s: String) -> String { wrap(s, "1") }
  func dim(_ s: String) -> String { wrap(s, "2") }

  private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
