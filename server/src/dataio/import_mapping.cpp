#include "atrium/dataio/import_mapping.hpp"

#include <fmt/format.h>

#include <cctype>

#include "atrium/core/text_fold.hpp"
#include "atrium/dataio/address_book_presets.hpp"
#include "atrium/metadata/field_type.hpp"

namespace atrium::dataio {

namespace {

// "E-Mail Adresse" → "emailadresse": what two spellings of a column name share.
std::string comparable(std::string_view text) {
  std::string kept;
  for (const char c : fold_text(text)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) kept.push_back(c);
  }
  return kept;
}

}  // namespace

std::vector<ImportTarget> import_targets(const records::EntityLayout& layout) {
  std::vector<ImportTarget> targets;
  for (const auto& field : layout.fields()) {
    const auto& definition = *field.field;
    if (definition.read_only || definition.type == "link_multiple" || definition.type == "parent") continue;
    const auto parts = field.type->parts();
    if (definition.type == "address") {
      for (const auto& part : parts) {
        targets.push_back({fmt::format("{}.{}", definition.name, part), fmt::format("{}: {}", definition.label, part),
                           &field, part});
      }
      continue;
    }
    targets.push_back({field.api_name, definition.label, &field, {}});
  }
  return targets;
}

const ImportTarget* find_target(const std::vector<ImportTarget>& targets, std::string_view name) {
  for (const auto& target : targets) {
    if (target.name == name) return &target;
  }
  return nullptr;
}

SuggestedMapping suggest_mapping(const records::EntityLayout& layout, const std::vector<std::string>& header) {
  const auto targets = import_targets(layout);
  SuggestedMapping suggestion;
  suggestion.targets.assign(header.size(), "");
  std::vector<bool> taken(targets.size(), false);
  const auto take = [&](std::size_t column, std::string_view name) {
    for (std::size_t t = 0; t < targets.size(); ++t) {
      if (targets[t].name == name && !taken[t]) {
        suggestion.targets[column] = targets[t].name;
        taken[t] = true;
        return;
      }
    }
  };
  if (layout.entity().name == "contact") {
    if (const auto* preset = match_address_book_preset(header)) {
      suggestion.preset = std::string(preset->name);
      for (std::size_t column = 0; column < header.size(); ++column) {
        const std::string have = fold_text(header[column]);
        for (const auto& [name, field] : preset->columns) {
          if (fold_text(name) == have) {
            take(column, field);
            break;
          }
        }
      }
    }
  }
  // Then by name: the target's own name, its field's name, its label, its part.
  for (std::size_t column = 0; column < header.size(); ++column) {
    if (!suggestion.targets[column].empty()) continue;
    const std::string have = comparable(header[column]);
    if (have.empty()) continue;
    for (std::size_t t = 0; t < targets.size() && suggestion.targets[column].empty(); ++t) {
      const auto& target = targets[t];
      const auto& definition = *target.field->field;
      const bool matches =
          comparable(target.name) == have || comparable(target.label) == have ||
          (target.part.empty() && (comparable(definition.name) == have || comparable(definition.label) == have)) ||
          (!target.part.empty() && comparable(target.part) == have);
      if (matches && !taken[t]) {
        suggestion.targets[column] = target.name;
        taken[t] = true;
      }
    }
  }
  return suggestion;
}

}  // namespace atrium::dataio
