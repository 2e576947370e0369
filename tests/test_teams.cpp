// The projector game without a window: teams, entries and reveals, points with speed,
// pause, skip, back, the leaderboard and the podium.
#include <catch2/catch.hpp>

#include "core/play/team_game.h"

using namespace chronicle;

namespace {

// `n` questions of four options; the right one is option 0.
Quiz quiz_of(size_t n) {
    Quiz quiz;
    quiz.pack_id = "test";
    for (size_t i = 0; i < n; ++i) {
        Question q;
        q.kind = Kind::First;
        q.prompt = "Q" + std::to_string(i);
        for (const char* id : {"A", "B", "C", "D"}) q.options.push_back({id, std::string("option ") + id, "", "", {}});
        q.answer = {0};
        q.key = "q" + std::to_string(i);
        quiz.questions.push_back(q);
    }
    return quiz;
}

std::vector<Team> teams_of(size_t n) {
    std::vector<Team> teams;
    for (size_t i = 0; i < n; ++i) teams.push_back({"Team " + std::to_string(i + 1), static_cast<int>(i)});
    return teams;
}

} // namespace

SCENARIO("Faster right answers score more, from the moment the question opened", "[teams]") {
    GIVEN("three teams and a question opened at 1000 ms") {
        TeamGame game(quiz_of(3), teams_of(3), 1000);
        WHEN("team 1 answers right at once, team 2 right after 10 s, team 3 wrong") {
            REQUIRE(game.enter(0, 0, 1000));
            REQUIRE(game.enter(1, 0, 11'000));
            REQUIRE(game.enter(2, 1, 2000));
            REQUIRE(game.reveal(12'000));
            THEN("the first earns the full base, the second three quarters, the wrong one nothing") {
                CHECK(game.answers()[0].points == 1000);
                CHECK(game.answers()[1].points == 750);
                CHECK(game.answers()[2].points == 0);
                CHECK_FALSE(game.answers()[2].correct);
            }
        }
        WHEN("a right answer is entered long after the limit") {
            REQUIRE(game.enter(0, 0, 60'000));
            REQUIRE(game.reveal(61'000));
            THEN("it still earns the least a right answer earns") { CHECK(game.answers()[0].points == 500); }
        }
        WHEN("an option that does not exist, or a seventh team, is entered") {
            THEN("it is refused") {
                CHECK_FALSE(game.enter(0, 4, 1000));
                CHECK_FALSE(game.enter(6, 0, 1000));
            }
        }
    }
}

SCENARIO("An entry can be replaced until the reveal", "[teams]") {
    GIVEN("a team that answered wrong") {
        TeamGame game(quiz_of(2), teams_of(2), 0);
        REQUIRE(game.enter(0, 2, 1000));
        WHEN("the teacher corrects the entry before the reveal") {
            REQUIRE(game.enter(0, 0, 4000));
            REQUIRE(game.reveal(5000));
            THEN("the new entry counts, at the time it was entered") {
                CHECK(game.answers()[0].option == size_t{0});
                CHECK(game.answers()[0].correct);
                CHECK(game.answers()[0].points == 900);
            }
        }
        WHEN("the answer is revealed first") {
            REQUIRE(game.reveal(5000));
            THEN("entries are closed") {
                CHECK_FALSE(game.enter(0, 0, 6000));
                CHECK(game.answers()[0].option == size_t{2});
            }
        }
    }
}

SCENARIO("The teacher reveals first and marks the teams", "[teams]") {
    GIVEN("a question revealed after 4 s with no entries") {
        TeamGame game(quiz_of(2), teams_of(3), 0);
        REQUIRE(game.reveal(4000));
        THEN("every team is wrong") {
            for (const TeamAnswer& a : game.answers()) CHECK_FALSE(a.correct);
        }
        WHEN("teams 1 and 3 are marked right, then team 3 wrong again") {
            REQUIRE(game.mark(0, true));
            REQUIRE(game.mark(2, true));
            REQUIRE(game.mark(2, false));
            THEN("team 1 earns the points of the reveal's time, team 3 none") {
                CHECK(game.answers()[0].points == 900);
                CHECK(game.points(0) == 900);
                CHECK(game.points(2) == 0);
            }
        }
        WHEN("a right team is marked wrong") {
            TeamGame other(quiz_of(1), teams_of(2), 0);
            REQUIRE(other.enter(0, 0, 0));
            REQUIRE(other.reveal(1000));
            REQUIRE(other.mark(0, false));
            THEN("it loses its points") { CHECK(other.points(0) == 0); }
        }
    }
}

SCENARIO("Pausing stops the clock", "[teams]") {
    GIVEN("a question opened at 0") {
        TeamGame game(quiz_of(2), teams_of(2), 0);
        WHEN("it is paused from 2 s to 12 s and a right answer comes at 14 s") {
            REQUIRE(game.pause(2000));
            CHECK(game.paused());
            CHECK(game.elapsed_ms(9000) == 2000);
            CHECK(game.ms_left(9000) == int64_t{18'000});
            REQUIRE(game.resume(12'000));
            REQUIRE(game.enter(0, 0, 14'000));
            REQUIRE(game.reveal(15'000));
            THEN("it counts as 4 s") {
                CHECK(game.answers()[0].elapsed_ms == 4000);
                CHECK(game.answers()[0].points == 900);
            }
        }
    }
}

SCENARIO("Skipping a question gives no points", "[teams]") {
    GIVEN("a question with a right entry") {
        TeamGame game(quiz_of(2), teams_of(2), 0);
        REQUIRE(game.enter(0, 0, 0));
        WHEN("it is skipped") {
            REQUIRE(game.skip(1000));
            THEN("the next question is asked and no one scored") {
                CHECK(game.index() == 1);
                CHECK(game.step() == TeamStep::Asking);
                CHECK(game.skipped(0));
                CHECK(game.points(0) == 0);
            }
            AND_WHEN("the last one is skipped too") {
                REQUIRE(game.skip(2000));
                THEN("the game is over") { CHECK(game.step() == TeamStep::Finished); }
            }
        }
    }
}

SCENARIO("Going back one question undoes its points", "[teams]") {
    GIVEN("question 1 played (team 1 right) and question 2 opened") {
        TeamGame game(quiz_of(3), teams_of(2), 0);
        REQUIRE(game.enter(0, 0, 0));
        REQUIRE(game.reveal(1000));
        REQUIRE(game.next(1000));
        CHECK(game.step() == TeamStep::Leaderboard);
        REQUIRE(game.next(2000));
        REQUIRE(game.index() == 1);
        REQUIRE(game.points(0) == 1000);
        WHEN("the teacher goes back") {
            REQUIRE(game.back(3000));
            THEN("question 1 is asked again, its points undone, the clock from now") {
                CHECK(game.index() == 0);
                CHECK(game.step() == TeamStep::Asking);
                CHECK(game.points(0) == 0);
                CHECK_FALSE(game.answers()[0].option);
                CHECK(game.elapsed_ms(5000) == 2000);
            }
        }
        WHEN("question 2 is revealed and the teacher goes back") {
            REQUIRE(game.enter(1, 0, 2000));
            REQUIRE(game.reveal(3000));
            REQUIRE(game.points(1) == 1000);
            REQUIRE(game.back(4000));
            THEN("question 2 is asked again without its points") {
                CHECK(game.index() == 1);
                CHECK(game.step() == TeamStep::Asking);
                CHECK(game.points(1) == 0);
                CHECK(game.points(0) == 1000);
            }
        }
    }
    GIVEN("the first question") {
        TeamGame game(quiz_of(2), teams_of(2), 0);
        THEN("there is nothing to go back to") { CHECK_FALSE(game.back(1000)); }
    }
}

SCENARIO("Teams with the same points share a rank", "[teams]") {
    GIVEN("four teams: two right at once, one right later, one wrong") {
        TeamGame game(quiz_of(1), teams_of(4), 0);
        REQUIRE(game.enter(0, 1, 0));
        REQUIRE(game.enter(1, 0, 0));
        REQUIRE(game.enter(2, 0, 0));
        REQUIRE(game.enter(3, 0, 10'000));
        REQUIRE(game.reveal(10'000));
        WHEN("the standings are read") {
            const std::vector<Standing> s = game.standings();
            THEN("they rank 1, 1, 3, 4, ties in team order") {
                REQUIRE(s.size() == 4);
                CHECK(s[0].entrant == 1);
                CHECK(s[1].entrant == 2);
                CHECK(s[2].entrant == 3);
                CHECK(s[3].entrant == 0);
                CHECK(s[0].rank == 1);
                CHECK(s[1].rank == 1);
                CHECK(s[2].rank == 3);
                CHECK(s[3].rank == 4);
            }
        }
    }
}

SCENARIO("The podium shows the top three in order", "[teams]") {
    GIVEN("five teams over two questions") {
        TeamGame game(quiz_of(2), teams_of(5), 0);
        // Question 1: team 5 at once, team 3 after 4 s, team 1 after 8 s.
        REQUIRE(game.enter(4, 0, 0));
        REQUIRE(game.enter(2, 0, 4000));
        REQUIRE(game.enter(0, 0, 8000));
        REQUIRE(game.reveal(9000));
        REQUIRE(game.next(9000));
        REQUIRE(game.next(9000));
        // Question 2: only team 3, at once (with its streak bonus).
        REQUIRE(game.enter(2, 0, 9000));
        REQUIRE(game.reveal(10'000));
        REQUIRE(game.next(10'000));
        WHEN("the last leaderboard moves on") {
            REQUIRE(game.next(10'000));
            THEN("the game is over and the podium is team 3, team 5, team 1") {
                CHECK(game.step() == TeamStep::Finished);
                const std::vector<Standing> p = game.podium();
                REQUIRE(p.size() == 3);
                CHECK(p[0].entrant == 2);
                CHECK(p[0].points == 900 + 1100);
                CHECK(p[1].entrant == 4);
                CHECK(p[1].points == 1000);
                CHECK(p[2].entrant == 0);
                CHECK(p[2].points == 800);
            }
        }
    }
}
