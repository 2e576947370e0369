// The table of question kinds: one line a kind, in the order of `enum class Kind`.
// A kind missing here, or out of order, does not compile.
#include <array>

#include "core/base/text.h"
#include "core/quiz/kind.h"
#include "core/quiz/kinds/authored.h"
#include "core/quiz/kinds/before_after.h"
#include "core/quiz/kinds/first_last.h"
#include "core/quiz/kinds/interval.h"
#include "core/quiz/kinds/number.h"
#include "core/quiz/kinds/order.h"
#include "core/quiz/kinds/true_false.h"
#include "core/quiz/kinds/when.h"
#include "core/quiz/kinds/who_did.h"
#include "core/quiz/kinds/who_said.h"

namespace chronicle {

namespace {

constexpr std::array<const KindSpec*, kKindCount> kTable = {
    &kinds::kFirst,  &kinds::kLast,   &kinds::kOrder,  &kinds::kBeforeAfter, &kinds::kWhen,     &kinds::kInterval,
    &kinds::kWhoSaid, &kinds::kWhoDid, &kinds::kNumber, &kinds::kTrueFalse,   &kinds::kAuthored,
};
constexpr bool every_line_filled() {
    for (const KindSpec* spec : kTable)
        if (!spec) return false;
    return true;
}
static_assert(every_line_filled(), "every Kind needs one line in the table");

constexpr bool in_enum_order() {
    for (size_t i = 0; i < kKindCount; ++i)
        if (index_of(kTable[i]->kind) != i) return false;
    return true;
}
static_assert(in_enum_order(), "the table lists the kinds in the order of enum class Kind");

constexpr std::array<Kind, kKindCount> kKinds = [] {
    std::array<Kind, kKindCount> all{};
    for (size_t i = 0; i < kKindCount; ++i) all[i] = static_cast<Kind>(i);
    return all;
}();

} // namespace

const char* Words::in(std::string_view lang) const { return is_chinese(lang) ? zh : en; }

// Kind::Count is no kind: at() throws rather than read past the table.
const KindSpec& kind_spec(Kind k) { return *kTable.at(index_of(k)); }

const Kind* AllKinds::begin() const { return kKinds.data(); }
const Kind* AllKinds::end() const { return kKinds.data() + kKinds.size(); }

const char* kind_name(Kind k) { return kind_spec(k).name; }

std::optional<Kind> kind_from_name(std::string_view name) {
    for (Kind k : kAllKinds)
        if (name == kind_name(k)) return k;
    return std::nullopt;
}

const std::string& kind_names_list() {
    static const std::string list = [] {
        std::vector<std::string> names;
        for (Kind k : kAllKinds) names.emplace_back(kind_name(k));
        return join(names, ",");
    }();
    return list;
}

} // namespace chronicle
