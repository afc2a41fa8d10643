// carecheck_bench — how fast the engine evaluates households, printed as numbers.
//
//   carecheck_bench [--rules DIR] [--households N] [--seconds S] [--seed N]
//       loads every rule file in DIR (default: the source tree's rules/), generates N
//       households (default 2000, fixed seed), then times Service::check() and
//       Service::questions() over them for at least S seconds each (default 2), for the whole
//       rule set and for each pack on its own. Nothing is asserted about time.
//   carecheck_bench --emit-jsonl N [--rules DIR] [--seed N]
//       prints N generated households, one JSON per line (used by bench/batch.sh).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "carecheck/evaluation.h"
#include "carecheck/household.h"
#include "carecheck/render.h"
#include "carecheck/service.h"
#include "household_gen.h"

#ifndef CARECHECK_DEFAULT_RULES
#define CARECHECK_DEFAULT_RULES "rules"
#endif

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::string rules = CARECHECK_DEFAULT_RULES;
    int households = 2000;
    double seconds = 2.0;
    std::uint32_t seed = 20261123;
    long emit_jsonl = -1;
};

[[noreturn]] void usage(const char* msg) {
    std::fprintf(stderr,
                 "carecheck_bench: %s\nusage: carecheck_bench [--rules DIR] [--households N] "
                 "[--seconds S] [--seed N] [--emit-jsonl N]\n",
                 msg);
    std::exit(2);
}

Options parse_args(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                usage(("missing value after " + a).c_str());
            return argv[++i];
        };
        try {
            if (a == "--rules")
                o.rules = value();
            else if (a == "--households")
                o.households = std::stoi(value());
            else if (a == "--seconds")
                o.seconds = std::stod(value());
            else if (a == "--seed")
                o.seed = static_cast<std::uint32_t>(std::stoul(value()));
            else if (a == "--emit-jsonl")
                o.emit_jsonl = std::stol(value());
            else
                usage(("unknown argument " + a).c_str());
        } catch (const std::exception&) {
            usage(("bad value for " + a).c_str());
        }
    }
    if (o.households < 1)
        usage("--households must be at least 1");
    return o;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The files the engine loads: every *.json except *.cases.json, named "rules/<file>".
std::vector<carecheck::RuleFile> load_rule_files(const std::string& dir) {
    std::vector<carecheck::RuleFile> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string name = e.path().filename().string();
        if (!e.is_regular_file() || !ends_with(name, ".json") || ends_with(name, ".cases.json"))
            continue;
        files.push_back({"rules/" + name, read_file(e.path())});
    }
    if (ec) {
        std::fprintf(stderr, "carecheck_bench: cannot read %s: %s\n", dir.c_str(),
                     ec.message().c_str());
        std::exit(1);
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return files;
}

bool load_ok(carecheck::Service& s, const std::vector<carecheck::RuleFile>& files) {
    json r = json::parse(s.load(files), nullptr, false);
    if (r.is_object() && r.value("ok", false))
        return true;
    std::fprintf(stderr, "carecheck_bench: the rule set does not load:\n%s\n", r.dump(2).c_str());
    return false;
}

struct Timing {
    long calls = 0;
    double seconds = 0;
    double output_bytes = 0;  // average size of one result
    double per_second() const { return seconds > 0 ? calls / seconds : 0; }
    double micros_per_call() const { return calls > 0 ? seconds * 1e6 / calls : 0; }
};

// Calls fn over every household, pass after pass, until at least `min_seconds` have passed.
template <typename Fn>
Timing time_passes(const std::vector<std::string>& households, double min_seconds, Fn fn) {
    Timing t;
    std::size_t sink = 0;
    for (const auto& h : households)
        sink += fn(h).size();  // warm-up pass, not timed
    t.output_bytes = static_cast<double>(sink) / households.size();
    auto start = Clock::now();
    do {
        for (const auto& h : households)
            sink += fn(h).size();
        t.calls += static_cast<long>(households.size());
        t.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    } while (t.seconds < min_seconds);
    if (sink == 0)
        std::fprintf(stderr, "(no output)\n");
    return t;
}

// How the generated households came out, so the numbers are known to cover every status.
std::map<std::string, long> status_counts(const carecheck::Service& s,
                                          const std::vector<std::string>& households) {
    std::map<std::string, long> counts;
    for (const auto& h : households) {
        json r = json::parse(s.check(h), nullptr, false);
        if (!r.is_object() || !r.value("ok", false)) {
            counts["(input error)"]++;
            continue;
        }
        for (const auto& p : r.value("packs", json::array()))
            for (const auto& prog : p.value("programs", json::array()))
                counts[prog.value("status", "?")]++;
    }
    return counts;
}

// What the generator knows: describe() first, then the rule files for anything it leaves out.
carecheck::bench::Catalogue catalogue_of(const carecheck::Service& service,
                                         const std::vector<carecheck::RuleFile>& files) {
    carecheck::bench::Catalogue cat;
    cat.add_json(json::parse(service.describe(), nullptr, false));
    for (const auto& f : files)
        cat.add_json(json::parse(f.text, nullptr, false));
    return cat;
}

