// The clause audit on a tiny source and pack (tests/data/audit): sentences split as documented,
// quoted, covered and uncovered sentences told apart, and each kind of mistake reported.
#include "carecheck/audit.h"

#include <gtest/gtest.h>

#include "carecheck/loader.h"
#include "test_support.h"

namespace carecheck {
namespace {

const std::string kDir = std::string(CARECHECK_TEST_DATA) + "/audit/";

std::string audit_source() {
    return test::read_text_file(kDir + "source.txt");
}

Json audit_pack_json() {
    return Json::parse(test::read_text_file(kDir + "audit.pack.json"));
}

/// Loads the audit pack (optionally changed) with the example catalogue and audits it.
PackAudit audit_with(const Json& pack) {
    const std::vector<RuleFile> files = {test::example_files()[0],
                                         RuleFile{"audit.pack.json", pack.dump()}};
    const LoadResult loaded = load_ruleset(files);
    EXPECT_TRUE(loaded.issues.empty())
            << loaded.issues.front().path << ": " << loaded.issues.front().message;
    if (!loaded.ruleset)
        return {};
    return audit_pack(loaded.ruleset->packs.at(0), audit_source());
}

std::vector<std::string> codes(const PackAudit& audit) {
    std::vector<std::string> out;
    for (const Issue& issue : audit.issues)
        out.push_back(issue.code + " " + issue.path);
    return out;
}

TEST(AuditSplit, SentencesEndAtStopsAndLineEndsWithoutNoiseOrPageNumbers) {
    const AuditText text = split_sentences(audit_source());
    std::vector<std::string> sentences;
    for (const SourceSentence& s : text.sentences)
        sentences.push_back(s.text);
    EXPECT_EQ(sentences,
              (std::vector<std::string>{"一、总则", "为做好照护工作，制定本办法。",
                                        "二、对象：户籍在本县的困难老人可以申请照护补贴。",
                                        "三、照护补贴每户每年1000元；", "由县财政负担。",
                                        "四、乡镇负责组织实施，部门按职责分工负责。",
                                        "五、为困难老人提供上门探访服务。"}));
}

TEST(AuditSplit, EachSentenceKnowsItsLineAndByteOffset) {
    const std::string source = audit_source();
    const AuditText text = split_sentences(source);
    ASSERT_EQ(text.sentences.size(), 7u);
    EXPECT_EQ(text.sentences[0].line, 1u);
    EXPECT_EQ(text.sentences[0].byte_offset, source.find("一、总则"));
    EXPECT_EQ(text.sentences[4].line, 4u);
    EXPECT_EQ(text.sentences[4].byte_offset, source.find("由县财政"));
    EXPECT_EQ(text.sentences[5].line, 6u);  // the empty line 5 counts
}

TEST(AuditSplit, OneCharacterFragmentsAreNotSentences) {
    EXPECT_EQ(split_sentences("一。\n好\n这是一句。；").sentences.size(), 2u);
}

TEST(AuditReceives, GivingSentencesAreRecognised) {
    EXPECT_TRUE(gives_people_something("为困难老人提供上门探访服务。"));
    EXPECT_TRUE(gives_people_something("按每人每月不低于20元标准发放高龄补贴。"));
    EXPECT_TRUE(gives_people_something("依法给予法律援助"));
    EXPECT_TRUE(gives_people_something("由托养服务中心提供日常生活照料和康复服务。"));
    EXPECT_FALSE(gives_people_something("四、乡镇负责组织实施，部门按职责分工负责。"));
    EXPECT_FALSE(gives_people_something("为做好照护工作，制定本办法。"));
    // 为 and 提供 more than 80 characters apart are not one phrase.
    EXPECT_TRUE(gives_people_something("为" + std::string(80, 'x') + "提供"));
    EXPECT_FALSE(gives_people_something("为" + std::string(81, 'x') + "提供"));
}

TEST(Audit, QuotedCoveredAndUncoveredSentencesAreCounted) {
    const PackAudit audit = audit_with(audit_pack_json());
    ASSERT_EQ(audit.sentences.size(), 7u);
    EXPECT_EQ(audit.quoted, 2u);
    EXPECT_EQ(audit.covered, 4u);
    EXPECT_EQ(audit.uncovered, 1u);
    // 二、对象 is quoted by the named condition and the program's top condition; 三 by the
    // citation.
    std::vector<std::string> who;
    for (const QuotingRule& rule : audit.sentences[2].quoted_by)
        who.push_back(rule.who);
    EXPECT_EQ(who, (std::vector<std::string>{"/conditions/0/condition", "/programs/0/conditions"}));
    ASSERT_EQ(audit.sentences[3].quoted_by.size(), 1u);
    EXPECT_EQ(audit.sentences[3].quoted_by[0].who, "care");
    EXPECT_EQ(audit.sentences[4].covered_by, 1);  // "由县财政 负担": whitespace ignored
}

TEST(Audit, AnUncoveredSentenceAndAGivingSentenceWithoutNotAProgramFail) {
    const PackAudit audit = audit_with(audit_pack_json());
    EXPECT_EQ(codes(audit),
              (std::vector<std::string>{"sentence_not_accounted_for /meta/not_encoded",
                                        "not_a_program_missing /meta/not_encoded/2"}));
    const std::string uncovered = audit.issues.at(0).message;
    EXPECT_NE(uncovered.find("line 6"), std::string::npos) << uncovered;
    EXPECT_NE(uncovered.find("四、乡镇负责组织实施"), std::string::npos) << uncovered;
}

TEST(Audit, EveryProblemFixedMeansNoIssues) {
    Json pack = audit_pack_json();
    pack["meta"]["not_encoded"][2]["not_a_program"] = {{"zh", "没有写谁来办"},
                                                       {"en", "no one named to do it"}};
    pack["meta"]["not_encoded"].push_back(
            {{"clause", "§四"},
             {"from", "四、乡镇负责"},
             {"reason", {{"zh", "部门职责"}, {"en", "department duties"}}}});
    const PackAudit audit = audit_with(pack);
    EXPECT_TRUE(audit.issues.empty()) << audit.issues.front().message;
    EXPECT_EQ(audit.uncovered, 0u);
}

TEST(Audit, FromOrToTextNotInTheSourceFails) {
    Json pack = audit_pack_json();
    pack["meta"]["not_encoded"][1]["from"] = "由市财政负担";
    pack["meta"]["not_encoded"][0]["to"] = "本办法自发布之日起施行";
    const std::vector<std::string> found = codes(audit_with(pack));
    EXPECT_NE(std::find(found.begin(), found.end(),
                        "not_encoded_not_in_source /meta/not_encoded/1/from"),
              found.end());
    EXPECT_NE(std::find(found.begin(), found.end(),
                        "not_encoded_not_in_source /meta/not_encoded/0/to"),
              found.end());
}

TEST(Audit, FromTextOccurringTwiceIsAmbiguous) {
    Json pack = audit_pack_json();
    pack["meta"]["not_encoded"][1]["from"] = "照护";
    const std::vector<std::string> found = codes(audit_with(pack));
    EXPECT_NE(
            std::find(found.begin(), found.end(), "not_encoded_ambiguous /meta/not_encoded/1/from"),
            found.end());
}

TEST(Audit, AQuoteTouchingASentenceByFewerThanEightCharactersDoesNotQuoteIt) {
    Json pack = audit_pack_json();
    // Ends 6 characters into "由县财政负担。" (7 characters): not enough to quote it.
    pack["programs"][0]["citations"][0]["quote"] = "每户每年1000元；由县财政负";
    const PackAudit audit = audit_with(pack);
    EXPECT_TRUE(audit.sentences[4].quoted_by.empty());
    pack["programs"][0]["citations"][0]["quote"] = "每户每年1000元；由县财政负担。";
    EXPECT_EQ(audit_with(pack).sentences[4].quoted_by.size(), 1u);
}

TEST(AuditLoader, NotEncodedEntriesAreChecked) {
    Json pack = audit_pack_json();
    pack["meta"]["not_encoded"][0].erase("reason");
    pack["meta"]["not_encoded"][1]["because"] = "x";
    pack["meta"]["not_encoded"][2]["from"] = "  ";
    const std::vector<RuleFile> files = {test::example_files()[0],
                                         RuleFile{"audit.pack.json", pack.dump()}};
    std::vector<std::string> found;
    for (const Issue& issue : load_ruleset(files).issues)
        found.push_back(issue.code + " " + issue.path);
    EXPECT_EQ(found, (std::vector<std::string>{"missing_field /meta/not_encoded/0/reason",
                                               "unknown_key /meta/not_encoded/1/because",
                                               "bad_value /meta/not_encoded/2/from"}));
}

}  // namespace
}  // namespace carecheck
