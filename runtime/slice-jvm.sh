# shellcheck shell=bash
# The IoT slice's JVM settings for the runs on this host (./mec slice, ./mec bench cse); sourced, not run.
# The slice image's ENTRYPOINT uses the same flags (cloud-platform SliceImageBuilder.JVM_FLAGS, reasons there):
#   -XX:TieredStopAtLevel=1   C1 only: 5 MB less idle RSS (33 MB less after load) than with C2, which gave ~30 %
#                             more creates/s at 64 clients (docs/evaluation.md "Slice start and footprint")
#   -XX:+UseSerialGC          no GC worker threads, smallest GC structures for a small heap
#   -Xms8m -XX:NewSize=1m     small initial heap and young generation (each ~1.3 MB less idle RSS: start-up
#                             garbage touches the whole eden); both grow with the heap under load
#   -XX:MinHeapFreeRatio=70 -XX:NewRatio=1   under load the heap grows early and the
#                             young generation takes half: evicted content instances die young instead of in full
#                             collections (101 -> 4 full GCs in 30 s of 64-client creates); idle RSS unchanged
#   -XX:MaxHeapFreeRatio=70 -XX:-ShrinkHeapInSteps   a full collection shrinks the heap at once to 3x the live
#                             data: the slice collects once when traffic stops and its heap grew past 16 MB
#                             (IdleHeapRelease), so a slice that served a burst gives back the heap it grew
#   -Xmx64m                   room for the slice's resources (a container's mni bounds them)
#   -Xss512k                  half the default stack reservation; JSON nesting is capped at 1000 levels
#   -XX:CICompilerCount=1     one C1 thread is enough for a slice
#   -Dio.netty.allocator.type=unpooled   the slice uses unpooled heap buffers; no pooled default allocator besides
SLICE_JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms8m -XX:NewSize=1m -XX:MinHeapFreeRatio=70 -XX:MaxHeapFreeRatio=70
                 -XX:-ShrinkHeapInSteps
                 -XX:NewRatio=1 -Xmx64m -Xss512k -XX:CICompilerCount=1
                 -Dio.netty.allocator.type=unpooled)
# glibc: two malloc arenas instead of one per thread that allocates natively (less RSS under load)
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# Prints the path of the slice's class-data-sharing archive, (re)made when missing or older than the jar or its
# libraries; about halves start-up CPU. A static archive of exactly the classes the slice's --train run loads
# (JDK, libraries and slice; the run's class list, then -Xshare:dump), used instead of the JDK's default archive:
# this kernel maps an archive resident almost whole (large page-cache folios), so the JDK classes a slice never
# uses would cost RSS too (docs/evaluation.md "Slice idle RSS"). The JVM ignores a stale archive (it checks the
# class path), so at worst a run starts without it. Written under a temporary name and renamed, so concurrent runs
# never see a half-written archive.
slice_cds_archive() {
  local root=$1 jar="$1/iot-slice-meapp/target/iot-slice-meapp.jar" jsa="$1/iot-slice-meapp/target/slice.jsa"
  if [ ! -f "$jsa" ] || [ -n "$(find "$jar" "$root/iot-slice-meapp/target/lib" -newer "$jsa" -print -quit)" ]; then
    local tmp="$jsa.$$.tmp" list="$jsa.$$.classlist"
    # standalone training: these runs never use Mp1, whose client's classes would only make the archive bigger
    if java -XX:-UsePerfData -Xshare:off -XX:DumpLoadedClassList="$list" "${SLICE_JVM_FLAGS[@]}" \
         -Dslice.train.platform=standalone -jar "$jar" --train >/dev/null 2>&1 \
       && java -XX:-UsePerfData -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" \
         "${SLICE_JVM_FLAGS[@]}" -jar "$jar" >/dev/null 2>&1 && [ -s "$tmp" ]; then
      mv -f "$tmp" "$jsa"
      rm -f "$list"
    else
      rm -f "$tmp" "$list"
      echo "slice: could not create the class-data-sharing archive; starting without it" >&2
    fi
  fi
  [ -f "$jsa" ] && echo "$jsa"
}
