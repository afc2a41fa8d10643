#include "input_encoding.h"

#include <algorithm>
#include <cerrno>

namespace carecheck {

namespace {

constexpr size_t kChunkBytes = 64 * 1024;
const iconv_t kNoConverter = reinterpret_cast<iconv_t>(-1);
const char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

bool starts_with(const std::string& text, const char* prefix, size_t length) {
    return text.size() >= length && text.compare(0, length, prefix, length) == 0;
}

/// UTF-16 written from mostly ASCII text (commas, digits, line ends) has a NUL byte in every
/// such character: at odd offsets in little-endian, even ones in big-endian. CJK characters
/// rarely have a zero byte (U+4E00 一 does), so the side with clearly more NULs wins.
bool looks_like_utf16(const std::string& sample, TextEncoding& which) {
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < sample.size(); ++i) {
        if (sample[i] == '\0')
            ++(i % 2 == 0 ? even : odd);
    }
    if (odd > 2 * even) {
        which = TextEncoding::kUtf16Le;
        return true;
    }
    if (even > 2 * odd) {
        which = TextEncoding::kUtf16Be;
        return true;
    }
    return false;
}

/// Whether iconv reads all of `sample` as `encoding` (a sequence cut at the end is fine unless
/// `at_end`).
bool decodes_as(const std::string& sample, const char* encoding, bool at_end) {
    iconv_t converter = iconv_open("UTF-8", encoding);
    if (converter == kNoConverter)
        return false;
    std::string in = sample, out(sample.size() * 2 + 16, '\0');
    char* in_at = &in[0];
    size_t in_left = in.size();
    bool ok = true;
    while (in_left > 0) {
        char* out_at = &out[0];
        size_t out_left = out.size();
        if (iconv(converter, &in_at, &in_left, &out_at, &out_left) != static_cast<size_t>(-1))
            break;
        if (errno == E2BIG)
            continue;  // the output buffer is reused: only whether it decodes matters
        ok = errno == EINVAL && !at_end;
        break;
    }
    iconv_close(converter);
    return ok;
}

}  // namespace

bool valid_utf8(const std::string& text, bool at_end) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const size_t size = text.size();
    for (size_t i = 0; i < size;) {
        const unsigned char lead = bytes[i];
        size_t length;
        unsigned min_second = 0x80, max_second = 0xBF;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                min_second = 0xA0;  // no overlong forms
            if (lead == 0xED)
                max_second = 0x9F;  // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                min_second = 0x90;
            if (lead == 0xF4)
                max_second = 0x8F;  // nothing above U+10FFFF
        } else {
            return false;
        }
        for (size_t k = 1; k < length; ++k) {
            if (i + k >= size)
                return !at_end;  // cut off by the sample's end
            const unsigned char next = bytes[i + k];
            const unsigned low = k == 1 ? min_second : 0x80, high = k == 1 ? max_second : 0xBF;
            if (next < low || next > high)
                return false;
        }
        i += length;
    }
    return true;
}

TextEncoding detect_encoding(const std::string& sample, bool at_end) {
    if (starts_with(sample, "\xFF\xFE", 2))
        return TextEncoding::kUtf16Le;
    if (starts_with(sample, "\xFE\xFF", 2))
        return TextEncoding::kUtf16Be;
    if (starts_with(sample, "\xEF\xBB\xBF", 3))
        return TextEncoding::kUtf8;
    TextEncoding utf16;
    if (looks_like_utf16(sample, utf16))
        return utf16;
    if (!valid_utf8(sample, at_end) && decodes_as(sample, "GB18030", at_end))
        return TextEncoding::kGb18030;
    return TextEncoding::kUtf8;
}

const char* encoding_name(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::kUtf16Le:
            return "UTF-16LE";
        case TextEncoding::kUtf16Be:
            return "UTF-16BE";
        case TextEncoding::kGb18030:
            return "GB18030";
        case TextEncoding::kUtf8:
            break;
    }
    return "UTF-8";
}

