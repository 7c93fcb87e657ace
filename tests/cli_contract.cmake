# The clustersim-cli contract (DESIGN.md section 9), checked through the real executable:
#   cmake -DCLI=... -DDATA=... -DSRC=... -DOUT=... -P cli_contract.cmake
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
include("${CMAKE_CURRENT_LIST_DIR}/cli_check.cmake")

# validate: 0 for a good file, 2 with file and JSON path on stderr for every bad one.
execute_process(COMMAND "${CLI}" validate "${SRC}/resources/scenarios/default.clustersim.json" RESULT_VARIABLE rc)
check("validate default scenario: exit ${rc}" rc EQUAL 0)
file(STRINGS "${DATA}/bad/expected.tsv" lines)
foreach(line IN LISTS lines)
    if(line MATCHES "^#")
        continue()
    endif()
    string(REPLACE "\t" ";" parts "${line}")
    list(GET parts 0 name)
    list(GET parts 1 mustName)
    foreach(cmd validate run)
        execute_process(COMMAND "${CLI}" ${cmd} "${DATA}/bad/${name}" RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
        check("${cmd} ${name}: exit ${rc}, expected 2" rc EQUAL 2)
        string(FIND "${err}" "${DATA}/bad/${name}: " at)
        check("${cmd} ${name}: stderr does not name the file: ${err}" NOT at EQUAL -1)
        string(FIND "${err}" "${mustName}" at)
        check("${cmd} ${name}: stderr does not name '${mustName}': ${err}" NOT at EQUAL -1)
    endforeach()
endforeach()

# run: every output, every summary key.
execute_process(COMMAND "${CLI}" run "${DATA}/base.clustersim.json" --duration 3 --seed 9
                        --metrics-csv "${OUT}/m.csv" --nodes-csv "${OUT}/n.csv" --summary-json "${OUT}/s.json"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
check("run base: exit ${rc}: ${err}" rc EQUAL 0)
file(STRINGS "${OUT}/m.csv" csv)
list(GET csv 0 header)
set(expectedHeader "^t_s,offered_rps,throughput_rps,error_rps,err_timeout_rps,err_unavailable_rps,err_rate_limited_rps,err_dropped_rps,err_session_lost_rps,err_lost_in_flight_rps,latency_ms_p50,latency_ms_p95,latency_ms_p99,latency_ms_p999,latency_ms_mean,stale_read_fraction,staleness_ms_p50,staleness_ms_p99,versions_behind_max,conflicts,lost_updates,duplicate_side_effects,instances,cost_per_hour")
check("metrics header: ${header}" header MATCHES "${expectedHeader}")
list(LENGTH csv rows)
check("3 s at 250 ms: expected 12 rows + header, got ${rows}" rows EQUAL 13)
file(STRINGS "${OUT}/n.csv" nodes LIMIT_COUNT 1)
check("nodes header: ${nodes}" nodes STREQUAL "t_s,node,metric,value")
file(READ "${OUT}/s.json" summary)
foreach(key "requests;issued" "requests;completed" "requests;in_flight" "requests;failed;total"
        "requests;failed;timeout" "requests;failed;unavailable" "requests;failed;rate_limited"
        "requests;failed;dropped" "requests;failed;session_lost" "requests;failed;lost_in_flight"
        "late_responses" "latency_ms;p50" "latency_ms;p95" "latency_ms;p99" "latency_ms;p999" "latency_ms;mean"
        "throughput_rps" "availability" "responded" "reads;stale_fraction" "staleness_ms;p50" "staleness_ms;p99"
        "conflicts" "lost_updates" "duplicate_side_effects" "linearizability;checked" "linearizability;violations"
        "linearizability;unknown" "linearizability;unchecked_ops" "recovery;election_ms" "recovery;convergence_ms" "recovery;unavailable_ms" "recovery;elections"
        "scaling;actions" "instances;min" "instances;max" "instances;mean" "cost" "events_processed"
        "wall_seconds" "sim_seconds")
    string(JSON value ERROR_VARIABLE jerr GET "${summary}" ${key})
    check("summary key ${key}: ${jerr}" NOT jerr)
endforeach()
string(JSON issued GET "${summary}" requests issued)
string(JSON completed GET "${summary}" requests completed)
string(JSON inflight GET "${summary}" requests in_flight)
string(JSON failed GET "${summary}" requests failed total)
math(EXPR sum "${completed}+${failed}+${inflight}")
check("conservation: ${completed}+${failed}+${inflight} != ${issued}" sum EQUAL issued)
string(JSON simS GET "${summary}" sim_seconds)
check("--duration 3 gave sim_seconds ${simS}" simS EQUAL 3)

# Same file and seed: byte-identical metrics. Another seed: different.
execute_process(COMMAND "${CLI}" run "${DATA}/base.clustersim.json" --duration 3 --seed 9 --metrics-csv "${OUT}/m2.csv" OUTPUT_QUIET)
execute_process(COMMAND "${CLI}" run "${DATA}/base.clustersim.json" --duration 3 --seed 10 --metrics-csv "${OUT}/m3.csv" OUTPUT_QUIET)
file(SHA256 "${OUT}/m.csv" h1)
file(SHA256 "${OUT}/m2.csv" h2)
file(SHA256 "${OUT}/m3.csv" h3)
check("same seed, different metrics" h1 STREQUAL h2)
check("different seed, same metrics" NOT h1 STREQUAL h3)

# Other failures exit 1 and leave no partial output.
execute_process(COMMAND "${CLI}" run "${DATA}/base.clustersim.json" --duration 1 --metrics-csv "${OUT}/no/such/dir/m.csv"
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
check("unwritable output: exit ${rc}" rc EQUAL 1)
string(FIND "${err}" "${OUT}/no/such/dir/m.csv" at)
check("unwritable output not named: ${err}" NOT at EQUAL -1)
execute_process(COMMAND "${CLI}" run "${DATA}/base.clustersim.json" --duration abc RESULT_VARIABLE rc ERROR_QUIET OUTPUT_QUIET)
check("bad --duration: exit ${rc}" rc EQUAL 1)
execute_process(COMMAND "${CLI}" frobnicate "${DATA}/base.clustersim.json" RESULT_VARIABLE rc ERROR_QUIET OUTPUT_QUIET)
check("unknown command: exit ${rc}" rc EQUAL 1)
execute_process(COMMAND "${CLI}" validate "${OUT}/does-not-exist.clustersim.json" RESULT_VARIABLE rc ERROR_VARIABLE err)
check("missing file: exit ${rc}" rc EQUAL 2)

# check-history's counter model: increments (:add, result unknown) and reads of the total.
execute_process(COMMAND "${CLI}" check-history "${DATA}/histories/counter.edn"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_QUIET)
check("counter history (a timed-out add seen): exit ${rc}: ${out}" rc EQUAL 0)
check("counter history is not linearizable=true: ${out}" out MATCHES "linearizable=true operations=5 ")
execute_process(COMMAND "${CLI}" check-history "${DATA}/histories/counter-lost.edn" --model counter
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_QUIET)
check("a lost increment: exit ${rc}: ${out}" rc EQUAL 3)
check("a lost increment names the read: ${out}" out MATCHES "counter-lost.edn:5: ")
# An operation the model cannot take is a bad file: exit 2 naming the line and what was expected.
execute_process(COMMAND "${CLI}" check-history "${DATA}/histories/counter.edn" --model register
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
check(":add under register: exit ${rc}" rc EQUAL 2)
check(":add under register, message: ${err}" err MATCHES "counter.edn:1: expected an operation of the register model, got :add")
execute_process(COMMAND "${CLI}" check-history "${DATA}/histories/counter.edn" --model kv
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
check(":add under kv: exit ${rc}" rc EQUAL 2)
# --max-steps bounds the search deterministically: past it the verdict is unknown (exit 4).
execute_process(COMMAND "${CLI}" check-history "${DATA}/jepsen/etcd/etcd_002.log" --max-steps 10
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_QUIET)
check("--max-steps 10: exit ${rc}: ${out}" rc EQUAL 4)
check("--max-steps 10: ${out}" out MATCHES "linearizable=unknown")

# Input that is not a regular file is refused at once with a message (a device never ends; a FIFO
# without a writer would block forever).
if(UNIX)
    foreach(cmd validate run check-history)
        execute_process(COMMAND "${CLI}" ${cmd} /dev/zero RESULT_VARIABLE rc OUTPUT_QUIET
                        ERROR_VARIABLE err TIMEOUT 20)
        check("${cmd} /dev/zero: exit ${rc}" rc EQUAL 2)
        check("${cmd} /dev/zero, message: ${err}" err MATCHES "/dev/zero: not a regular file")
    endforeach()
    file(REMOVE "${OUT}/fifo.clustersim.json")
    execute_process(COMMAND mkfifo "${OUT}/fifo.clustersim.json" RESULT_VARIABLE made)
    if(made EQUAL 0)
        execute_process(COMMAND "${CLI}" validate "${OUT}/fifo.clustersim.json" RESULT_VARIABLE rc
                        OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 20)
        check("validate FIFO: exit ${rc} (a timeout means it blocked)" rc EQUAL 2)
        execute_process(COMMAND "${CLI}" check-history "${OUT}/fifo.clustersim.json"
                        RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 20)
        check("check-history FIFO: exit ${rc}" rc EQUAL 2)
        file(REMOVE "${OUT}/fifo.clustersim.json")
    endif()
endif()
execute_process(COMMAND "${CLI}" check-history "${OUT}" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
check("check-history on a directory: exit ${rc}" rc EQUAL 2)
check("a directory, message: ${err}" err MATCHES "not a regular file .a directory")

# Outputs: "-" is standard output; every path is checked before the run; one path for two outputs
# is refused; a device is written to, never replaced.
execute_process(COMMAND "${CLI}" run "${DATA}/base.clustersim.json" --duration 2 --summary-json -
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_QUIET)
check("--summary-json -: exit ${rc}" rc EQUAL 0)
string(JSON issued ERROR_VARIABLE jerr GET "${out}" requests issued)
check("--summary-json - writes the JSON alone on stdout: ${jerr}" issued GREATER 0)
file(REMOVE "${OUT}/early.csv")
execute_process(COMMAND "${CLI}" run "${DATA}/base.clustersim.json" --duration 2
                --metrics-csv "${OUT}/early.csv" --summary-json "${OUT}/no/such/dir/s.json"
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
check("bad summary path: exit ${rc}" rc EQUAL 1)
check("bad summary path named: ${err}" err MATCHES "no/such/dir/s.json: cannot write")
check("a run that could not write its summary left no metrics CSV" NOT EXISTS "${OUT}/early.csv")
execute_process(COMMAND "${CLI}" run "${DATA}/base.clustersim.json" --duration 2
                --metrics-csv "${OUT}/same.out" --nodes-csv "${OUT}/./same.out"
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
check("one path for two outputs: exit ${rc}" rc EQUAL 1)
check("one path for two outputs, message: ${err}" err MATCHES "named for two outputs")
if(UNIX AND EXISTS /dev/null)
    execute_process(COMMAND "${CLI}" run "${DATA}/base.clustersim.json" --duration 2
                    --metrics-csv /dev/null RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
    check("--metrics-csv /dev/null: exit ${rc}" rc EQUAL 0)
    execute_process(COMMAND test -c /dev/null RESULT_VARIABLE still_device)
    check("/dev/null is still a device after being an output" still_device EQUAL 0)
endif()

if(failures GREATER 0)
    message(FATAL_ERROR "${failures} CLI contract check(s) failed")
endif()
message(STATUS "CLI contract: all checks passed")
