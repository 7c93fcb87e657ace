// A child process for the crash-safety test: saves two different scenarios to one path, in turn,
// until it is killed. It prints "saved" once the first save is on disk, so the test knows the file
// exists before it starts killing.
#include "ScenarioIO.h"

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: save_loop FILE\n");
        return 64;
    }
    cs::core::Scenario a, b;
    a.name = "A";
    b.name = "B";
    // Big enough that a save takes a while, so kills land inside writes as well as between them.
    for (int i = 0; i < 400; ++i) {
        cs::core::NodeSpec n;
        n.id = "svc" + std::to_string(i);
        n.kind = cs::core::NodeKind::ServiceGroup;
        a.nodes.push_back(n);
        n.instances = 2;
        b.nodes.push_back(n);
    }
    for (long i = 0;; ++i) {
        const std::string err = cs::core::saveScenarioFile(i % 2 ? b : a, argv[1]);
        if (!err.empty()) {
            std::fprintf(stderr, "%s\n", err.c_str());
            return 1;
        }
        if (i == 0) {
            std::printf("saved\n");
            std::fflush(stdout);
        }
    }
}
