#include <ctime>
#include <istream>
#include <ostream>

#include "commands.h"

namespace carecheck::cli {

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

int run_batch(const Service& service, const std::string& today_date, bool full, std::istream& in,
              std::ostream& out, std::ostream& err) {
    std::string line;
    size_t number = 0, errors = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::string result = full ? service.check(line, today_date) : service.screen(line, today_date);
        // Every output line says which input line it answers, so a bad line is easy to find.
        // The service always returns an object starting {"ok":…, so the stamp goes in front.
        if (result.compare(0, 10, "{\"ok\":fals") == 0) ++errors;
        out << "{\"line\":" << number << ',' << result.substr(1) << '\n';
    }
    out.flush();
    err << "carecheck batch: " << number << " lines, " << (number - errors) << " screened, " << errors
        << " with errors\n";
    return kOk;
}

}  // namespace carecheck::cli
