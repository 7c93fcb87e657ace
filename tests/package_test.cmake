# The Debian package as a user gets it: cpack -G DEB, unpacked with dpkg -x into a staging root;
# the installed executables report the project version, validate and run an installed example,
# and the installed app renders a screenshot of it offscreen; the desktop entry, AppStream
# metadata, MIME type, icons and manual pages are where the desktop looks for them.
#   cmake -DBUILD=<build dir> -DVERSION=<project version> -DOUT=<scratch dir> -P package_test.cmake
# Prints "SKIPPED: ..." (and ctest reports the test skipped) where cpack or dpkg is missing.
foreach(tool cpack dpkg-deb)
    find_program(have_${tool} ${tool})
    if(NOT have_${tool})
        message("SKIPPED: ${tool} is not installed (packaging/quickstart.sh test installs it)")
        return()
    endif()
endforeach()
set(failures 0)
macro(check msg)
    if(NOT (${ARGN}))
        message(SEND_ERROR "FAIL: ${msg}")
        math(EXPR failures "${failures}+1")
    endif()
endmacro()

file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/root")
execute_process(COMMAND "${have_cpack}" -G DEB -B "${OUT}" WORKING_DIRECTORY "${BUILD}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack -G DEB failed (${rc}):\n${out}")
endif()
file(GLOB deb "${OUT}/clustersim_${VERSION}_*.deb")
list(LENGTH deb n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "expected one clustersim_${VERSION}_*.deb in ${OUT}, found: ${deb}")
endif()
execute_process(COMMAND dpkg-deb -x "${deb}" "${OUT}/root" RESULT_VARIABLE rc)
check("dpkg -x ${deb}: exit ${rc}" rc EQUAL 0)
set(root "${OUT}/root/usr")
set(example "${root}/share/clustersim/scenarios/cap-cp-partition.clustersim.json")

# The executables: version from the CMake project, validate and run an installed example.
execute_process(COMMAND "${root}/bin/clustersim-cli" --version OUTPUT_VARIABLE v RESULT_VARIABLE rc)
check("installed clustersim-cli --version: exit ${rc}, '${v}', expected ${VERSION}"
      rc EQUAL 0 AND v MATCHES "^clustersim-cli ${VERSION}\n")
execute_process(COMMAND "${root}/bin/clustersim" --version OUTPUT_VARIABLE v RESULT_VARIABLE rc)
check("installed clustersim --version: exit ${rc}, '${v}', expected ${VERSION}"
      rc EQUAL 0 AND v MATCHES "^ClusterSim ${VERSION}\n")
execute_process(COMMAND "${root}/bin/clustersim-cli" validate "${example}"
                OUTPUT_VARIABLE v ERROR_VARIABLE e RESULT_VARIABLE rc)
check("installed clustersim-cli validate ${example}: exit ${rc}: ${v}${e}"
      rc EQUAL 0 AND v MATCHES ": ok [(]")
execute_process(COMMAND "${root}/bin/clustersim-cli" run "${example}" --duration 5
                        --summary-json "${OUT}/summary.json"
                OUTPUT_VARIABLE v ERROR_VARIABLE e RESULT_VARIABLE rc)
check("installed clustersim-cli run: exit ${rc}: ${v}${e}" rc EQUAL 0 AND v MATCHES "^issued [1-9]")
if(EXISTS "${OUT}/summary.json")
    file(READ "${OUT}/summary.json" summary)
    string(JSON sim GET "${summary}" sim_seconds)
    check("the run's summary says ${sim} simulated seconds, expected 5" sim EQUAL 5)
else()
    check("the installed run wrote no summary" FALSE)
endif()
set(ENV{QT_QPA_PLATFORM} offscreen)
execute_process(COMMAND "${root}/bin/clustersim" "${example}" --run-for 3 --window-size 1280x800
                        --screenshot "${OUT}/installed.png"
                RESULT_VARIABLE rc ERROR_VARIABLE e TIMEOUT 120)
check("installed clustersim --screenshot: exit ${rc}: ${e}" rc EQUAL 0)
if(EXISTS "${OUT}/installed.png")
    file(SIZE "${OUT}/installed.png" size)
    check("the installed app's screenshot is only ${size} bytes" size GREATER 20000)
endif()

# Desktop integration files.
set(desktop "${root}/share/applications/org.clustersim.ClusterSim.desktop")
set(metainfo "${root}/share/metainfo/org.clustersim.ClusterSim.metainfo.xml")
foreach(f "${desktop}" "${metainfo}" "${root}/share/mime/packages/clustersim.xml"
        "${root}/share/man/man1/clustersim.1" "${root}/share/man/man1/clustersim-cli.1"
        "${root}/share/icons/hicolor/scalable/apps/clustersim.svg"
        "${root}/share/doc/clustersim/copyright")
    check("not installed: ${f}" EXISTS "${f}")
endforeach()
foreach(px 16 22 24 32 48 64 128 256 512)
    foreach(icon apps/clustersim mimetypes/application-x-clustersim+json)
        set(png "${root}/share/icons/hicolor/${px}x${px}/${icon}.png")
        check("not installed: ${png}" EXISTS "${png}")
        if(EXISTS "${png}")
            file(READ "${png}" ihdr OFFSET 16 LIMIT 8 HEX)
            string(SUBSTRING "${ihdr}" 0 8 w)
            math(EXPR w "0x${w}")
            check("${png} is ${w} px wide" w EQUAL px)
        endif()
    endforeach()
endforeach()
file(READ "${desktop}" d)
check("the desktop entry does not open files with the app" d MATCHES "\nExec=clustersim %f\n")
check("the desktop entry does not claim the scenario type"
      d MATCHES "\nMimeType=application/x-clustersim[+]json")

# The MIME database the desktop builds from the package: *.clustersim.json is the scenario type.
find_program(update_mime update-mime-database)
if(update_mime)
    execute_process(COMMAND "${update_mime}" "${root}/share/mime" RESULT_VARIABLE rc
                    OUTPUT_QUIET ERROR_QUIET)
    file(STRINGS "${root}/share/mime/globs2" globs REGEX "clustersim")
    check("update-mime-database: exit ${rc}; globs2 has: ${globs}"
          rc EQUAL 0 AND globs MATCHES "application/x-clustersim[+]json:[*][.]clustersim[.]json")
    file(READ "${root}/share/mime/icons" icons)
    check("the MIME type's icon is not application-x-clustersim+json: ${icons}"
          icons MATCHES "application/x-clustersim[+]json:application-x-clustersim[+]json")
else()
    message("SKIPPED part: update-mime-database is not installed (shared-mime-info)")
endif()
# Every man page formats without a warning.
find_program(groff groff)
if(groff)
    foreach(page clustersim clustersim-cli)
        execute_process(COMMAND "${groff}" -man -Tutf8 -ww -z "${root}/share/man/man1/${page}.1"
                        RESULT_VARIABLE rc ERROR_VARIABLE e)
        set(clean FALSE)
        if(rc EQUAL 0 AND e STREQUAL "")
            set(clean TRUE)
        endif()
        check("groff ${page}.1: exit ${rc}: ${e}" clean)
    endforeach()
endif()
if(failures GREATER 0)
    message(FATAL_ERROR "${failures} package check(s) failed")
endif()
message("package ok: ${deb}")
