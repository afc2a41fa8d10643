// carecheck::Utf8Input — batch input as UTF-8, whatever spreadsheet program wrote it.
//
// WPS and Excel in China save "CSV" as GBK/GB18030 without a byte-order mark, or as "Unicode
// text" (UTF-16 little-endian, with or without a mark). Read as UTF-8, such a file has no header
// the mapping knows. So before any row is read the start of the input is looked at (the first
// line at least, up to kSampleBytes if they are at hand: all of that for a file):
//   - a UTF-16 byte-order mark (FF FE, FE FF), or NUL bytes mostly at odd (LE) or even (BE)
//     offsets, as ASCII commas, digits and line ends have in UTF-16: UTF-16;
//   - a UTF-8 byte-order mark, or a start that is valid UTF-8: UTF-8, passed through as it is;
//   - otherwise, a start that decodes as GB18030 (a superset of GBK and GB2312): GB18030.
// Anything else is passed through unchanged (cells that are not UTF-8 then show as U+FFFD in
// messages), and `not_utf8()` says so. A detected encoding is decoded to UTF-8 as the input is
// read (glibc iconv, a chunk at a time: memory stays constant); a byte sequence that does not
// decode becomes U+FFFD and is counted, and reading goes on.
#pragma once

#include <iconv.h>

#include <cstddef>
#include <streambuf>
#include <string>

namespace carecheck {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kGb18030 };

/// The encoding `sample` (the first bytes of an input) is in; `at_end` says the sample is the
/// whole input (so a sequence cut at its end is an error, not the start of the next chunk).
TextEncoding detect_encoding(const std::string& sample, bool at_end);

/// Whether `text` is valid UTF-8; a sequence cut off at the very end counts as valid unless
/// `at_end`.
bool valid_utf8(const std::string& text, bool at_end);

/// "UTF-16LE", "UTF-16BE", "GB18030" or "UTF-8": the name users and iconv know it by.
const char* encoding_name(TextEncoding encoding);

class Utf8Input : public std::streambuf {
public:
    /// At most this much of the input is looked at to tell its encoding.
    static constexpr size_t kSampleBytes = 64 * 1024;

    /// Reads the start of `source` (its first line, or more if at hand) to tell its encoding.
    explicit Utf8Input(std::streambuf& source);
    ~Utf8Input() override;
    Utf8Input(const Utf8Input&) = delete;
    Utf8Input& operator=(const Utf8Input&) = delete;

    TextEncoding encoding() const { return encoding_; }
    bool had_byte_order_mark() const { return bom_; }
    /// The input is neither UTF-8 nor anything detected: passed through as it is.
    bool not_utf8() const { return not_utf8_; }
    /// Byte sequences so far that did not decode (each became U+FFFD).
    size_t replaced() const { return replaced_; }

protected:
    int_type underflow() override;

private:
    /// Reads more raw bytes after the ones still waiting; false at the end of the source.
    bool read_raw();
    /// Decodes waiting raw bytes into out_; `at_end` turns a cut-off sequence into U+FFFD.
    void decode(bool at_end);

    std::streambuf& source_;
    TextEncoding encoding_ = TextEncoding::kUtf8;
    bool bom_ = false;
    bool not_utf8_ = false;
    bool source_done_ = false;
    bool cut_sequence_ = false;  // what waits in raw_ is a sequence cut by the chunk's end
    iconv_t converter_ = reinterpret_cast<iconv_t>(-1);
    size_t replaced_ = 0;
    std::string raw_;  // bytes read from the source, not yet decoded (from raw_at_ on)
    size_t raw_at_ = 0;
    std::string out_;  // UTF-8 served to the reader
};

}  // namespace carecheck
