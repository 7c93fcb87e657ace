# Runs a validator (desktop-file-validate, appstreamcli) and fails on any message it prints:
#   cmake -DTOOL=<name> "-DARGS=a;b" -DFILE=<file> -P validate_tool.cmake
# Prints "SKIPPED: ..." where the tool is not installed (packaging/quickstart.sh test installs it).
find_program(tool "${TOOL}")
if(NOT tool)
    message("SKIPPED: ${TOOL} is not installed (Debian: packaging/quickstart.sh test installs it)")
    return()
endif()
execute_process(COMMAND "${tool}" ${ARGS} "${FILE}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
# appstreamcli ends a clean run with "Validation was successful" and lists nothing else.
string(REGEX REPLACE "[^\n]*Validation was successful[^\n]*\n?" "" rest "${out}")
string(STRIP "${rest}" rest)
if(NOT rc EQUAL 0 OR NOT rest STREQUAL "")
    message(FATAL_ERROR "${TOOL} ${FILE}: exit ${rc}\n${out}")
endif()
message("${TOOL}: ${FILE} is clean")
