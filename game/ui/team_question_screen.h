// A projector question, shown big: the options, each team's entry, the clock. The
// teacher enters answers (team number, then option), reveals, marks teams right or
// wrong, pauses, skips or goes back.
#pragma once
#include <optional>

#include "ui/screen.h"

namespace chronicle::ui {

class TeamQuestionScreen : public Screen {
public:
    void enter(Model& model, const UiContext& ctx) override;
    // Digits and letters are the teacher's keys.

private:
    const char* window_id() const override { return "team-question"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
    Intent on_escape() const override { return escape_taken_ ? Intent::nothing() : Intent::to(Intent::Do::AskLeave); }
    Intent keys(const TeamGame& game);

    std::optional<size_t> pending_team_; // a team number was pressed; its option comes next
    bool escape_taken_ = false;          // this frame's Esc forgot the team
};

} // namespace chronicle::ui
