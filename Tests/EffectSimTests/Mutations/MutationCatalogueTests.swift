import Foundation
import Testing

/// `scripts/mutation-check` plants each mutation of `scripts/mutations.txt` by replacing its
/// `find` text, which must occur exactly once in its file; an edit to the engine that changes
/// a line a mutation names leaves that mutation *stale*, and the check silently tests less.
/// This test fails on such an edit at once, not when someone next runs the catalogue.
@Suite struct MutationCatalogueTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  struct Mutation {
    var id: String
    var fields: [String: String] = [:]
  }

  /// The catalogue's blocks, read as `scripts/mutation-check` reads them: `## ID title`, then
  /// `key: value` lines; a `find:` or `replace:` value continues on lines indented by two
  /// spaces (joined with newlines, the two spaces removed).
  static func catalogue() throws -> [Mutation] {
    let text = try String(
      contentsOf: repository.appendingPathComponent("scripts/mutations.txt"), encoding: .utf8)
    var mutations: [Mutation] = []
    var key: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("## ") {
        let id = line.dropFirst(3).split(separator: " ").first.map(String.init) ?? ""
        mutations.append(Mutation(id: id))
        key = nil
      } else if mutations.isEmpty || line.hasPrefix("#")
        || line.trimmingCharacters(in: .whitespaces).isEmpty
      {
        key = line.trimmingCharacters(in: .whitespaces).isEmpty ? nil : key
      } else if line.hasPrefix("  "), let current = key, current == "find" || current == "replace" {
        mutations[mutations.count - 1].fields[current, default: ""] += "\n" + line.dropFirst(2)
      } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        var value = line[line.index(after: colon)...]
        if value.hasPrefix(" ") { value = value.dropFirst() }
        mutations[mutations.count - 1].fields[name] = String(value)
        key = name
      }
    }
    return mutations
  }

  @Test func everyMutationFindsItsLineExactlyOnce() throws {
    let mutations = try Self.catalogue()
    #expect(mutations.count >= 100)
    for mutation in mutations {
      let file = try #require(mutation.fields["file"], "\(mutation.id): no file")
      let find = try #require(mutation.fields["find"], "\(mutation.id): no find")
      #expect(mutation.fields["replace"] != nil, "\(mutation.id): no replace")
      let source = try String(
        contentsOf: Self.repository.appendingPathComponent(file), encoding: .utf8)
      let occurrences = source.components(separatedBy: find).count - 1
      #expect(occurrences == 1, "\(mutation.id): `find` occurs \(occurrences) times in \(file)")
    }
  }
}
