#pragma once
// An entity: every record kind is one of these, read from server/definitions/<name>.json
// and merged with the custom fields added at run time.
#include <optional>
#include <string>
#include <vector>

#include "atrium/metadata/field_definition.hpp"

namespace atrium::metadata {

enum class Scope { all, team, own, rule, none };

struct AccessDeclaration {
  std::vector<std::string> actions{"create", "read", "edit", "delete", "export"};
  Scope default_scope = Scope::all;
  std::string parent_field;  // a link field whose target's visibility this record inherits
  // Records are assigned to users (record_assignees), who then see them whatever the
  // scope of their read right: a task given to a colleague of another team.
  bool assignable = false;
};

struct NumberingDefinition {
  std::string field;    // the field that receives the number
  std::string pattern;  // e.g. "ACC-{YYYY}-{#####}"
};

// A document's lines (a quotation's): the entity they are and the link field that ties
// each to its document. They can be created with the document as its array `lines`.
struct LinesDefinition {
  std::string entity;  // "quotation_line"
  std::string link;    // the line's link field to the document: "quotation"
};

// Which values make two records look like one party (DuplicateFinder): the fields whose
// normalised text is compared, and where a phone number's default country comes from.
struct DuplicateRule {
  std::vector<std::string> name_fields;  // joined with a space: "first_name last_name"
  bool strip_legal_forms = false;        // organisations: "Acme GmbH" is "Acme"
  std::vector<std::string> email_fields;
  std::vector<std::string> phone_fields;
  std::string country_field;  // an address (its country) or a text field with ISO 3166 codes
};

// A move from one state to another, taken by name through the API; never by writing the
// state field directly.
struct StateTransition {
  std::string name;  // snake_case, the URL segment: "start"
  std::string label;
  std::vector<std::string> from;  // the states it leaves; empty: any
  std::string to;
  std::string guard;                  // a filter the record must meet first; empty: none
  std::vector<std::string> required_fields;// fields that must have a value afterwards
  std::vector<std::string> roles;     // role names that may take it; empty: anyone who may edit
};

// The states of a record kept in one enum field, and the transitions between them.
struct StateMachine {
  std::string field;
  std::string initial;
  std::vector<StateTransition> transitions;

  const StateTransition* transition(std::string_view name) const;
};

struct Section {
  std::string label;
  std::vector<std::string> fields;
};

struct EntityDefinition {
  std::string name;          // singular, snake_case: "account"
  std::string plural;        // URL segment: "accounts"
  std::string label;
  std::string label_plural;
  std::string module;        // navigation group: "parties", "catalog", …
  std::string table;         // "r_" + plural
  std::string title_field;   // shown as the record's title
  bool master_data = false;  // deletion goes through an approval
  // Links two entities many to many (a person's places at accounts): their related lists
  // (`accounts/{id}/contacts`) go through it. Other entities linking both, such as a
  // customer's price for a product, do not make them related.
  bool junction = false;
  std::vector<FieldDefinition> fields;
  AccessDeclaration access;
  std::optional<NumberingDefinition> numbering;
  std::optional<LinesDefinition> lines;
  std::vector<std::string> list_columns;
  std::vector<Section> sections;
  std::optional<DuplicateRule> duplicates;
  std::optional<StateMachine> states;

  const FieldDefinition* field(std::string_view field_name) const;
  const FieldDefinition* field_by_id(std::string_view id) const;
};

}  // namespace atrium::metadata
