#include "app/sound.h"

#include <SDL.h>

#include <cmath>
#include <vector>

namespace chronicle {

namespace {

struct Note {
    float hz;
    float seconds;
};

// Sine notes with a quick attack and an exponential tail, so nothing clicks.
std::vector<float> synthesise(const std::vector<Note>& notes, int rate, float volume) {
    std::vector<float> out;
    for (const Note& n : notes) {
        const int count = static_cast<int>(n.seconds * static_cast<float>(rate));
        for (int i = 0; i < count; ++i) {
            const float t = static_cast<float>(i) / static_cast<float>(rate);
            const float attack = std::min(1.0f, t / 0.005f);
            const float decay = std::exp(-4.0f * t / n.seconds);
            out.push_back(volume * attack * decay * std::sin(2.0f * 3.14159265f * n.hz * t));
        }
    }
    return out;
}

std::vector<Note> melody(Effect effect) {
    switch (effect) {
    case Effect::Right: return {{659.3f, 0.09f}, {880.0f, 0.16f}};  // E5, A5: up
    case Effect::Wrong: return {{233.1f, 0.12f}, {196.0f, 0.22f}};  // B♭3, G3: down
    case Effect::Finished: return {{523.3f, 0.1f}, {659.3f, 0.1f}, {784.0f, 0.1f}, {1046.5f, 0.3f}}; // C major
    case Effect::Tick: return {{1318.5f, 0.035f}};                                                    // E6, short and high
    case Effect::TimeUp: return {{392.0f, 0.12f}, {392.0f, 0.12f}, {261.6f, 0.3f}};                  // G4 G4 C4
    }
    return {};
}

} // namespace

Sound::~Sound() { close(); }

void Sound::close() {
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    device_ = 0;
    if (subsystem_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    subsystem_ = false;
    tried_ = false;
}

void Sound::play(Effect effect) {
    if (device_ == 0 && !tried_) {
        tried_ = true;
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return;
        subsystem_ = true;
        SDL_AudioSpec want{}, have{};
        want.freq = rate_;
        want.format = AUDIO_F32SYS;
        want.channels = 1;
        want.samples = 1024;
        device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
        if (device_ != 0) SDL_PauseAudioDevice(device_, 0);
    }
    if (device_ == 0) return;
    // Quieter for the clock's ticks: they are a cue, not an event.
    const float volume = effect == Effect::Tick ? 0.12f : 0.25f;
    const std::vector<float> samples = synthesise(melody(effect), rate_, volume);
    SDL_ClearQueuedAudio(device_);
    SDL_QueueAudio(device_, samples.data(), static_cast<Uint32>(samples.size() * sizeof(float)));
}

} // namespace chronicle
