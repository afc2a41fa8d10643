// Utf8Input: GBK/GB18030 and UTF-16 spreadsheets told apart from UTF-8 and decoded as they are
// read, whatever size the pieces come in.
#include "input_encoding.h"

#include <gtest/gtest.h>

#include <istream>
#include <sstream>
#include <string>

namespace carecheck {
namespace {

// "编号,年龄\r\n一,81\r\n" in each encoding (Python's str.encode, checked by hand).
const std::string kUtf8 =
        "\xE7\xBC\x96\xE5\x8F\xB7,\xE5\xB9\xB4\xE9\xBE\x84\r\n\xE4\xB8\x80,81\r\n";
const std::string kGbk = "\xB1\xE0\xBA\xC5,\xC4\xEA\xC1\xE4\r\n\xD2\xBB,81\r\n";
const char kUtf16LeBytes[] = "\x16\x7F\xF7\x53,\0t^\x84\x9F\r\0\n\0\0N,\0008\0001\0\r\0\n\0";
const std::string kUtf16Le(kUtf16LeBytes, sizeof kUtf16LeBytes - 1);

std::string utf16be(const std::string& le) {
    std::string be = le;
    for (size_t i = 0; i + 1 < be.size(); i += 2)
        std::swap(be[i], be[i + 1]);
    return be;
}

/// A source that hands out `piece` bytes at a time, as a slow pipe would.
class Trickle : public std::streambuf {
public:
    Trickle(std::string text, size_t piece) : text_(std::move(text)), piece_(piece) {}

protected:
    int_type underflow() override {
        if (at_ >= text_.size())
            return traits_type::eof();
        const size_t n = std::min(piece_, text_.size() - at_);
        setg(&text_[at_], &text_[at_], &text_[at_] + n);
        at_ += n;
        return traits_type::to_int_type(*gptr());
    }

private:
    std::string text_;
    size_t piece_, at_ = 0;
};

struct Decoded {
    TextEncoding encoding;
    std::string text;
    size_t replaced;
    bool not_utf8;
};

Decoded decode(const std::string& bytes, size_t piece = 1 << 20) {
    Trickle source(bytes, piece);
    Utf8Input input(source);
    std::istream in(&input);
    std::ostringstream out;
    out << in.rdbuf();
    return {input.encoding(), out.str(), input.replaced(), input.not_utf8()};
}

TEST(InputEncoding, Utf8PassesThroughUnchangedWithOrWithoutItsMark) {
    const Decoded plain = decode(kUtf8);
    EXPECT_EQ(plain.encoding, TextEncoding::kUtf8);
    EXPECT_EQ(plain.text, kUtf8);
    EXPECT_FALSE(plain.not_utf8);
    EXPECT_EQ(decode("\xEF\xBB\xBF" + kUtf8).text,
              "\xEF\xBB\xBF" + kUtf8);  // the CSV reader drops it
    EXPECT_EQ(decode("").text, "");
}

TEST(InputEncoding, GbkWithoutAMarkIsDecoded) {
    for (size_t piece : {size_t{1}, size_t{3}, size_t{1} << 20}) {
        const Decoded d = decode(kGbk, piece);
        EXPECT_EQ(d.encoding, TextEncoding::kGb18030) << piece;
        EXPECT_EQ(d.text, kUtf8) << piece;
        EXPECT_EQ(d.replaced, 0u);
    }
}

TEST(InputEncoding, Utf16IsFoundByItsMarkOrItsNulBytesInEitherByteOrder) {
    const std::string le = kUtf16Le, be = utf16be(kUtf16Le);
    const struct {
        std::string bytes;
        TextEncoding want;
    } cases[] = {{"\xFF\xFE" + le, TextEncoding::kUtf16Le},
                 {le, TextEncoding::kUtf16Le},
                 {"\xFE\xFF" + be, TextEncoding::kUtf16Be},
                 {be, TextEncoding::kUtf16Be}};
    for (const auto& c : cases) {
        for (size_t piece : {size_t{1}, size_t{5}, size_t{1} << 20}) {
            const Decoded d = decode(c.bytes, piece);
            EXPECT_EQ(d.encoding, c.want) << piece;
            EXPECT_EQ(d.text, kUtf8) << piece;  // the mark is not part of the text
        }
    }
}

TEST(InputEncoding, CharactersBeyondTheBasicPlaneSurviveBeingCutBetweenPieces) {
    // U+20000 𠀀 is a surrogate pair in UTF-16 and four bytes in GB18030.
    const std::string le = std::string("a\0,\0\x40\xD8\x00\xDC\n\0", 10);
    const std::string gb =
            "\xB1\xE0,"
            "\x95\x32\x82\x36"
            "\n";
    for (size_t piece = 1; piece <= 4; ++piece) {
        EXPECT_EQ(decode(le, piece).text, "a,\xF0\xA0\x80\x80\n") << piece;
        EXPECT_EQ(decode(gb, piece).text, "\xE7\xBC\x96,\xF0\xA0\x80\x80\n") << piece;
    }
}

TEST(InputEncoding, BytesThatDoNotDecodeBecomeReplacementCharactersAndReadingGoesOn) {
    // A lone low surrogate, then an odd byte cut off by the end of the input.
    const Decoded d =
            decode(std::string("\xFF\xFE"
                               "a\0\x00\xDC"
                               "b\0\n\0x",
                               11));
    EXPECT_EQ(d.text,
              "a\xEF\xBF\xBD"
              "b\n\xEF\xBF\xBD");
    EXPECT_EQ(d.replaced, 2u);
}

TEST(InputEncoding, NeitherUtf8NorGb18030IsPassedThroughAndFlagged) {
    const std::string latin1_and_junk = "caf\xE9\xFF\xFF,x\n";
    const Decoded d = decode(latin1_and_junk);
    EXPECT_EQ(d.encoding, TextEncoding::kUtf8);
    EXPECT_EQ(d.text, latin1_and_junk);
    EXPECT_TRUE(d.not_utf8);
}

TEST(InputEncoding, Utf8ValidityRejectsOverlongsSurrogatesAndTolerateOnlyACutEnd) {
    EXPECT_TRUE(valid_utf8("\xE4\xB8\x80", true));
    EXPECT_FALSE(valid_utf8("\xC0\xAF", true));          // overlong "/"
    EXPECT_FALSE(valid_utf8("\xED\xA0\x80", true));      // a surrogate
    EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80", true));  // past U+10FFFF
    EXPECT_TRUE(valid_utf8("ab\xE4\xB8", false));        // cut by the sample's end
    EXPECT_FALSE(valid_utf8("ab\xE4\xB8", true));
}

}  // namespace
}  // namespace carecheck
