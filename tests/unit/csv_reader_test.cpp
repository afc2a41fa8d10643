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

TEST(CsvReader, AnUnclosedQuoteCostsOneRowAndTheRowsAfterItAreReadAgain) {
    const auto records = read_all("a,b\n1,\"open\n2,3\r\n4,5\n");
    ASSERT_EQ(records.size(), 4u);
    EXPECT_FALSE(records[0].unterminated);
    EXPECT_TRUE(records[1].unterminated);
    EXPECT_EQ(records[1].line, 2u);
    EXPECT_EQ(records[2].fields, (Fields{"2", "3"}));
    EXPECT_EQ(records[2].line, 3u);
    EXPECT_FALSE(records[2].unterminated);
    EXPECT_EQ(records[3].fields, (Fields{"4", "5"}));
    EXPECT_EQ(records[3].line, 4u);
}

TEST(CsvReader, AnUnclosedQuoteOnTheLastLineIsFlagged) {
    const auto records = read_all("a,b\n1,\"open");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_TRUE(records[1].unterminated);
}

std::string lines(size_t count, const std::string& line) {
    std::string out;
    for (size_t i = 0; i < count; ++i)
        out += line + "\n";
    return out;
}

TEST(CsvReader, AQuotedFieldMayHoldUpToTheLimitOfLineBreaks) {
    const std::string cell = lines(CsvReader::kMaxQuotedLines, "note");
    const auto records = read_all("1,\"" + cell + "\"\n2,x\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_FALSE(records[0].unterminated);
    EXPECT_EQ(records[0].fields, (Fields{"1", cell}));
    EXPECT_EQ(records[1].line, CsvReader::kMaxQuotedLines + 2);
}

TEST(CsvReader, AQuoteClosedOnlyPastTheLimitIsGivenUpAndTheLinesAfterItAreRows) {
    // The stray quote on line 1 is closed by another 150 lines on: without the limit, those
    // lines would all be one field and every row number after them would be off.
    const auto records = read_all("1,\"stray\n" + lines(150, "r,s") + "t,u\"\n");
    ASSERT_EQ(records.size(), 152u);
    EXPECT_TRUE(records[0].unterminated);
    for (size_t i = 1; i <= 150; ++i) {
        EXPECT_EQ(records[i].fields, (Fields{"r", "s"})) << i;
        EXPECT_EQ(records[i].line, i + 1) << i;
    }
    EXPECT_EQ(records[151].fields, (Fields{"t", "u\""}));  // a quote inside a field is text
}

TEST(CsvReader, AQuoteOverAMebibyteOfLinesIsGivenUpWithinTheLimit) {
    const std::string long_line(CsvReader::kMaxFieldBytes / 4, 'x');
    const auto records = read_all("\"" + lines(8, long_line) + "next,1\n");
    ASSERT_GE(records.size(), 2u);
    EXPECT_TRUE(records[0].unterminated);
    EXPECT_EQ(records[1].fields, (Fields{long_line}));
    EXPECT_EQ(records[1].line, 2u);
    EXPECT_EQ(records.back().fields, (Fields{"next", "1"}));
    EXPECT_EQ(records.back().line, 9u);
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

TEST(CsvReader, ARecordOfUpToTheFieldLimitIsKeptWhole) {
    const auto records = read_all(std::string(CsvReader::kMaxFields - 1, ',') + "\n");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_FALSE(records[0].too_many_fields);
    EXPECT_EQ(records[0].fields.size(), CsvReader::kMaxFields);
}

TEST(CsvReader, ARecordOverTheFieldLimitIsFlaggedAndTheNextRecordIsReadAsUsual) {
    // A million commas would be a million empty strings: only the first kMaxFields are kept.
    const auto records = read_all("a,b\n" + std::string(1000000, ',') + "\"x,\ny\",z\n1,2\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_FALSE(records[0].too_many_fields);
    EXPECT_TRUE(records[1].too_many_fields);
    EXPECT_EQ(records[1].fields.size(), CsvReader::kMaxFields);
    EXPECT_EQ(records[1].line, 2u);
    // The rest of the record, a quoted line break included, is read past, not taken as records.
    EXPECT_EQ(records[2].fields, (Fields{"1", "2"}));
    EXPECT_EQ(records[2].line, 4u);
    EXPECT_FALSE(records[2].too_many_fields);
}

}  // namespace
}  // namespace carecheck
