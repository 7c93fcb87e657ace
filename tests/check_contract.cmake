# `clustersim-cli check` (DESIGN.md sections 9 and 12) through the real executable:
#   cmake -DCLI=... -DDATA=... -P check_contract.cmake
include("${CMAKE_CURRENT_LIST_DIR}/cli_check.cmake")
# The regular expressions are matched here, not inside the macro (which would parse them again).
function(matches result text regex)
    if(text MATCHES "${regex}")
        set(${result} TRUE PARENT_SCOPE)
    else()
        set(${result} FALSE PARENT_SCOPE)
    endif()
endfunction()
set(pass "${DATA}/check_pass.clustersim.json")

# Expectations that hold: one PASS line each, the totals last, exit 0.
execute_process(COMMAND "${CLI}" check "${pass}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
check("check pass: exit ${rc}, expected 0: ${err}" rc EQUAL 0)
matches(ok "${out}" "PASS p99 stays in range: measured [0-9.]+ \\(between \\[10, 1000\\]\\)\n")
check("check pass: a PASS line with name, measured value and condition: ${out}" ok)
matches(ok "${out}" "PASS node:api-1:utilization: measured [0-9.e-]+ \\(< 0.9\\)\n")
check("check pass: unnamed expectations show their metric: ${out}" ok)
matches(ok "${out}" "\nchecks passed=5 failed=0\n$")
check("check pass: the last line counts them: ${out}" ok)
# With another seed they still hold (the thresholds are not one run's exact values).
execute_process(COMMAND "${CLI}" check "${pass}" --seed 77 RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
check("check pass --seed 77: exit ${rc}, expected 0" rc EQUAL 0)

# Another file's expectations ({"expect": [...]}): one holds, one fails, exit 5.
execute_process(COMMAND "${CLI}" check "${pass}" --expect "${DATA}/check_fail.json"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
check("check --expect fail: exit ${rc}, expected 5: ${err}" rc EQUAL 5)
matches(ok "${out}" "^PASS requests were made: measured [0-9]+ \\(> 0\\)\nFAIL impossible latency: measured [0-9.]+ \\(< 0.001\\)\nchecks passed=1 failed=1\n$")
check("check --expect fail: PASS then FAIL: ${out}" ok)

# Malformed expectations: exit 2 before any run, the message names the file and the JSON path.
execute_process(COMMAND "${CLI}" check "${pass}" --expect "${DATA}/check_malformed.json"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
check("check --expect malformed: exit ${rc}, expected 2" rc EQUAL 2)
matches(ok "${err}" "check_malformed.json: expect\\[1\\].metric: unknown metric \"latency_ms.p99.9\"")
check("check --expect malformed: names file and path: ${err}" ok)
string(LENGTH "${out}" outLength)
check("check --expect malformed: no check lines: ${out}" outLength EQUAL 0)
# A window the shortened run does not reach is refused too.
execute_process(COMMAND "${CLI}" check "${pass}" --duration 3 RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
check("check --duration 3: exit ${rc}, expected 2" rc EQUAL 2)
matches(ok "${err}" "expect\\[2\\].over: the window \\[1, 4\\] is outside the run")
check("check --duration 3: names the window: ${err}" ok)
# Every bad lesson and expectation file of data/bad: exit 2 from check as from validate.
foreach(name lesson_unknown_concept lesson_answer_out_of_range lesson_action_missing_node
        expect_unknown_metric expect_unknown_node expect_unknown_agg expect_window_outside_run)
    execute_process(COMMAND "${CLI}" check "${DATA}/bad/${name}.clustersim.json"
                    RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
    check("check ${name}: exit ${rc}, expected 2" rc EQUAL 2)
    matches(ok "${err}" "bad/${name}.clustersim.json: ")
check("check ${name}: names the file: ${err}" ok)
endforeach()
# A scenario as OTHER that does not load: exit 2 naming it.
execute_process(COMMAND "${CLI}" check "${pass}" --expect "${DATA}/bad/expect_unknown_op.clustersim.json"
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
check("check --expect bad scenario: exit ${rc}, expected 2" rc EQUAL 2)
matches(ok "${err}" "expect_unknown_op.clustersim.json: expect\\[0\\].op")
check("check --expect bad scenario: ${err}" ok)

if(failures GREATER 0)
    message(FATAL_ERROR "${failures} check contract failure(s)")
endif()
