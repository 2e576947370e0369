// Screens as small objects. Every screen is listed once in CHRONICLE_SCREENS; the
// base class draws the page around it (a full-window ImGui window, Esc) and each
// screen draws its content from the game's state (core's Play) and returns an
// Intent: what the player chose. The window (app/game.cpp) carries the intent out.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/classroom/class_host.h"
#include "core/learn/progress.h"
#include "core/play/play.h"
#include "ui/widgets.h"

namespace chronicle::ui {

class FontCoverage;

// Every screen: X(id, class). Adding one: its files ui/<name>_screen.{h,cpp}, a line
// here, its #include in ui/screens.cpp, and its source in game/CMakeLists.txt.
#define CHRONICLE_SCREENS(X)      \
    X(Home, HomeScreen)           \
    X(Question, QuestionScreen)   \
    X(Feedback, FeedbackScreen)   \
    X(Results, ResultsScreen)     \
    X(Settings, SettingsScreen)   \
    X(TeamSetup, TeamSetupScreen) \
    X(TeamQuestion, TeamQuestionScreen) \
    X(Leaderboard, LeaderboardScreen) \
    X(Podium, PodiumScreen)       \
    X(ClassSetup, ClassSetupScreen) \
    X(ClassLobby, ClassLobbyScreen) \
    X(ClassQuestion, ClassQuestionScreen) \
    X(ClassReveal, ClassRevealScreen) \
    X(ClassLeaderboard, ClassLeaderboardScreen) \
    X(ClassPodium, ClassPodiumScreen) \
    X(ClassProgress, ClassProgressScreen) \
    X(LearnDone, LearnDoneScreen) \
    X(Timeline, TimelineScreen) \
    X(Progress, ProgressScreen)

enum class ScreenId {
#define CHRONICLE_SCREEN_ID(id, type) id,
    CHRONICLE_SCREENS(CHRONICLE_SCREEN_ID)
#undef CHRONICLE_SCREEN_ID
};

// The projector game being set up: the teams' names (their colours follow their
// places) and how many questions.
struct TeamSetup {
    std::vector<std::string> names;
    int questions = 10;
};

// The class game (phones) being set up: the quiz's length (the rest of its choices
// are Home's), the class's settings, and where the server listens.
struct ClassSetup {
    int questions = 10;
    ClassSettings settings;
    std::string bind_address = "0.0.0.0"; // every interface: phones reach the first LAN address
    int port = kDefaultClassPort;          // 0: any free port (tests)
    std::string error;                     // why the lobby did not open (the port taken), until it does
};

// The hosted class game as its screens see it (the window owns its server); no game
// when none is hosted.
struct ClassView {
    const ClassGame* game = nullptr;
    std::string join_url;          // shown as text
    std::string join_url_with_pin; // in the QR code
    std::string pin;
    // The results last exported from the podium: where the CSV went, or why it did not.
    std::string export_path{};
    std::optional<Issue> export_problem{};
};

// What the screens draw from. Settings are changed in place (then SaveSettings).
struct Model {
    Play& play;
    FontCoverage& coverage;       // for the characters of a pack no font can show
    std::string user_pack_folder; // where added packs go, for Home's hints
    std::vector<AddedPack> added; // what became of the files last dropped on the window
    StartProblem start_problem = StartProblem::None; // why the last Start gave no round
    TeamSetup team_setup;
    ClassSetup class_setup;
    ClassView class_view;
    bool asking_leave = false; // "Leave this quiz?" is shown over the screen
    bool resuming = false;     // the screen being entered is a quiz taken up again, as it was left
    // The last worksheet printed from Home: where it was written, or why it was not.
    std::string worksheet_path{};
    std::optional<Issue> worksheet_problem{};
    // The chosen pack's progress report for the Progress screen, made by the window from
    // the save when the screen opens and when another pack is chosen there.
    std::optional<PackProgress> progress{};
};

struct Intent {
    enum class Do {
        Nothing,
        Start,        // a round with the settings' choices (also "play again")
        Answer,       // the player's answer to the question asked: `chosen`
        Continue,     // from an answer shown to the next question or the results
        Home,         // Home, ending the round or projector game (finished, or one set aside) for good
        Open,         // another screen: `screen`
        Back,         // the screen this one was opened from
        SaveSettings, // the settings changed
        // The projector game (Play::team_game); `team` and `chosen` say which team and option.
        TeamNames,    // the names being typed changed: their characters join the fonts
        TeamStart,    // a game for model.team_setup
        TeamEnter,    // `team` answered `chosen[0]`
        TeamReveal,
        TeamMark,     // `team` toggles right/wrong after the reveal
        TeamNext,     // reveal → leaderboard → next question or podium
        TeamPause,    // pause or resume
        TeamSkip,
        TeamBack,
        // The class game on phones (model.class_view); `team` is a player's seat.
        ClassOpen,    // the lobby for model.class_setup: the server starts
        ClassClose,   // the lobby closes (the server stops), back to the setup
        ClassStart,
        ClassReveal,
        ClassNext,    // reveal → leaderboard → next question or podium
        ClassPause,   // pause or resume
        ClassSkip,
        ClassRemove,  // the player in seat `team` leaves the game
        ExportClassResults, // the finished game's results as CSV, where the teacher keeps documents
        AskLeave,     // Esc on a running quiz: ask "Leave this quiz?" (the clock stops)
        KeepPlaying,  // the answer to it: back to the quiz
        Leave,        // the other answer: Home, the quiz kept to be resumed
        Resume,       // from Home, back to the quiz left
        PrintWorksheet, // from Home: the quiz Start would make (a fresh seed) as a PDF, written and opened
        // Studying over days (Play::learn): Answer and Continue go to the Learn session while there is one.
        Study,          // a Learn session of the chosen pack: due facts, then new ones
        ReviewMistakes, // a Learn session of the chosen pack's facts last answered wrong
        RetryMissed,    // from Results: a Learn session of the facts the round's answers missed
        LeaveLearn,     // Home from a Learn session (every answer is saved); a quiz set aside stays
        TimelineStart,  // a Timeline game of the chosen pack (also "play again")
        TimelinePlace,  // the card in hand goes into gap `chosen[0]`
    };
    Do what = Do::Nothing;
    ScreenId screen = ScreenId::Home;
    std::vector<size_t> chosen;
    size_t team = 0;

