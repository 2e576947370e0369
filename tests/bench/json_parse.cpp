// chronicle_json_parse FILE: the yardstick for `chronicle validate` in big_packs.py —
// reads the file and parses it into nlohmann's DOM, which is then freed; nothing else.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: chronicle_json_parse FILE\n");
        return 2;
    }
    std::FILE* in = std::fopen(argv[1], "rb");
    if (!in) return 1;
    std::string text;
    char buffer[1 << 16];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;) text.append(buffer, n);
    std::fclose(in);
    const nlohmann::json root = nlohmann::json::parse(text, nullptr, false);
    return root.is_discarded() ? 1 : 0;
}
