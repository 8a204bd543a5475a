#include "atrium/dataio/name_normaliser.hpp"

#include <gtest/gtest.h>

namespace atrium::dataio {
namespace {

TEST(NameNormaliser, FoldsCaseAndAccents) {
  EXPECT_EQ(normalise_name("Müller & Söhne", LegalForms::keep), "muller sohne");
  EXPECT_EQ(normalise_name("ÉCOLE  Française", LegalForms::keep), "ecole francaise");
  EXPECT_EQ(normalise_name("Zoë Ångström", LegalForms::keep), "zoe angstrom");
}

TEST(NameNormaliser, CollapsesPunctuationAndSpace) {
  EXPECT_EQ(normalise_name("  Acme-Pumps,   Inc. ", LegalForms::keep), "acme pumps inc");
  EXPECT_EQ(normalise_name("O'Neil\tand\nSons", LegalForms::keep), "oneil and sons");
  EXPECT_EQ(normalise_name("", LegalForms::keep), "");
  EXPECT_EQ(normalise_name("...", LegalForms::keep), "");
}

TEST(NameNormaliser, StripsTrailingLegalForms) {
  EXPECT_EQ(normalise_name("Acme GmbH", LegalForms::strip), "acme");
  EXPECT_EQ(normalise_name("ACME G.m.b.H.", LegalForms::strip), "acme");
  EXPECT_EQ(normalise_name("Acme GmbH & Co. KG", LegalForms::strip), "acme");
  EXPECT_EQ(normalise_name("Acme Ltd", LegalForms::strip), normalise_name("acme limited", LegalForms::strip));
  EXPECT_EQ(normalise_name("Acme, Inc.", LegalForms::strip), "acme");
  EXPECT_EQ(normalise_name("Acme LLC", LegalForms::strip), "acme");
  EXPECT_EQ(normalise_name("Société Générale S.A.", LegalForms::strip), "societe generale");
  EXPECT_EQ(normalise_name("Dupont SARL", LegalForms::strip), "dupont");
  EXPECT_EQ(normalise_name("Van Dijk B.V.", LegalForms::strip), "van dijk");
  EXPECT_EQ(normalise_name("Rossi S.r.l.", LegalForms::strip), "rossi");
  EXPECT_EQ(normalise_name("Bianchi S.p.A.", LegalForms::strip), "bianchi");
  EXPECT_EQ(normalise_name("Tata Consultancy Pvt. Ltd.", LegalForms::strip), "tata consultancy");
  EXPECT_EQ(normalise_name("Kowalski Sp. z o.o.", LegalForms::strip), "kowalski");
  EXPECT_EQ(normalise_name("Globex Corp.", LegalForms::strip), "globex");
}

TEST(NameNormaliser, KeepsLegalWordsThatAreNotTrailingOrAreTheWholeName) {
  EXPECT_EQ(normalise_name("Co-operative Bank", LegalForms::strip), "co operative bank");
  EXPECT_EQ(normalise_name("AG", LegalForms::strip), "ag");
  EXPECT_EQ(normalise_name("Acme GmbH", LegalForms::keep), "acme gmbh");
}

}  // namespace
}  // namespace atrium::dataio
