// Studying over days through the real screens: a Learn session from Home (due facts
// first, then new ones), "Retry the ones I missed" after a quiz and "Review mistakes"
// from Home, in Chinese and English, with screenshots.
#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <set>

#include "core/learn/facts.h"
#include "core/quiz/phrases.h"
#include "harness.h"
#include "ui/strings.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

ui::Lang lang_of(Harness& h) { return ui::lang_from_code(h.game().settings().ui_lang); }
std::string say(Harness& h, ui::T id) { return ui::text(id, lang_of(h)); }

// The fact a Learn question was made for: the one its answer rates.
std::string fact_of(const Question& q) {
    const std::vector<FactRating> rated = rate_answer(q, q.answer, Grade{true, false, 0, 0, 0}, 0);
    REQUIRE(rated.size() == 1);
    return rated[0].fact;
}

const LearnSession& learn(Harness& h) {
    const LearnSession* session = h.game().play().learn();
    REQUIRE(session);
    return *session;
}

// Answers the Learn question on screen by keyboard (an order by Enter as it stands,
// which is wrong unless shown right): right or wrong.
void answer_learn(Harness& h, bool right) {
    const Question& q = learn(h).question();
    REQUIRE_FALSE(asks_for_order(q.kind)); // Learn asks each fact by a one-option question
    const size_t option = right ? q.answer[0] : (q.answer[0] + 1) % q.options.size();
    h.press(static_cast<SDL_Scancode>(SDL_SCANCODE_1 + static_cast<int>(option)));
}

// Two facts of the pack made due a day ago, the first more overdue, through the save.
std::vector<std::string> make_due(Harness& h) {
    Play& play = h.game().play();
    const Pack* pack = play.chosen_pack();
    REQUIRE(pack);
    const std::vector<Fact> facts = pack_facts(*pack);
    const int64_t now = static_cast<int64_t>(std::time(nullptr));
    std::vector<std::string> due;
    for (size_t i : {size_t{5}, size_t{2}}) {
        FactReview r;
        r.pack_id = pack->id;
        r.fact = fact_key(*pack, facts[i]);
        r.kind = Kind::When;
        r.at = now - 9 * 86400; // the second of two reviews
        r.card = fsrs::review({}, fsrs::Rating::Good, r.at - 86400, memory_parameters(play.settings()));
        r.card = fsrs::review(r.card, fsrs::Rating::Good, r.at, memory_parameters(play.settings()));
        r.card.due = now - 86400 * static_cast<int64_t>(due.size() + 1);
        StudyAnswer a;
        a.pack_id = pack->id;
        a.lang = "en";
        a.kind = Kind::When;
        a.prompt = "When?";
        a.correct = true;
        a.at = r.at;
        REQUIRE(play.storage()->record_study_answer(a, {r}) > 0);
        due.push_back(r.fact);
    }
    std::reverse(due.begin(), due.end()); // the most overdue first
    return due;
}

} // namespace

TEST_CASE("Study today: the due facts first, then new ones, every answer saved", "[ui][learn]") {
    for (auto [lang, w, hgt] : {std::tuple{"zh", 1280, 720}, std::tuple{"en", 1920, 1080}, std::tuple{"en", 1280, 720},
                                std::tuple{"zh", 1920, 1080}}) {
        Harness h({{"ui_lang", lang}, {"new_per_day", "5"}}, w, hgt);
        const std::string tag = std::string(lang) + "-" + std::to_string(w) + "x" + std::to_string(hgt);
        const std::vector<std::string> due = make_due(h);
        REQUIRE(h.click(say(h, ui::T::Settings))); // Home counts again when it is shown again
        h.press(SDL_SCANCODE_ESCAPE);
        REQUIRE(h.screen() == ScreenId::Home);
        const std::string counts =
            fill_in(say(h, ui::T::StudyCounts), {{"d", "2"}, {"n", "5"}});
        CHECK(h.screen_text().find(counts) != std::string::npos);
        CHECK(h.missing_glyph() == "");
        h.screenshot("learn-home-" + tag);

        REQUIRE(h.click(say(h, ui::T::StudyToday)));
        std::vector<std::string> asked;
        std::set<std::string> fresh;
        for (int i = 0; h.screen() == ScreenId::Question; ++i) {
            REQUIRE(i < 30);
            const std::string fact = learn(h).fact();
            asked.push_back(fact);
            CHECK(h.missing_glyph() == "");
            if (i == 2) h.screenshot("learn-question-" + tag);
            const bool right = i != 2; // the first new fact is forgotten, and comes back
            answer_learn(h, right);
            REQUIRE(h.screen() == ScreenId::Feedback);
            CHECK(h.screen_text().find(say(h, ui::T::LearnSaved)) != std::string::npos);
            CHECK(h.missing_glyph() == "");
            if (i == 2) h.screenshot("learn-answer-" + tag);
            h.press(SDL_SCANCODE_RETURN);
        }
        REQUIRE(h.screen() == ScreenId::LearnDone);
        REQUIRE(asked.size() >= 8);
        CHECK(asked[0] == due[0]);
        CHECK(asked[1] == due[1]);
        fresh.insert(asked.begin() + 2, asked.begin() + 7);
        CHECK(fresh.size() == 5);
        CHECK(std::find(asked.begin() + 3, asked.end(), asked[2]) != asked.end()); // forgotten: asked again
        const LearnSummary& s = learn(h).summary();
        CHECK(s.new_facts == 5);
        CHECK(s.saved == s.answered);
        CHECK(h.screen_text().find(say(h, ui::T::LearnAllSaved)) != std::string::npos);
        CHECK(h.missing_glyph() == "");
        h.screenshot("learn-done-" + tag);
        CHECK(h.game().play().storage()->study_answers("", 0).size() == 2 + asked.size());

        h.press(SDL_SCANCODE_RETURN);
        REQUIRE(h.screen() == ScreenId::Home);
        // The day's new facts are met; those still in their learning steps come back later today.
        const StudyCounts* left = h.game().play().study(h.game().play().chosen_pack()->id);
        REQUIRE(left);
        CHECK(left->fresh == 0);
        CHECK(left->due <= 5);
        CHECK(h.screen_text().find(fill_in(say(h, ui::T::StudyCounts), {{"d", std::to_string(left->due)}, {"n", "0"}})) !=
              std::string::npos);
    }
}

