# revwatch_embed_files(OUTPUT file.cc HEADER dir/header.h
#                      FILES name1 path1 [name2 path2 ...])
# Generates file.cc at build time, defining one std::string_view per input
# file (declared in HEADER), so the binary carries its own data files and
# works from any directory. Rebuilt when an input changes.
function(revwatch_embed_files)
  cmake_parse_arguments(EMBED "" "OUTPUT;HEADER" "FILES" ${ARGN})
  set(names "")
  set(inputs "")
  list(LENGTH EMBED_FILES count)
  math(EXPR last "${count} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET EMBED_FILES ${i} name)
    list(GET EMBED_FILES ${j} path)
    list(APPEND names ${name})
    list(APPEND inputs ${path})
  endforeach()
  string(REPLACE ";" "\\;" names_arg "${names}")
  string(REPLACE ";" "\\;" inputs_arg "${inputs}")
  add_custom_command(
    OUTPUT ${EMBED_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${EMBED_OUTPUT} -DHEADER=${EMBED_HEADER}
            "-DNAMES=${names_arg}" "-DINPUTS=${inputs_arg}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${names}")
endfunction()
