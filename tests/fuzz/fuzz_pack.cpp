// Any bytes as a rule pack: loading must end with a rule set or issues, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "carecheck/service.h"
#include <cstdio>

namespace {
const std::string& catalogue() {
    static const std::string text = [] {
        std::string out;
        FILE* f = std::fopen(CARECHECK_RULES_DIR "/facts.json", "rb");
        if (!f) return out;
        char buffer[4096];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
        std::fclose(f);
        return out;
    }();
    return text;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // One service for the run, as the page keeps one: the catalogue is parsed by the first load
    // only (CatalogueMemo), so each input costs its own pack, not the catalogue's 21 KB again.
    static carecheck::Service service;
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::string loaded = service.load({{"facts.json", catalogue()}, {"fuzz.pack.json", input}});
    if (loaded.rfind("{\"ok\":", 0) != 0) __builtin_trap();
    if (loaded.find("\"code\":\"internal\"") != std::string::npos) __builtin_trap();
    if (loaded.rfind("{\"ok\":true", 0) != 0) return 0;
    // A pack that loads must also evaluate an empty and a one-member household. No call may end
    // in "internal", a caught exception: the wasm module has none to catch (core/src/catching.h).
    for (const std::string& out :
         {service.check("{\"as_of\":\"2026-11-23\"}"),
          service.questions("{\"as_of\":\"2026-11-23\",\"members\":[{\"id\":\"a\",\"roles\":[\"elder\"]}]}")}) {
        if (out.find("\"code\":\"internal\"") != std::string::npos) __builtin_trap();
    }
    return 0;
}
