# dcs_add_test(NAME [USES_TORCH] SOURCES ... LIBS ...): one Qt Test executable registered with ctest.
# Every test runs on the offscreen platform so CI needs no display. USES_TORCH: the test includes
# torch headers, whose IValue::slots() clashes with Qt's `slots` keyword, so the keywords are off.
function(dcs_add_test name)
  cmake_parse_arguments(ARG "USES_TORCH" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  set_target_properties(${name} PROPERTIES AUTOMOC ON RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
  dcs_set_warnings(${name})
  if(ARG_USES_TORCH)
    target_compile_definitions(${name} PRIVATE QT_NO_KEYWORDS)
  endif()
  add_test(NAME ${name} COMMAND ${name})
  set(environment "QT_QPA_PLATFORM=offscreen;DCS_CLI=$<TARGET_FILE:dcstudio-cli>")
  if(DCS_BUILD_GUI)
    list(APPEND environment "DCS_APP=$<TARGET_FILE:dcstudio>")
  endif()
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${environment}" TIMEOUT 300)
endfunction()
