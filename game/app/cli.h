// The command line: `chronicle [validate|packs|export|help|--version]`. Every
// subcommand works without a display.
#pragma once

namespace chronicle {

int run_cli(int argc, char** argv);

} // namespace chronicle
