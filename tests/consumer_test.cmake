# Installs the build tree into a scratch prefix, then builds examples/ (a
# separate project using find_package(extractor)) against it and runs it on
# the bundled example page. Run by ctest with -DBUILD_DIR, -DSOURCE_DIR,
# -DWORK_DIR.
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "install failed: ${rc}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/examples" -B "${WORK_DIR}/build"
  "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix" -DCMAKE_BUILD_TYPE=Release
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed:\n${out}\n${err}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/build"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc)
  message(FATAL_ERROR "building the consumer failed:\n${out}\n${err}")
endif()
execute_process(COMMAND "${WORK_DIR}/build/extract" "${SOURCE_DIR}/examples/pages/news-article.html"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc OR NOT out MATCHES "rail yard")
  message(FATAL_ERROR "the consumer did not extract the example page (${rc}):\n${out}")
endif()

# The installed command, and the pkg-config file: a program built with
# `pkg-config --cflags --libs extractor` alone.
execute_process(COMMAND "${WORK_DIR}/prefix/bin/extractor" --version
  RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc OR NOT out MATCHES "^extractor [0-9]")
  message(FATAL_ERROR "the installed command did not run (${rc}):\n${out}")
endif()
file(GLOB _pc_dirs "${WORK_DIR}/prefix/lib*/pkgconfig" "${WORK_DIR}/prefix/lib/*/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "${_pc_dirs}")
execute_process(COMMAND pkg-config --cflags --libs extractor
  RESULT_VARIABLE rc OUTPUT_VARIABLE flags ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
if(rc)
  message(FATAL_ERROR "pkg-config does not know the installed extractor (${_pc_dirs}):\n${err}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND c++ -std=c++17 -O1 "${SOURCE_DIR}/examples/extract.cc" ${flags}
  -o "${WORK_DIR}/extract-pc" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc)
  message(FATAL_ERROR "building with pkg-config's flags (${flags}) failed:\n${err}")
endif()
execute_process(COMMAND "${WORK_DIR}/extract-pc" "${SOURCE_DIR}/examples/pages/news-article.html"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc OR NOT out MATCHES "rail yard")
  message(FATAL_ERROR "the pkg-config consumer did not extract the example page (${rc}):\n${out}")
endif()