    static Intent nothing() { return {}; }
    static Intent to(Do what) { return {what, ScreenId::Home, {}}; }
    static Intent open(ScreenId screen) { return {Do::Open, screen, {}}; }
    static Intent answer(std::vector<size_t> chosen) { return {Do::Answer, ScreenId::Home, std::move(chosen)}; }
    static Intent for_team(Do what, size_t team, std::vector<size_t> chosen = {}) {
        return {what, ScreenId::Home, std::move(chosen), team};
    }
};

// The words of the dialog Esc opens over a running game: "Leave this quiz?" unless a
// screen says otherwise ("End the game?").
struct LeaveWords {
    T title = T::LeaveQuiz, help = T::LeaveQuizHelp, stay = T::KeepPlaying, leave = T::LeaveQuizButton;
};

class Screen {
public:
    virtual ~Screen() = default;
    // Draws the page and its content; Esc, when the content chose nothing, does what
    // on_escape() says.
    Intent draw(Model& model, const UiContext& ctx);
    // The screen becomes the one shown.
    virtual void enter(Model& /*model*/, const UiContext& /*ctx*/) {}
    // Back to full size; the next frames shrink the page again if it overflows.
    void refit() {
        fit_ = 1.0f;
        measured_ = false;
    }

protected:
    virtual const char* window_id() const = 0;
    virtual Intent draw_content(Model& model, const UiContext& ctx) = 0;
    // Esc goes Home unless a screen says otherwise (back, or "Leave this quiz?").
    virtual Intent on_escape() const { return Intent::to(Intent::Do::Home); }
    virtual LeaveWords leave_words() const { return {}; }
    // The page's opacity this frame (1: opaque), for an entrance.
    virtual float opacity(const UiContext& /*ctx*/) const { return 1.0f; }
    // A pane (a child window's name) that may scroll rather than shrink the page.
    virtual const char* scrolling_pane() const { return nullptr; }

private:
    // A page taller than the window (or with a pane taller than itself) steps its
    // type and spacing down until it fits: shrink only, until refit().
    float fit_ = 1.0f;
    bool measured_ = false;
    void shrink_to_fit(const void* page);
};

// One of each screen, indexed by ScreenId.
std::vector<std::unique_ptr<Screen>> make_screens();

} // namespace chronicle::ui
