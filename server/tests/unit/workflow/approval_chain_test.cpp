#include "atrium/workflow/approval_chain.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace atrium::workflow {
namespace {

Result<ApprovalChain> chain_of(std::string_view text, ChainSource source = ChainSource::rule) {
  return chain_from_json(boost::json::parse(text), source);
}

std::string first_field(const Result<ApprovalChain>& chain) {
  return chain ? std::string() : chain.error().fields.at(0).field + " " + chain.error().fields.at(0).code;
}

TEST(ApprovalChain, ReadsEveryKindOfLevel) {
  auto chain = chain_of(R"([{"kind":"manager","depth":2},{"kind":"role","role":"sales_lead","mode":"all"},
                            {"kind":"users","user_ids":["a","b","a"]}])");
  ASSERT_TRUE(chain) << chain.error().message;
  ASSERT_EQ(chain->size(), 3U);
  EXPECT_EQ((*chain)[0].kind, ApproverKind::manager);
  EXPECT_EQ((*chain)[0].depth, 2);
  EXPECT_EQ((*chain)[0].mode, LevelMode::any);
  EXPECT_EQ((*chain)[1].role, "sales_lead");
  EXPECT_EQ((*chain)[1].mode, LevelMode::all);
  // A user named twice decides once.
  EXPECT_EQ((*chain)[2].user_ids, (std::vector<std::string>{"a", "b"}));
}

TEST(ApprovalChain, WritesWhatItReads) {
  auto chain = chain_of(R"([{"kind":"users","user_ids":["a"],"mode":"all"},{"kind":"manager"}])");
  ASSERT_TRUE(chain);
  auto again = chain_from_json(chain_to_json(*chain));
  ASSERT_TRUE(again);
  EXPECT_EQ(chain_to_json(*again), chain_to_json(*chain));
}

TEST(ApprovalChain, NamesTheLevelAndFieldAtFault) {
  EXPECT_EQ(first_field(chain_of("[]")), "levels FIELD_REQUIRED");
  EXPECT_EQ(first_field(chain_of(R"({"kind":"manager"})")), "levels FIELD_REQUIRED");
  EXPECT_EQ(first_field(chain_of(R"([{"kind":"manager"},{"kind":"boss"}])")), "levels[1].kind FIELD_INVALID");
  EXPECT_EQ(first_field(chain_of(R"([{"kind":"role"}])")), "levels[0].role FIELD_REQUIRED");
  EXPECT_EQ(first_field(chain_of(R"([{"kind":"manager","depth":0}])")), "levels[0].depth FIELD_INVALID");
  EXPECT_EQ(first_field(chain_of(R"([{"kind":"manager","depth":11}])")), "levels[0].depth FIELD_INVALID");
  EXPECT_EQ(first_field(chain_of(R"([{"kind":"users","user_ids":[]}])")), "levels[0].user_ids FIELD_REQUIRED");
  EXPECT_EQ(first_field(chain_of(R"([{"kind":"users","user_ids":[7]}])")), "levels[0].user_ids FIELD_INVALID");
  EXPECT_EQ(first_field(chain_of(R"([{"kind":"manager","mode":"most"}])")), "levels[0].mode FIELD_INVALID");
}

TEST(ApprovalChain, RefusesMoreLevelsThanTheLimit) {
  std::string levels = "[";
  for (std::size_t index = 0; index <= kMaxApprovalLevels; ++index) levels += index ? ",{\"kind\":\"manager\"}" : "{\"kind\":\"manager\"}";
  levels += "]";
  EXPECT_EQ(first_field(chain_of(levels)), "levels FIELD_REQUIRED");
}

TEST(ApprovalChain, TheApproveRightLevelIsForRunningApprovalsOnly) {
  EXPECT_EQ(first_field(chain_of(R"([{"kind":"approve_right"}])")), "levels[0].kind FIELD_INVALID");
  auto running = chain_of(R"([{"kind":"approve_right"}])", ChainSource::running_approval);
  ASSERT_TRUE(running);
  EXPECT_EQ(running->at(0).kind, ApproverKind::approve_right);
  EXPECT_EQ(chain_to_json(default_deletion_chain()), chain_to_json(*running));
}

TEST(ApprovalChain, TriggersAndKinds) {
  for (const auto trigger :
       {ApprovalTrigger::on_create, ApprovalTrigger::on_update, ApprovalTrigger::on_delete, ApprovalTrigger::manual}) {
    EXPECT_EQ(trigger_from_name(trigger_name(trigger)), trigger);
  }
  EXPECT_FALSE(trigger_from_name("on_read"));
  // Deletions keep the kind they had before rules existed.
  EXPECT_EQ(approval_kind(ApprovalTrigger::on_delete), "delete");
}

}  // namespace
}  // namespace atrium::workflow
