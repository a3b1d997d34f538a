# The layers of strata as CMake targets, and the rule that makes an upward include fail to compile.
#
#   model + expressions -> core -> dialects -> migrations -> app -> tools/strata
#
# Each layer is a library of its own. Its include root is a directory in the build tree
# (layers/<target>) holding symbolic links to the folders the layer owns and to the public headers
# (include/strata/...) it owns; a layer sees its own root and those of the layers it depends on,
# and nothing else. So "engine/db/connection.hpp" resolves in core and above, and
# #include "dialects/..." in a core file, or "strata/apply.hpp" in a dialect, is "No such file".
# Every public header belongs to exactly one layer (checked at configure time).

set(STRATA_LAYER_ROOT "${CMAKE_BINARY_DIR}/layers")
set_property(GLOBAL PROPERTY STRATA_OWNED_HEADERS "")

function(_strata_link source link)
  get_filename_component(parent "${link}" DIRECTORY)
  file(MAKE_DIRECTORY "${parent}")
  if(IS_SYMLINK "${link}" OR EXISTS "${link}")
    file(REMOVE "${link}")
  endif()
  file(CREATE_LINK "${source}" "${link}" SYMBOLIC)
endfunction()

# strata_layer(<target> STATIC|OBJECT FOLDERS <dir>... [PUBLIC_HEADERS <name>...] [DEPENDS <target>...])
function(strata_layer target kind)
  cmake_parse_arguments(LAYER "" "" "FOLDERS;PUBLIC_HEADERS;DEPENDS" ${ARGN})
  add_library(${target} ${kind})
  set(root "${STRATA_LAYER_ROOT}/${target}")
  foreach(folder IN LISTS LAYER_FOLDERS)
    _strata_link("${PROJECT_SOURCE_DIR}/${folder}" "${root}/${folder}")
  endforeach()
  foreach(header IN LISTS LAYER_PUBLIC_HEADERS)
    if(NOT EXISTS "${PROJECT_SOURCE_DIR}/include/strata/${header}")
      message(FATAL_ERROR "${target}: no public header include/strata/${header}")
    endif()
    _strata_link("${PROJECT_SOURCE_DIR}/include/strata/${header}" "${root}/strata/${header}")
    set_property(GLOBAL APPEND PROPERTY STRATA_OWNED_HEADERS "${header}")
  endforeach()
  target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${root}>")
  target_link_libraries(${target} PUBLIC ${LAYER_DEPENDS})
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
endfunction()

# Fails the configuration unless every header in include/strata/ belongs to one layer.
function(strata_check_header_owners)
  file(GLOB headers RELATIVE "${PROJECT_SOURCE_DIR}/include/strata" "${PROJECT_SOURCE_DIR}/include/strata/*.hpp")
  get_property(owned GLOBAL PROPERTY STRATA_OWNED_HEADERS)
  foreach(header IN LISTS headers)
    list(FIND owned "${header}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "include/strata/${header} belongs to no layer: add it to a strata_layer() PUBLIC_HEADERS")
    endif()
  endforeach()
endfunction()
