// Short effects synthesised with SDL audio: no asset files. Where there is no audio
// device (a server, a test) it stays silent and harmless.
#pragma once
#include <cstdint>

namespace chronicle {

enum class Effect { Right, Wrong, Finished };

class Sound {
public:
    Sound(); // opens the default device if there is one
    ~Sound();
    Sound(const Sound&) = delete;
    Sound& operator=(const Sound&) = delete;

    bool available() const { return device_ != 0; }
    void play(Effect effect);

private:
    uint32_t device_ = 0;
    int rate_ = 44100;
};

} // namespace chronicle
