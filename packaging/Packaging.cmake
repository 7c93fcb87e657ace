# Installation layout and CPack: a .deb on Debian/Ubuntu (built and tested here, see
# tests/package_test.cmake), an NSIS installer on Windows and a DragNDrop image on macOS
# (configured here, built by .github/workflows/build.yml; not run on this machine).
set(CLUSTERSIM_APP_ID "org.clustersim.ClusterSim")
set(CLUSTERSIM_HOMEPAGE "https://github.com/clustersim/clustersim" CACHE STRING
    "Project home page (AppStream metadata, installers)")

if(UNIX AND NOT APPLE)
    # Freedesktop integration: menu entry, software-centre metadata, the scenario MIME type
    # (its icon is installed by resources/), manual pages.
    set(linux ${PROJECT_SOURCE_DIR}/packaging/linux)
    configure_file(${linux}/${CLUSTERSIM_APP_ID}.metainfo.xml.in
                   ${PROJECT_BINARY_DIR}/${CLUSTERSIM_APP_ID}.metainfo.xml @ONLY)
    install(FILES ${linux}/${CLUSTERSIM_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_BINARY_DIR}/${CLUSTERSIM_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${linux}/clustersim-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
            RENAME clustersim.xml)
    install(FILES ${linux}/clustersim.1 ${linux}/clustersim-cli.1
            DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/clustersim
            RENAME copyright)
endif()

if(WIN32 OR APPLE)
    # Qt's deployment API (Qt 6.3+) runs windeployqt / macdeployqt on the installed app, so the
    # installer carries Qt's libraries and plugins (the CLI shares them: same folder on Windows,
    # the bundle's Frameworks on macOS).
    if(Qt6_VERSION VERSION_LESS 6.5) # 6.4 names the output FILENAME_VARIABLE
        qt_generate_deploy_app_script(TARGET clustersim FILENAME_VARIABLE clustersim_deploy
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
    else()
        qt_generate_deploy_app_script(TARGET clustersim OUTPUT_SCRIPT clustersim_deploy
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    install(SCRIPT ${clustersim_deploy})
endif()

set(CPACK_PACKAGE_NAME "clustersim")
set(CPACK_PACKAGE_VENDOR "ClusterSim")
set(CPACK_PACKAGE_CONTACT "ClusterSim developers <clustersim@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${CLUSTERSIM_HOMEPAGE}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "ClusterSim")
set(CPACK_PACKAGE_EXECUTABLES "clustersim" "ClusterSim") # Start-menu entry (NSIS)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)

# Debian
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, fonts-dejavu-core | fonts-freefont-ttf")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n") # Qt's own dialogs in German
# The synopsis line is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the long description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "ClusterSim simulates a computer cluster live so that teachers and students can watch
system-design fundamentals happen: latency against throughput, queues, failures noticed at
timeouts, retries, CP and AP replica sets under partitions with a linearizability checker,
caching, sharding, rate limiting and autoscaling. clustersim-cli runs scenarios headless.")

# Windows: NSIS installer with a Start-menu entry, the app icon and the scenario file type.
set(CPACK_NSIS_DISPLAY_NAME "ClusterSim ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "ClusterSim")
set(CPACK_NSIS_URL_INFO_ABOUT "${CLUSTERSIM_HOMEPAGE}")
set(CPACK_NSIS_MUI_ICON "${CLUSTERSIM_ICON_DIR}/clustersim.ico")
set(CPACK_NSIS_MUI_UNIICON "${CLUSTERSIM_ICON_DIR}/clustersim.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\clustersim.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# *.clustersim.json: Explorer shows the document icon (icon 1 of the exe) and opens the app.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
  WriteRegStr HKCR '.clustersim.json' '' 'ClusterSim.Scenario'
  WriteRegStr HKCR 'ClusterSim.Scenario' '' 'ClusterSim scenario'
  WriteRegStr HKCR 'ClusterSim.Scenario\\\\DefaultIcon' '' '$INSTDIR\\\\bin\\\\clustersim.exe,1'
  WriteRegStr HKCR 'ClusterSim.Scenario\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\clustersim.exe\\\" \\\"%1\\\"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
  DeleteRegKey HKCR '.clustersim.json'
  DeleteRegKey HKCR 'ClusterSim.Scenario'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
")

# macOS: the bundle (Info.plist and icons set in app/CMakeLists.txt) in a disk image.
set(CPACK_DMG_VOLUME_NAME "ClusterSim ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()
include(CPack)
