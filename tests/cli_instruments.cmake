# compare and sweep through the real executable (DESIGN.md section 9): exit codes, messages
# naming the file or argument, stdout's last line, and sweep files whose bytes do not depend on
# --jobs or --shard.  cmake -DCLI=... -DDATA=... -DOUT=... -P cli_instruments.cmake
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
include("${CMAKE_CURRENT_LIST_DIR}/cli_check.cmake")
set(base "${DATA}/base.clustersim.json")
set(design "${DATA}/design_example.clustersim.json")

# compare: a file against itself differs nowhere; --out holds every key.
execute_process(COMMAND "${CLI}" compare "${base}" "${base}" --duration 2 --out "${OUT}/diff.csv"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
check("compare same: exit ${rc}: ${err}" rc EQUAL 0)
check("compare same: stdout is '${out}'" out STREQUAL "differences=0\n")
file(STRINGS "${OUT}/diff.csv" diff)
list(GET diff 0 diffHeader)
check("compare --out header: ${diffHeader}" diffHeader STREQUAL "key,A,B")
file(READ "${OUT}/diff.csv" diffText)
string(REGEX MATCH "\nrequests\\.issued,([0-9]+),([0-9]+)\n" m "${diffText}")
check("compare --out has requests.issued twice the same: ${diffText}"
      CMAKE_MATCH_1 GREATER 0 AND CMAKE_MATCH_1 STREQUAL CMAKE_MATCH_2)
string(FIND "${diffText}" "\nwall_seconds," at)
check("compare --out has wall_seconds" NOT at EQUAL -1)

# compare: twice the rate; every line but the last is "key A B", the last counts them.
file(READ "${base}" text)
string(REPLACE "\"rate_rps\": 100" "\"rate_rps\": 200" text "${text}")
file(WRITE "${OUT}/double.clustersim.json" "${text}")
execute_process(COMMAND "${CLI}" compare "${base}" "${OUT}/double.clustersim.json" --duration 2
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
check("compare double rate: exit ${rc}" rc EQUAL 0)
string(REGEX REPLACE "\n$" "" out "${out}")
string(REPLACE "\n" ";" outLines "${out}")
list(POP_BACK outLines last)
list(LENGTH outLines n)
check("compare double rate: last line '${last}' counts ${n} lines" last STREQUAL "differences=${n}")
check("compare double rate: some difference" n GREATER 0)
foreach(l IN LISTS outLines)
    check("compare line '${l}' is 'key A B'" l MATCHES "^[a-z_.0-9]+ [-0-9.e+]+ [-0-9.e+]+$")
    check("compare line '${l}': wall_seconds never counts" NOT l MATCHES "^wall_seconds")
endforeach()
string(REGEX MATCH "requests\\.issued ([0-9]+) ([0-9]+)" m "${out}")
string(LENGTH "${m}" found)
check("compare double rate: requests.issued differs: ${out}" found GREATER 0)

# compare: bad file (2, names it); two topologies (2, names both files and the node).
execute_process(COMMAND "${CLI}" compare "${base}" "${DATA}/bad/wrong_type_rate.clustersim.json"
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
check("compare bad file: exit ${rc}" rc EQUAL 2)
string(FIND "${err}" "wrong_type_rate.clustersim.json: " at)
check("compare bad file: stderr names it: ${err}" NOT at EQUAL -1)
execute_process(COMMAND "${CLI}" compare "${base}" "${design}"
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
check("compare two topologies: exit ${rc}" rc EQUAL 2)
string(FIND "${err}" "${base}" atA)
string(FIND "${err}" "${design}" atB)
check("compare two topologies: stderr names both files: ${err}" NOT atA EQUAL -1 AND NOT atB EQUAL -1)

# sweep: the whole file with one job, with two, and as three shards merged by point.
set(vary --vary "nodes[api].instances=1:3:3" --vary "nodes[users].rate_rps=50:150:2" --duration 1)
execute_process(COMMAND "${CLI}" sweep "${base}" ${vary} --jobs 1 --out "${OUT}/whole.csv"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
check("sweep --jobs 1: exit ${rc}: ${err}" rc EQUAL 0)
execute_process(COMMAND "${CLI}" sweep "${base}" ${vary} --jobs 2 --out "${OUT}/jobs2.csv"
                RESULT_VARIABLE rc)
check("sweep --jobs 2: exit ${rc}" rc EQUAL 0)
file(READ "${OUT}/whole.csv" whole)
file(READ "${OUT}/jobs2.csv" jobs2)
check("sweep: --jobs 2 differs from --jobs 1" whole STREQUAL jobs2)
file(STRINGS "${OUT}/whole.csv" wholeLines)
list(LENGTH wholeLines n)
check("sweep: 6 points + header, got ${n}" n EQUAL 7)
list(GET wholeLines 0 header)
check("sweep header: ${header}"
      header MATCHES "^point,nodes\\[api\\]\\.instances,nodes\\[users\\]\\.rate_rps,.*,latency_ms\\.p99,")
list(GET wholeLines 2 row1)
check("sweep point 1 is instances 1, rate 150: ${row1}" row1 MATCHES "^1,1,150,")
set(rows "")
foreach(i 1 2 3)
    execute_process(COMMAND "${CLI}" sweep "${base}" ${vary} --shard ${i}/3 --out "${OUT}/s${i}.csv"
                    RESULT_VARIABLE rc)
    check("sweep --shard ${i}/3: exit ${rc}" rc EQUAL 0)
    file(STRINGS "${OUT}/s${i}.csv" shard)
    list(GET shard 0 shardHeader)
    check("shard ${i} header" shardHeader STREQUAL header)
    list(REMOVE_AT shard 0)
    list(APPEND rows ${shard})
endforeach()
list(SORT rows COMPARE NATURAL)
list(REMOVE_AT wholeLines 0)
check("sweep: shards merged by point differ from the whole file" rows STREQUAL wholeLines)

# sweep: bad arguments exit 2 naming the argument, and leave no OUT file.
foreach(case "--vary;nodes[api].nope=1:2:2" "--vary;nodes[ghost].cores=1:2:2"
        "--vary;nodes[api].cores=1:2" "--vary;nodes[api].cores=1:100000:2"
        "--vary;nodes[api].cores=1:2:2;--shard;3/2" "--vary;nodes[api].cores=1:2:2;--jobs;0")
    list(GET case 1 arg)
    execute_process(COMMAND "${CLI}" sweep "${base}" ${case} --out "${OUT}/bad.csv"
                    RESULT_VARIABLE rc ERROR_VARIABLE err)
    check("sweep ${case}: exit ${rc}, expected 2" rc EQUAL 2)
    list(GET case -1 named)
    string(FIND "${err}" "${named}" at)
    check("sweep ${case}: stderr does not name '${named}': ${err}" NOT at EQUAL -1)
    check("sweep ${case}: wrote bad.csv" NOT EXISTS "${OUT}/bad.csv")
endforeach()
execute_process(COMMAND "${CLI}" sweep "${DATA}/bad/wrong_type_rate.clustersim.json"
                --vary "nodes[a].cores=1:2:2" --out "${OUT}/bad.csv" RESULT_VARIABLE rc ERROR_VARIABLE err)
check("sweep bad file: exit ${rc}" rc EQUAL 2)
string(FIND "${err}" "wrong_type_rate.clustersim.json: " at)
check("sweep bad file: stderr names it: ${err}" NOT at EQUAL -1)

if(failures GREATER 0)
    message(FATAL_ERROR "${failures} check(s) failed")
endif()
