// CsvReader: RFC 4180 records as spreadsheet programs write them, one at a time.
#include "csv_reader.h"

#include <gtest/gtest.h>

#include <sstream>

namespace carecheck {
namespace {

std::vector<CsvRecord> read_all(const std::string& text) {
    std::istringstream in(text);
    CsvReader reader(in);
    std::vector<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record))
        records.push_back(record);
    return records;
}

using Fields = std::vector<std::string>;

TEST(CsvReader, SplitsPlainFieldsAndKeepsEmptyOnes) {
    const auto records = read_all("a,b,c\n1,,3\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields, (Fields{"a", "b", "c"}));
    EXPECT_EQ(records[1].fields, (Fields{"1", "", "3"}));
}

TEST(CsvReader, QuotedFieldsHoldCommasDoubledQuotesAndLineBreaks) {
    const auto records =
            read_all("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\",x\n4,end\n");
    ASSERT_EQ(records.size(), 5u);
    EXPECT_EQ(records[1].fields, (Fields{"1", "a, b"}));
    EXPECT_EQ(records[2].fields, (Fields{"2", "say \"hi\""}));
    EXPECT_EQ(records[3].fields, (Fields{"3", "two\nlines", "x"}));
    EXPECT_EQ(records[4].fields, (Fields{"4", "end"}));
    // The record after a quoted line break starts on the line after it.
    EXPECT_EQ(records[3].line, 4u);
    EXPECT_EQ(records[4].line, 6u);
}

TEST(CsvReader, CrlfLineEndsAreNotPartOfTheLastField) {
    const auto records = read_all("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].fields, (Fields{"1", "2"}));
    EXPECT_EQ(records[2].fields, (Fields{"x\r\ny", "3"}));  // inside quotes the break is data
}

TEST(CsvReader, SkipsAUtf8ByteOrderMarkOnlyAtTheStart) {
    const auto records = read_all("\xEF\xBB\xBF户籍地代码,出生日期\n\xEF\xBB\xBFx,y\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields, (Fields{"户籍地代码", "出生日期"}));
    EXPECT_EQ(records[1].fields[0], "\xEF\xBB\xBFx");
}

TEST(CsvReader, AFirstCharacterThatOnlyLooksLikeAByteOrderMarkIsKept) {
    // "（" is EF BC 88: the same first byte as a byte-order mark.
    const auto records = read_all("（注）,b\n");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].fields, (Fields{"（注）", "b"}));
}

TEST(CsvReader, RaggedRowsAreReadAsTheyAreForTheCallerToJudge) {
    const auto records = read_all("a,b,c\n1,2\n1,2,3,4\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].fields.size(), 2u);
    EXPECT_EQ(records[2].fields.size(), 4u);
}

TEST(CsvReader, EmptyLinesAreBlankRecordsSoRowNumbersStayTrue) {
    const auto records = read_all("a,b\n\n1,2\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_TRUE(records[1].blank());
    EXPECT_FALSE(records[2].blank());
}

TEST(CsvReader, LastRecordWithoutLineEndAndNoTrailingEmptyRecord) {
    EXPECT_EQ(read_all("a,b\n1,2").size(), 2u);
    EXPECT_EQ(read_all("a,b\n1,2\n").size(), 2u);
    EXPECT_TRUE(read_all("").empty());
}

TEST(CsvReader, AnUnclosedQuoteIsFlaggedNotFatal) {
    const auto records = read_all("a,b\n1,\"open\n2,3\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_TRUE(records[1].unterminated);
    EXPECT_FALSE(records[0].unterminated);
}

TEST(CsvReader, AQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter) {
    const auto records = read_all("5\"3,\"ab\"c\n");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].fields, (Fields{"5\"3", "abc"}));
}

TEST(CsvReader, AnOverlongFieldIsCutAndFlagged) {
    const std::string huge(CsvReader::kMaxFieldBytes + 10, 'x');
    const auto records = read_all("\"" + huge + "\",1\nnext,2\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_TRUE(records[0].oversized);
    EXPECT_EQ(records[0].fields[0].size(), CsvReader::kMaxFieldBytes);
    EXPECT_EQ(records[1].fields, (Fields{"next", "2"}));
}

}  // namespace
}  // namespace carecheck
