// The `compare` and `sweep` commands of clustersim-cli (DESIGN.md section 9): options in, exit
// code out, messages on stderr and results on stdout or in files. The app only dispatches here.
#pragma once

#include <QStringList>

#include <string>

class QCommandLineParser;

namespace cs::core {

// compare A B [--seed N] [--duration S] [--out diff.csv]: 0, or 2 for an invalid file or two
// topologies, 1 for other failures.
int compareCommand(const std::string& fileA, const std::string& fileB, const QCommandLineParser& p);

// sweep FILE --vary PATH=FROM:TO:POINTS... --out OUT.csv [--jobs N] [--shard I/N] [--seed N]
// [--duration S]: 0, or 2 for an invalid file or argument, 1 for other failures.
int sweepCommand(const std::string& file, const QCommandLineParser& p);

} // namespace cs::core
