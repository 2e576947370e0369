#include "app/cli.h"

int main(int argc, char** argv) { return chronicle::run_cli(argc, argv); }
