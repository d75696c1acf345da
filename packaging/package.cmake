# Install layout and the Debian package (CPack DEB generator).
#   make deb                  # -> build/host-exporter_<version>_<arch>.deb
#   cd build && cpack -G DEB  # the same, on an already built tree
# The package installs /usr/bin/host_exporter, the systemd units, the conffile
# /etc/default/host_exporter and the man page; packaging/debian/ holds the
# maintainer scripts (user, textfile directory, enable/start, purge).
# Runtime Depends are computed by dpkg-shlibdeps (package dpkg-dev).

include(GNUInstallDirs)
set(HE_PKG_DIR ${CMAKE_CURRENT_LIST_DIR})

# Units and /etc files have fixed places whatever the prefix: the unit runs
# /usr/bin/host_exporter and reads /etc/default/host_exporter.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/systemd/ DESTINATION /lib/systemd/system
        FILES_MATCHING PATTERN "*.service" PATTERN "*.socket")
install(FILES ${HE_PKG_DIR}/host_exporter.default DESTINATION /etc/default RENAME host_exporter)

# Debian keeps man pages gzipped (-n: no name or time stamp, reproducible). Made at
# configure time so that cpack works on a tree where only host_exporter was built.
set(HE_MAN_GZ ${CMAKE_BINARY_DIR}/host_exporter.1.gz)
execute_process(COMMAND gzip -9n -c ${HE_PKG_DIR}/host_exporter.1 OUTPUT_FILE ${HE_MAN_GZ}
                COMMAND_ERROR_IS_FATAL ANY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${HE_PKG_DIR}/host_exporter.1)
install(FILES ${HE_MAN_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/host-exporter)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME host-exporter)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "host_exporter maintainers <host-exporter@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Prometheus host metrics exporter, a drop-in node_exporter replacement")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended text.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
       "host_exporter exposes the metrics of a Linux host for Prometheus with the\n"
       "metric names, labels, flags and HTTP behaviour of node_exporter 1.12, at a\n"
       "fraction of its CPU and memory, and answers in time when a collector hangs.")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies come from dpkg-shlibdeps; adduser runs in postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${HE_PKG_DIR}/debian/conffiles ${HE_PKG_DIR}/debian/postinst
    ${HE_PKG_DIR}/debian/prerm ${HE_PKG_DIR}/debian/postrm)
# Scripts 0755, conffiles 0644, whatever the checkout's modes.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