// A quiz of the seed pack by keyboard, with the answers at `wrong` wrong; the facts they missed.
static std::set<std::string> play_quiz(Harness& h, const std::vector<int>& wrong) {
    REQUIRE(h.click(say(h, ui::T::Start)));
    std::set<std::string> missed;
    for (int i = 0; h.screen() != ScreenId::Results; ++i) {
        REQUIRE(h.screen() == ScreenId::Question);
        const Question& q = h.session().current();
        const bool miss = std::find(wrong.begin(), wrong.end(), i) != wrong.end();
        if (miss) missed.insert(fact_of(q));
        h.press(static_cast<SDL_Scancode>(SDL_SCANCODE_1 + static_cast<int>(miss ? (q.answer[0] + 1) % q.options.size() : q.answer[0])));
        h.press(SDL_SCANCODE_RETURN);
    }
    return missed;
}

TEST_CASE("Retry the ones I missed: fresh questions on those facts, each until it is right", "[ui][learn]") {
    for (const char* lang : {"en", "zh"}) {
        Harness h({{"ui_lang", lang}, {"length", "5"}, {"mode", "practice"}, {"kinds", "when,who_said,who_did"}});
        const std::set<std::string> missed = play_quiz(h, {1, 3});
        REQUIRE(missed.size() == 2);
        const std::string retry = fill_in(say(h, ui::T::RetryMissed), {{"n", "2"}});
        REQUIRE(h.has(retry));
        CHECK(h.missing_glyph() == "");
        h.screenshot(std::string("learn-retry-results-") + lang);
        REQUIRE(h.click(retry));
        std::vector<std::string> asked;
        while (h.screen() == ScreenId::Question) {
            const std::string fact = learn(h).fact();
            const bool again = std::find(asked.begin(), asked.end(), fact) != asked.end();
            asked.push_back(fact);
            answer_learn(h, again); // wrong the first time, so it comes back; right the second
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(asked.size() <= 4);
        }
        REQUIRE(h.screen() == ScreenId::LearnDone);
        CHECK(asked.size() == 4);
        CHECK(std::set<std::string>(asked.begin(), asked.end()) == missed);
    }
}

TEST_CASE("Review mistakes: Home offers the facts last answered wrong in any game", "[ui][learn]") {
    for (const char* lang : {"zh", "en"}) {
        Harness h({{"ui_lang", lang}, {"length", "5"}, {"mode", "practice"}, {"kinds", "when,who_said,who_did"}});
        const std::set<std::string> missed = play_quiz(h, {0});
        REQUIRE(h.click(say(h, ui::T::PlayAgain))); // another game, left at once: the mistake stays
        h.press(SDL_SCANCODE_ESCAPE);
        REQUIRE(h.click(say(h, ui::T::LeaveQuizButton)));
        REQUIRE(h.screen() == ScreenId::Home);
        const std::string review = fill_in(say(h, ui::T::ReviewMistakes), {{"n", "1"}});
        REQUIRE(h.has(review));
        CHECK(h.missing_glyph() == "");
        h.screenshot(std::string("learn-mistakes-home-") + lang);
        REQUIRE(h.click(review));
        std::set<std::string> reviewed;
        while (h.screen() == ScreenId::Question) {
            reviewed.insert(learn(h).fact());
            answer_learn(h, true);
            h.press(SDL_SCANCODE_RETURN);
        }
        CHECK(reviewed == missed);
        REQUIRE(h.screen() == ScreenId::LearnDone);
        h.press(SDL_SCANCODE_RETURN);
        REQUIRE(h.screen() == ScreenId::Home);
        CHECK_FALSE(h.has(review));
    }
}

TEST_CASE("Esc leaves a Learn session at once: nothing is lost", "[ui][learn]") {
    Harness h({{"ui_lang", "en"}});
    REQUIRE(h.click(say(h, ui::T::StudyToday)));
    REQUIRE(h.screen() == ScreenId::Question);
    answer_learn(h, true);
    h.press(SDL_SCANCODE_RETURN);
    h.press(SDL_SCANCODE_ESCAPE);
    CHECK(h.screen() == ScreenId::Home);
    CHECK(h.game().play().learn() == nullptr);
    CHECK(h.game().play().storage()->study_answers("", 0).size() == 1);
}