Utf8Input::Utf8Input(std::streambuf& source) : source_(source) {
    // The first line at least (the header of a CSV) and the byte after its line break (a UTF-16
    // line end is two bytes), more if it is at hand.
    const auto has_line = [this] {
        const size_t end = raw_.find('\n');
        return end != std::string::npos && end + 1 < raw_.size();
    };
    while (raw_.size() < kSampleBytes && !has_line() && read_raw()) {
    }
    encoding_ = detect_encoding(raw_, source_done_);
    if (encoding_ == TextEncoding::kUtf16Le || encoding_ == TextEncoding::kUtf16Be) {
        bom_ = starts_with(raw_, encoding_ == TextEncoding::kUtf16Le ? "\xFF\xFE" : "\xFE\xFF", 2);
        if (bom_)
            raw_at_ = 2;  // the mark says how to read the file; it is not part of the text
    }
    if (encoding_ == TextEncoding::kUtf8) {
        not_utf8_ = !valid_utf8(raw_, source_done_);
    } else {
        converter_ = iconv_open("UTF-8", encoding_name(encoding_));
        if (converter_ == kNoConverter) {
            // Not expected with glibc; without a converter the bytes pass through as they are.
            encoding_ = TextEncoding::kUtf8;
            not_utf8_ = true;
        }
    }
}

Utf8Input::~Utf8Input() {
    if (converter_ != kNoConverter)
        iconv_close(converter_);
}

bool Utf8Input::read_raw() {
    if (source_done_)
        return false;
    raw_.erase(0, raw_at_);
    raw_at_ = 0;
    // What the source has at hand (at least one byte, waiting for it if need be), so rows from a
    // slow pipe are screened as they come instead of a chunk at a time.
    if (traits_type::eq_int_type(source_.sgetc(), traits_type::eof())) {
        source_done_ = true;
        return false;
    }
    const std::streamsize ready = source_.in_avail();
    const size_t want = std::min(kChunkBytes, static_cast<size_t>(ready > 0 ? ready : 1));
    const size_t before = raw_.size();
    raw_.resize(before + want);
    const std::streamsize got = source_.sgetn(&raw_[before], static_cast<std::streamsize>(want));
    raw_.resize(before + static_cast<size_t>(got > 0 ? got : 0));
    return got > 0;
}

void Utf8Input::decode(bool at_end) {
    // One unit of the encoding: what is skipped when a sequence does not decode.
    const size_t unit = encoding_ == TextEncoding::kGb18030 ? 1 : 2;
    char* in_at = &raw_[raw_at_];
    size_t in_left = raw_.size() - raw_at_;
    size_t written = 0;
    out_.resize(in_left * 2 + 16);
    while (in_left > 0) {
        char* out_at = &out_[written];
        size_t out_left = out_.size() - written;
        const size_t result = iconv(converter_, &in_at, &in_left, &out_at, &out_left);
        const int error = errno;
        written = out_.size() - out_left;
        if (result != static_cast<size_t>(-1))
            break;
        if (error == E2BIG) {
            out_.resize(out_.size() * 2);
            continue;
        }
        if (error == EINVAL && !at_end)
            break;  // a sequence cut by the chunk's end: decoded with the next chunk
        // Not decodable (or cut off by the end of the input): one U+FFFD, and on.
        const size_t skip = error == EINVAL ? in_left : std::min(unit, in_left);
        in_at += skip;
        in_left -= skip;
        ++replaced_;
        if (out_.size() - written < sizeof kReplacement)
            out_.resize(out_.size() * 2 + sizeof kReplacement);
        out_.replace(written, 3, kReplacement, 3);
        written += 3;
    }
    out_.resize(written);
    raw_at_ = static_cast<size_t>(in_at - raw_.data());
}

Utf8Input::int_type Utf8Input::underflow() {
    while (gptr() == egptr()) {
        // More raw bytes when none wait, or when what waits is the start of a cut sequence.
        if (raw_at_ >= raw_.size() || cut_sequence_) {
            if (!read_raw() && raw_at_ >= raw_.size())
                return traits_type::eof();
        }
        if (encoding_ == TextEncoding::kUtf8) {
            out_.assign(raw_, raw_at_, std::string::npos);
            raw_at_ = raw_.size();
        } else {
            decode(source_done_);
            cut_sequence_ = raw_at_ < raw_.size();
        }
        setg(&out_[0], &out_[0], &out_[0] + out_.size());
    }
    return traits_type::to_int_type(*gptr());
}

}  // namespace carecheck
