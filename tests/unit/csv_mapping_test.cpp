// CSV rows → households: cell values by fact type, value tables, and errors that name the row,
// the column and the value (cells) or the mapping file and JSON pointer (mappings).
#include "csv_mapping.h"

#include <gtest/gtest.h>

#include "cell_values.h"
#include "test_support.h"

namespace carecheck {
namespace {

const FieldCatalogue& catalogue() {
    static const Service service = test::example_service();
    static const FieldCatalogue c = FieldCatalogue::from_ruleset(*service.ruleset());
    return c;
}

const FieldCatalogue::Fact& fact(const std::string& id) {
    const auto* f = catalogue().fact(id);
    EXPECT_NE(f, nullptr) << id;
    return *f;
}

/// The answer for `cell`, or the string "error: why".
Json cell(const std::string& id, const std::string& text, const ValueTable* table = nullptr) {
    std::string why;
    const auto value = convert_cell(text, fact(id), table, why);
    return value ? *value : Json("error: " + why);
}

bool refused(const Json& answer) {
    return answer.is_string() && answer.get<std::string>().rfind("error: ", 0) == 0;
}

TEST(CellValues, BoolAcceptsChineseAndEnglishWordsAndDigits) {
    for (const char* yes : {"是", "有", "yes", "YES", "true", "True", "1"})
        EXPECT_EQ(cell("poor", yes), Json(true)) << yes;
    for (const char* no : {"否", "无", "no", "false", "0"})
        EXPECT_EQ(cell("poor", no), Json(false)) << no;
    EXPECT_TRUE(refused(cell("poor", "可能")));
    EXPECT_TRUE(refused(cell("poor", "2")));
}

TEST(CellValues, NumbersAreWholeWhenTheyCanBeAndRefusedWhenNotNumbers) {
    EXPECT_EQ(cell("age", "81"), Json(81));
    EXPECT_EQ(cell("age", "81.5"), Json(81.5));
    EXPECT_EQ(cell("age", "-3"),
              Json(-3));  // a number; the range is the household reader's to judge
    EXPECT_TRUE(refused(cell("age", "八十")));
    EXPECT_TRUE(refused(cell("age", "81岁")));
    EXPECT_TRUE(refused(cell("age", "inf")));
}

TEST(CellValues, DatesInTheThreeUsualSpellingsBecomeIsoDates) {
    EXPECT_EQ(cell("birth_date", "1944-03-07"), Json("1944-03-07"));
    EXPECT_EQ(cell("birth_date", "1944/3/7"), Json("1944-03-07"));
    EXPECT_EQ(cell("birth_date", "19440307"), Json("1944-03-07"));
    EXPECT_TRUE(refused(cell("birth_date", "1944-02-30")));
    EXPECT_TRUE(refused(cell("birth_date", "1944-03/07")));
    EXPECT_TRUE(refused(cell("birth_date", "07.03.1944")));
    EXPECT_TRUE(refused(cell("birth_date", "1944年3月7日")));
}

TEST(CellValues, OneOfByOptionIdOrChineseOrEnglishName) {
    EXPECT_EQ(cell("kind", "a"), Json("a"));
    EXPECT_EQ(cell("kind", "乙"), Json("b"));
    EXPECT_EQ(cell("kind", "C"), Json("c"));
    const Json bad = cell("kind", "丁");
    ASSERT_TRUE(refused(bad));
    EXPECT_NE(bad.get<std::string>().find("a, b, c"), std::string::npos) << bad;
}

TEST(CellValues, ManyOfSplitsOnEveryListSeparator) {
    for (const char* text :
         {"dibao;tekun", "低保；特困", "低保、特困", "dibao|tekun", "dibao ; tekun;"}) {
        EXPECT_EQ(cell("support", text), Json({"dibao", "tekun"})) << text;
    }
    EXPECT_EQ(cell("support", "dibao;dibao"), Json({"dibao"}));
    // A separator inside brackets belongs to a name, not to the list.
    const FieldCatalogue::Fact named{
            "support",
            false,
            "many_of",
            {{"poor", "贫困户（脱贫户、监测户）", "poor (a, b)"}, {"x", "乙", "x"}}};
    std::string why;
    EXPECT_EQ(*convert_cell("贫困户（脱贫户、监测户）、乙", named, nullptr, why),
              Json({"poor", "x"}));
    EXPECT_EQ(*convert_cell("x;poor (a, b)", named, nullptr, why), Json({"x", "poor"}));
    EXPECT_TRUE(refused(cell("support", "低保、五保")));
}

TEST(CellValues, RegionIsSixDigits) {
    EXPECT_EQ(cell("region", "130722"), Json("130722"));
    EXPECT_TRUE(refused(cell("region", "13072")));
    EXPECT_TRUE(refused(cell("region", "张家口")));
}

TEST(CellValues, ValueTablesTranslateAnOfficesOwnCodes) {
    const ValueTable kinds{{"A级", "a"}, {"B级", "乙"}, {"不清楚", nullptr}};
    EXPECT_EQ(cell("kind", "A级", &kinds), Json("a"));
    EXPECT_EQ(cell("kind", "B级", &kinds), Json("b"));         // a name is read again like a cell
    EXPECT_EQ(cell("kind", "不清楚", &kinds), Json(nullptr));  // "not sure"
    EXPECT_EQ(cell("kind", "c", &kinds), Json("c"));  // codes not in the table read as usual
    const ValueTable support{
            {"两项", Json({"dibao", "tekun"})}, {"无", Json::array()}, {"五保", "tekun"}};
    EXPECT_EQ(cell("support", "两项", &support), Json({"dibao", "tekun"}));
    EXPECT_EQ(cell("support", "无", &support), Json::array());
    EXPECT_EQ(cell("support", "低保、五保", &support), Json({"dibao", "tekun"}));
    const ValueTable flags{{"在册", true}};
    EXPECT_EQ(cell("poor", "在册", &flags), Json(true));
}

TEST(CellValues, RolesByIdOrNameAndThroughATable) {
    std::string why;
    const ValueTable table{{"供养者", "carer"}};
    const auto roles = convert_roles("elder、供养者", catalogue().roles, &table, why);
    ASSERT_TRUE(roles) << why;
    EXPECT_EQ(*roles, (std::vector<std::string>{"elder", "carer"}));
    EXPECT_EQ(*convert_roles("被照顾的人", catalogue().roles, nullptr, why),
              std::vector<std::string>{"cared_for"});
    EXPECT_FALSE(convert_roles("boss", catalogue().roles, nullptr, why));
}

TEST(CellValues, TrimRemovesAsciiAndIdeographicSpaces) {
    EXPECT_EQ(trim_cell("  是\t"), "是");
    EXPECT_EQ(trim_cell("\xE3\x80\x80低保\xE3\x80\x80"), "低保");
    EXPECT_EQ(trim_cell("   "), "");
}

const Json kMapping = Json::parse(R"({
  "id": "编号",
  "as_of": {"column": "核查日期"},
  "household": {"户籍地": "region", "困难": "poor", "救助": {"fact": "support", "values": {"无": []}}},
  "members": [
    {"id": "elder", "roles": ["elder"], "facts": {"出生日期": "birth_date", "医保": "insured",
                                                 "类别": {"fact": "kind", "values": {"A级": "a"}}}},
    {"id": "child", "optional": true, "roles_column": "子女身份", "role_values": {"被供养者": "cared_for"},
     "facts": {"子女年龄": "age"}}
  ]
})");
const std::vector<std::string> kHeader{"编号",     "核查日期", "户籍地", "困难",
                                       "救助",     "出生日期", "医保",   "类别",
                                       "子女身份", "子女年龄", "备注"};

CsvMapping bound(const Json& doc = kMapping, const std::vector<std::string>& header = kHeader) {
    IssueList issues;
    auto mapping = CsvMapping::load(doc, "map.json", catalogue(), issues);
    EXPECT_TRUE(mapping) << (issues.empty()
                                     ? ""
                                     : issues.items()[0].path + " " + issues.items()[0].message);
    if (!mapping)
        return *CsvMapping::load(Json::object(), "map.json", catalogue(), issues);
    EXPECT_TRUE(mapping->bind(header, issues)) << (issues.empty() ? "" : issues.items()[0].message);
    return *mapping;
}

TEST(CsvMapping, ARowBecomesTheHouseholdItDescribes) {
    const ConvertedRow row = bound().convert({"F-17", "2026/11/23", "130722", "是", "低保、特困",
                                              "1944-03-07", "否", "A级", "被供养者", "40", "x"},
                                             1);
    ASSERT_TRUE(row.issues.empty()) << row.issues[0].message;
    EXPECT_EQ(row.id, "F-17");
    // Compared as unordered JSON: which key comes first is not what the row describes.
    EXPECT_EQ(nlohmann::json::parse(row.household.dump()), nlohmann::json::parse(R"({
      "as_of": "2026-11-23",
      "facts": {"region": "130722", "poor": true, "support": ["dibao", "tekun"]},
      "members": [
        {"id": "elder", "roles": ["elder"], "facts": {"birth_date": "1944-03-07", "insured": false, "kind": "a"}},
        {"id": "child", "roles": ["cared_for"], "facts": {"age": 40}}
      ]})"));
}

TEST(CsvMapping, EmptyCellsAreLeftOutAndAnEmptyOptionalMemberIsDropped) {
    const ConvertedRow row =
            bound().convert({"F-18", "", "130722", "", "无", "", "", "", "", "", ""}, 2);
    ASSERT_TRUE(row.issues.empty()) << row.issues[0].message;
    EXPECT_EQ(row.household, Json::parse(R"({"facts": {"region": "130722", "support": []},
      "members": [{"id": "elder", "roles": ["elder"], "facts": {}}]})"));
}

TEST(CsvMapping, ABadCellNamesTheRowTheColumnAndTheValue) {
    const ConvertedRow row = bound().convert(
            {"F-19", "", "130722", "也许", "", "1944-02-30", "", "", "", "四十", ""}, 19);
    ASSERT_EQ(row.issues.size(), 3u);
    EXPECT_EQ(row.id, "F-19");
    EXPECT_EQ(row.issues[0].column, "困难");
    EXPECT_EQ(row.issues[0].value, "也许");
    EXPECT_EQ(row.issues[0].path, "/facts/poor");
    EXPECT_EQ(row.issues[0].message.rfind(
                      "row 19, column \"困难\" (poor): \"也许\" is not yes or no", 0),
              0u)
            << row.issues[0].message;
    EXPECT_EQ(row.issues[1].path, "/members/0/facts/birth_date");
    EXPECT_NE(row.issues[1].message.find("\"1944-02-30\" is not a real calendar date"),
              std::string::npos);
    EXPECT_EQ(row.issues[2].path, "/members/1/facts/age");
    EXPECT_EQ(row.issues[2].column, "子女年龄");
}

TEST(CsvMapping, ALongBadCellIsQuotedCutNeverWhole) {
    // A 1 MiB cell used to come back four times in its row's error line (4 MB for one row).
    const std::string long_cell = "也许" + std::string(1 << 20, '9');
    const ConvertedRow row =
            bound().convert({"F-20", "", "130722", long_cell, "", "", "", "", "", "", ""}, 20);
    ASSERT_EQ(row.issues.size(), 1u);
    EXPECT_EQ(row.issues[0].value, "也许" + std::string(78, '9') + "…");
    EXPECT_LT(row.issues[0].message.size(), 200u) << row.issues[0].message.substr(0, 200);
    EXPECT_NE(row.issues[0].message.find("\"也许999"), std::string::npos);
}

TEST(CsvMapping, ACellThatIsNotUtf8IsABadCellNotACrash) {
    // Excel on a Chinese Windows saves "CSV" as GBK: "是" is B7 F1 there. Quoting such a cell in
    // the message once threw from the JSON dump and aborted the whole run (found by fuzz_csv).
    const ConvertedRow row = bound().convert({"F-21", "", "130722", "\xB7\xF1", "",
                                              "19\xFF"
                                              "44-03-07",
                                              "", "", "", "", ""},
                                             21);
    ASSERT_EQ(row.issues.size(), 2u);
    EXPECT_EQ(row.issues[0].column, "困难");
    EXPECT_EQ(row.issues[0].value, "\xB7\xF1");
    EXPECT_EQ(row.issues[0].message.rfind("row 21, column \"困难\" (poor): \"\uFFFD\uFFFD\"", 0),
              0u)
            << row.issues[0].message;
    EXPECT_EQ(row.issues[1].path, "/members/0/facts/birth_date");
}

TEST(CsvMapping, AnUnknownRoleInTheRolesColumnIsABadCell) {
    const ConvertedRow row = bound().convert({"F", "", "", "", "", "", "", "", "老板", "", ""}, 4);
    ASSERT_EQ(row.issues.size(), 1u);
    EXPECT_EQ(row.issues[0].path, "/members/1/roles");
    EXPECT_EQ(row.issues[0].column, "子女身份");
}

TEST(CsvMapping, AWrongNumberOfFieldsIsARowErrorThatStillKeepsTheId) {
    const ConvertedRow row = bound().convert({"F-20", "", "130722"}, 20);
    ASSERT_EQ(row.issues.size(), 1u);
    EXPECT_EQ(row.issues[0].code, "wrong_field_count");
    EXPECT_EQ(row.issues[0].message, "row 20 has 3 fields, the header has 11");
    EXPECT_EQ(row.id, "F-20");
}

TEST(CsvMapping, SourcesPointServiceErrorsBackToTheirColumn) {
    const ConvertedRow row =
            bound().convert({"F", "", "", "", "低保", "", "", "", "", "-3", ""}, 5, true);
    const CellSource* age = row.source_of("/members/1/facts/age");
    ASSERT_NE(age, nullptr);
    EXPECT_EQ(age->column, "子女年龄");
    EXPECT_EQ(age->value, "-3");
    ASSERT_NE(row.source_of("/facts/support/0"), nullptr);  // an item of a list answer
    EXPECT_EQ(row.source_of("/facts/supporter"), nullptr);
}

/// The first issue of loading (and binding) `doc`, as "file path code".
std::string mapping_error(const Json& doc, const std::vector<std::string>& header = kHeader) {
    IssueList issues;
    auto mapping = CsvMapping::load(doc, "offices/map.json", catalogue(), issues);
    if (mapping)
        mapping->bind(header, issues);
    if (issues.empty())
        return "no issue";
    const Issue& first = issues.items()[0];
    return first.file + " " + first.path + " " + first.code;
}

Json with(const char* pointer, const Json& value) {
    Json doc = kMapping;
    doc[Json::json_pointer(pointer)] = value;
    return doc;
}

TEST(CsvMapping, BadMappingsNameTheFileAndTheJsonPointer) {
    EXPECT_EQ(mapping_error(kMapping), "no issue");
    EXPECT_EQ(mapping_error(with("/household/困难", "rich")),
              "offices/map.json /household/困难 unknown_fact");
    EXPECT_EQ(mapping_error(with("/household/困难", "age")),
              "offices/map.json /household/困难 wrong_subject");
    EXPECT_EQ(mapping_error(with("/members/0/facts/医保", "poor")),
              "offices/map.json /members/0/facts/医保 wrong_subject");
    EXPECT_EQ(mapping_error(with("/members/0/facts/类别",
                                 Json{{"fact", "kind"}, {"values", {{"A级", "z"}}}})),
              "offices/map.json /members/0/facts/类别/values/A级 bad_value");
    EXPECT_EQ(mapping_error(with("/members/0/roles", Json{"boss"})),
              "offices/map.json /members/0/roles/0 unknown_role");
    EXPECT_EQ(mapping_error(with("/members/1/id", "elder")),
              "offices/map.json /members/1/id duplicate_member");
    EXPECT_EQ(mapping_error(with("/as_of", Json{{"value", "2026-02-30"}})),
              "offices/map.json /as_of/value bad_value");
    EXPECT_EQ(mapping_error(with("/househld", Json::object())),
              "offices/map.json /househld unknown_key");
}

TEST(CsvMapping, AHeaderTheMappingNamesButTheCsvLacksIsAnErrorAtItsPointer) {
    std::vector<std::string> header = kHeader;
    header[5] = "生日";
    EXPECT_EQ(mapping_error(kMapping, header),
              "offices/map.json /members/0/facts/出生日期 missing_column");
    header = kHeader;
    header[10] = "户籍地";
    EXPECT_EQ(mapping_error(kMapping, header),
              "offices/map.json /household/户籍地 duplicate_column");
}

TEST(CsvMapping, ParameterColumnsGiveTheHouseholdItsLocalFigures) {
    Json doc = kMapping;
    doc["parameters"] = {{"当地低保标准", "dibao_standard"}};
    std::vector<std::string> header = kHeader;
    header.push_back("当地低保标准");
    const CsvMapping mapping = bound(doc, header);
    const std::vector<std::string> fields{"F", "", "", "", "", "", "", "", "", "", "", " 600 "};
    ConvertedRow row = mapping.convert(fields, 1, true);
    ASSERT_TRUE(row.issues.empty()) << row.issues[0].message;
    EXPECT_EQ(row.household["parameters"], Json({{"dibao_standard", 600}}));
    ASSERT_NE(row.source_of("/parameters/dibao_standard"), nullptr);  // engine errors name it
    EXPECT_EQ(row.source_of("/parameters/dibao_standard")->column, "当地低保标准");
    const Json result =
            test::parse(test::example_service().check(row.household.dump(), "2026-11-23"));
    EXPECT_EQ(test::program_result(result, "support", "elder")["amount"]["value"],
              780)  // 1.3 × 600
            << result.dump().substr(0, 300);

    std::vector<std::string> unknown = fields;
    unknown.back() = "";  // not known: the figure is left out, as for facts
    EXPECT_EQ(mapping.convert(unknown, 2).household["parameters"], Json::object());

    std::vector<std::string> words = fields;
    words.back() = "六百";
    row = mapping.convert(words, 3);
    ASSERT_EQ(row.issues.size(), 1u);
    EXPECT_EQ(row.issues[0].path, "/parameters/dibao_standard");
    EXPECT_EQ(row.issues[0].message,
              "row 3, column \"当地低保标准\" (dibao_standard): \"六百\" is not a number");
}

TEST(CsvMapping, AParameterNoPackDeclaresIsAMappingErrorAtItsPointer) {
    std::vector<std::string> header = kHeader;
    header.push_back("当地低保标准");
    Json doc = kMapping;
    doc["parameters"] = {{"当地低保标准", "local_dibao_standard"}};
    EXPECT_EQ(mapping_error(doc, header),
              "offices/map.json /parameters/当地低保标准 unknown_parameter");
    doc["parameters"] = {{"当地低保标准", 600}};
    EXPECT_EQ(mapping_error(doc, header), "offices/map.json /parameters/当地低保标准 wrong_type");
    doc["parameters"] = Json::array({"dibao_standard"});
    EXPECT_EQ(mapping_error(doc, header), "offices/map.json /parameters wrong_type");
    doc["parameters"] = {{"低保", "dibao_standard"}};
    EXPECT_EQ(mapping_error(doc, header), "offices/map.json /parameters/低保 missing_column");
}

TEST(CsvMapping, AConvertedRowScreensExactlyLikeTheSameHouseholdWrittenAsJson) {
    const Service service = test::example_service();
    const ConvertedRow row = bound().convert(
            {"F-17", "2026-11-23", "130702", "是", "", "1944-03-07", "是", "", "", "", ""}, 1);
    ASSERT_TRUE(row.issues.empty());
    const std::string json = R"({"as_of":"2026-11-23","facts":{"region":"130702","poor":true},
      "members":[{"id":"elder","roles":["elder"],"facts":{"birth_date":"1944-03-07","insured":true}}]})";
    const std::string expected = service.screen(json);
    EXPECT_EQ(service.screen(row.household.dump()), expected);
    EXPECT_NE(expected.find("\"status\":\"eligible\""), std::string::npos) << expected;
}

}  // namespace
}  // namespace carecheck
