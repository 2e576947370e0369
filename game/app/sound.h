// Short effects synthesised with SDL audio: no asset files. The device (and SDL's
// audio thread) opens with the first effect played and closes when sound is turned
// off, so a game with sound off has none. Where there is no audio device (a server,
// a test) it stays silent and harmless.
#pragma once
#include <cstdint>

namespace chronicle {

enum class Effect { Right, Wrong, Finished, Tick, TimeUp };

class Sound {
public:
    Sound() = default;
    ~Sound();
    Sound(const Sound&) = delete;
    Sound& operator=(const Sound&) = delete;

    // Opens the default device if it is not open yet (once: a failure is not retried).
    void play(Effect effect);
    // Closes the device and the audio subsystem; the next play opens them again.
    void close();

private:
    uint32_t device_ = 0;
    bool tried_ = false;     // an open was tried since the last close
    bool subsystem_ = false; // SDL's audio subsystem is initialised by us
    int rate_ = 44100;
};

} // namespace chronicle