std::vector<std::string> generate(carecheck::bench::HouseholdGenerator& gen, int n) {
    std::vector<std::string> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out.push_back(gen.next().dump());
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt = parse_args(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each number is out before the next run starts
    auto files = load_rule_files(opt.rules);
    if (files.empty()) {
        std::fprintf(stderr, "carecheck_bench: no rule files in %s\n", opt.rules.c_str());
        return 1;
    }

    carecheck::Service service;
    auto load_start = Clock::now();
    if (!load_ok(service, files))
        return 1;
    double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - load_start).count();

    carecheck::bench::HouseholdGenerator gen(catalogue_of(service, files), opt.seed);

    if (opt.emit_jsonl >= 0) {
        std::ios::sync_with_stdio(false);
        for (long i = 0; i < opt.emit_jsonl; ++i)
            std::cout << gen.next().dump() << '\n';
        return 0;
    }

    std::vector<std::string> households = generate(gen, opt.households);

    std::vector<std::string> packs;
    for (const auto& f : files)
        if (ends_with(f.name, ".pack.json"))
            packs.push_back(f.name);

    std::printf(
            "carecheck_bench: %zu rule files (%zu packs), %d households (seed %u), "
            "%zu facts, %zu roles\n",
            files.size(), packs.size(), opt.households, opt.seed, gen.catalogue().facts.size(),
            gen.catalogue().roles.size());
    std::printf("load (parse + validate + compile): %.2f ms\n", load_ms);

    auto counts = status_counts(service, households);
    std::printf("program results per pass:");
    for (const auto& [status, n] : counts)
        std::printf(" %s=%ld", status.c_str(), n);
    std::printf("\n");

    // The typed core alone: households read once, then evaluated (statuses and amounts, no
    // trace), then evaluated with the trace the explanations are read from.
    std::vector<carecheck::Household> typed;
    for (const auto& h : households) {
        carecheck::IssueList issues;
        if (auto household = carecheck::read_household_text(h, *service.ruleset(), "", issues))
            typed.push_back(std::move(*household));
    }
    const auto time_typed = [&](carecheck::Trace trace) {
        Timing t;
        std::size_t sink = 0;
        auto start = Clock::now();
        do {
            for (const auto& h : typed)
                sink += carecheck::evaluate(*service.ruleset(), h, trace).packs.size();
            t.calls += static_cast<long>(typed.size());
            t.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        } while (t.seconds < opt.seconds);
        if (sink == 0)
            std::fprintf(stderr, "(no output)\n");
        return t;
    };
    const Timing bare = time_typed(carecheck::Trace::Skip);
    std::printf("evaluate() alone, all packs, no trace: %10.0f households/s  %8.2f us/household\n",
                bare.per_second(), bare.micros_per_call());
    const Timing traced = time_typed(carecheck::Trace::Record);
    std::printf("evaluate() with trace, all packs:      %10.0f households/s  %8.2f us/household\n",
                traced.per_second(), traced.micros_per_call());

    Timing screen = time_passes(households, opt.seconds,
                                [&](const std::string& h) { return service.screen(h); });
    std::printf(
            "screen() (text in, line out):          %10.0f households/s  %8.1f us/household  %7.1f KB out\n",
            screen.per_second(), screen.micros_per_call(), screen.output_bytes / 1024);

    Timing check = time_passes(households, opt.seconds,
                               [&](const std::string& h) { return service.check(h); });
    std::printf(
            "check, all packs:     %10.0f households/s  %10.0f pack evaluations/s  %8.1f "
            "us/household  %7.1f KB out\n",
            check.per_second(), check.per_second() * packs.size(), check.micros_per_call(),
            check.output_bytes / 1024);

    Timing questions = time_passes(households, opt.seconds,
                                   [&](const std::string& h) { return service.questions(h); });
    std::printf(
            "questions, all packs: %10.0f households/s  %30s %8.1f us/household  %7.1f KB out\n",
            questions.per_second(), "", questions.micros_per_call(), questions.output_bytes / 1024);

    // Each pack on its own (with the catalogue and any non-pack files it needs), on
    // households drawn from that smaller rule set (a fact only another pack knows would
    // make the household an input error).
    if (packs.size() > 1) {
        for (const auto& pack : packs) {
            std::vector<carecheck::RuleFile> subset;
            for (const auto& f : files)
                if (f.name == pack || !ends_with(f.name, ".pack.json"))
                    subset.push_back(f);
            carecheck::Service one;
            if (!load_ok(one, subset))
                continue;
            carecheck::bench::HouseholdGenerator one_gen(catalogue_of(one, subset), opt.seed);
            std::vector<std::string> one_households = generate(one_gen, opt.households);
            Timing t = time_passes(one_households, opt.seconds / 2,
                                   [&](const std::string& h) { return one.check(h); });
            std::printf("check, %-36s %10.0f households/s  %30s %8.1f us/household  %7.1f KB out\n",
                        (pack + ":").c_str(), t.per_second(), "", t.micros_per_call(),
                        t.output_bytes / 1024);
        }
    }
    return 0;
}
