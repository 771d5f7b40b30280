# dcs_add_test(NAME SOURCES... [GUI] LIBS ...): one Qt Test executable registered with ctest.
# GUI tests (and every test, for safety) run on the offscreen platform so CI needs no display.
function(dcs_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  set_target_properties(${name} PROPERTIES AUTOMOC ON RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
  dcs_set_warnings(${name})
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;DCS_CLI=$<TARGET_FILE:dcstudio-cli>"
    TIMEOUT 300)
endfunction()
