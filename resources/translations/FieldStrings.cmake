# The inspector's labels, units and tips live in core's field table (core/scenario/FieldRows.cpp:
# `.ui("Rate", "req/s", 1, "Poisson arrival rate")`, `.offText("never")`), which has no Qt tr(); the inspector shows
# them through QCoreApplication::translate("cs::core::FieldTable", ...). For lupdate to see them,
# this writes a C++ file of QT_TRANSLATE_NOOP lines from the table (an lupdate input only).
#   clustersim_field_strings(<rows.cpp> <out.cpp>)
function(clustersim_field_strings rows out)
    file(READ "${rows}" text)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${rows}")
    # ; [ ] would split or group CMake lists: stand-ins until the file is written.
    string(REPLACE ";" "<SEMI>" text "${text}")
    string(REPLACE "[" "<LBR>" text "${text}")
    string(REPLACE "]" "<RBR>" text "${text}")
    string(REGEX REPLACE "//[^\n]*" "" text "${text}")          # comments
    string(REGEX REPLACE "\"[ \t\r\n]+\"" "" text "${text}")    # adjacent literals join
    set(strings)
    # Labels and units: the first two arguments of every .ui(...).
    string(REGEX MATCHALL "\\.ui\\(\"[^\"]*\", \"[^\"]*\"" uis "${text}")
    foreach(ui IN LISTS uis)
        string(REGEX MATCHALL "\"[^\"]*\"" pair "${ui}")
        list(APPEND strings ${pair})
    endforeach()
    # What a zero shows: .offText("never").
    string(REGEX MATCHALL "\\.offText\\(\"[^\"]*\"" offs "${text}")
    foreach(off IN LISTS offs)
        string(REGEX MATCH "\"[^\"]*\"" word "${off}")
        list(APPEND strings ${word})
    endforeach()
    # Tips and other sentences: every literal that starts with a capital letter.
    string(REGEX MATCHALL "\"[A-Z][^\"]*\"" sentences "${text}")
    list(APPEND strings ${sentences})
    list(FILTER strings EXCLUDE REGEX "^\"\"$|\\.h\"$")
    list(REMOVE_DUPLICATES strings)
    set(body "// Generated from ${rows} by FieldStrings.cmake for lupdate: do not edit.\n")
    string(APPEND body "#include <QtGlobal>\nstatic const char* const kFieldStrings[] = {\n")
    foreach(s IN LISTS strings)
        string(REPLACE "<SEMI>" ";" s "${s}")
        string(REPLACE "<LBR>" "[" s "${s}")
        string(REPLACE "<RBR>" "]" s "${s}")
        string(APPEND body "    QT_TRANSLATE_NOOP(\"cs::core::FieldTable\", ${s}),\n")
    endforeach()
    string(APPEND body "};\n")
    file(CONFIGURE OUTPUT "${out}" CONTENT "${body}" @ONLY)
endfunction()
