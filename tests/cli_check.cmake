# check(MESSAGE CONDITION...): the assertion the CLI contract scripts share. A failed one is
# reported and counted in `failures`; the script ends with its own verdict.
set(failures 0)
macro(check msg)
    if(NOT (${ARGN}))
        message(SEND_ERROR "FAIL: ${msg}")
        math(EXPR failures "${failures}+1")
    endif()
endmacro()
