// JsonWriter writes what nlohmann's dump() writes for the same values: the screening line and
// the result are written with it, and their bytes must not change with the writer.
#include "render/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace carecheck {
namespace {

std::string written_string(const std::string& text) {
    std::string out;
    JsonWriter(out).string(text);
    return out;
}

std::string written_number(double value) {
    std::string out;
    JsonWriter(out).number(value);
    return out;
}

TEST(JsonWriter, StringsAreEscapedAsNlohmannEscapesThem) {
    std::string every_control;
    for (int c = 1; c < 0x20; ++c) every_control += static_cast<char>(c);
    for (const std::string& text : {std::string("plain"), std::string("引号\"和\\反斜杠"), every_control,
                                    std::string("tab\tnew\nline\r"), std::string("\x7f/slash"), std::string(),
                                    std::string("👵 张家口")}) {
        EXPECT_EQ(written_string(text), OrderedJson(text).dump()) << text;
    }
}

TEST(JsonWriter, NumbersAreFormattedAsNlohmannFormatsThem) {
    for (double value : {0.0, -0.0, 1.0, 1500.0, 7862.4000000000005, 3.5, 0.1, 1e-5, 123456789012345678.0,
                         -42.25, 1e300, 365.0 * 3.3}) {
        EXPECT_EQ(written_number(value), OrderedJson(value).dump()) << value;
    }
    // Not a number JSON can hold: null, as nlohmann writes it.
    EXPECT_EQ(written_number(std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonWriter, TextsAndCitationsHaveTheShapeOfToJson) {
    std::string out;
    JsonWriter(out).text(make_text("符合", "yes")).raw(",").cite(Cite{"第三条", "“引文”"});
    EXPECT_EQ(out, to_json(make_text("符合", "yes")).dump() + "," + to_json(Cite{"第三条", "“引文”"}).dump());
}

}  // namespace
}  // namespace carecheck
