// One place where a C++ exception may become an error value.
//
// The native build keeps exceptions, so a bug or exhausted memory inside a call becomes an
// "internal" error envelope. The wasm module is built without them (-fno-exceptions, about 15%
// smaller on the wire, wasm/CMakeLists.txt): the core throws nothing itself and calls nlohmann
// only in ways that cannot throw (SAX parsing, types checked before get), and the fuzz targets
// trap on any "internal" error, which is what a caught exception turns into natively.
#pragma once

#include <exception>
#include <utility>

namespace carecheck {

/// Returns body(); in a build with exceptions, a std::exception becomes on_error(what()).
template <class Body, class OnError>
auto catching(Body&& body, OnError&& on_error) -> decltype(body()) {
#if defined(__cpp_exceptions)
    try {
        return std::forward<Body>(body)();
    } catch (const std::exception& e) {
        return std::forward<OnError>(on_error)(e.what());
    }
#else
    (void)on_error;
    return std::forward<Body>(body)();
#endif
}

}  // namespace carecheck
