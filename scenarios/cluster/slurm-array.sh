#!/usr/bin/env bash
# Run a hedgesim sweep on a Slurm cluster: one array task per shard, then a merge job that starts
# once every shard has finished. From a login node, in the repository:
#
#   scenarios/cluster/slurm-array.sh SWEEP.yaml OUTDIR SHARDS [sbatch options for the shards...]
#
# for example
#
#   scenarios/cluster/slurm-array.sh scenarios/sweeps/nationalism-sovereignty.yaml \
#       /scratch/$USER/nationalism 8 --time=01:00:00 --cpus-per-task=4 --partition=short
#
# The script builds target/hedgesim.jar once, here, and then submits
#   1. an array job of SHARDS tasks: task K runs
#        hedgesim sweep SWEEP --shard K/SHARDS --out OUTDIR/shard-K --resume --yes --threads <its CPUs>
#      so a task that is requeued, pre-empted or submitted again finishes its shard instead of
#      starting it over;
#   2. a merge job (--dependency=afterok on the array job) that runs
#        hedgesim merge OUTDIR/shard-1 ... OUTDIR/shard-SHARDS --out OUTDIR/merged
#      whose files are byte for byte those of the whole sweep run in one process.
# Logs go to OUTDIR/logs/. Options for the merge job: MERGE_SBATCH_OPTIONS="--time=00:10:00 ...".
# Java options (heap, ...): HEDGESIM_JAVA_OPTS. docs/CLUSTER.md explains the recipe, and how to do
# the same with PBS/Torque, SGE, HTCondor or GNU parallel.
#
# Slurm runs this same file for the shards and the merge; HEDGESIM_STAGE tells it which part to do.
set -euo pipefail

stage="${HEDGESIM_STAGE:-submit}"
java="${JAVA:-java}"

case "$stage" in
  submit)
    if [ "$#" -lt 3 ]; then
      echo "usage: $0 SWEEP.yaml OUTDIR SHARDS [sbatch options for the shards...]" >&2
      exit 2
    fi
    sweep="$1"; out="$2"; shards="$3"; shift 3
    if ! [[ "$shards" =~ ^[1-9][0-9]*$ ]]; then
      echo "$0: SHARDS must be a whole number >= 1, found '$shards'" >&2
      exit 2
    fi
    if [ ! -f "$sweep" ]; then
      echo "$0: no sweep file $sweep" >&2
      exit 2
    fi
    here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    # build the jar once, here, so that the tasks do not all try to build it at the same time
    "$here/hedgesim" validate "$sweep" >&2
    sweep="$(cd "$(dirname "$sweep")" && pwd)/$(basename "$sweep")"
    mkdir -p "$out/logs"
    out="$(cd "$out" && pwd)"
    export HEDGESIM_JAR="$here/target/hedgesim.jar" HEDGESIM_SWEEP="$sweep" HEDGESIM_OUT="$out" \
      HEDGESIM_SHARDS="$shards"
    array="$(HEDGESIM_STAGE=shard sbatch --parsable --job-name=hedgesim-sweep --array="1-$shards" \
      --output="$out/logs/shard-%a.out" "$@" "${BASH_SOURCE[0]}")"
    array="${array%%;*}"
    # shellcheck disable=SC2086
    merge="$(HEDGESIM_STAGE=merge sbatch --parsable --job-name=hedgesim-merge \
      --dependency="afterok:$array" --output="$out/logs/merge.out" ${MERGE_SBATCH_OPTIONS:-} \
      "${BASH_SOURCE[0]}")"
    merge="${merge%%;*}"
    echo "submitted: shards as array job $array (tasks 1-$shards), merge as job $merge"
    echo "results, when both are done: $out/merged (logs: $out/logs/)"
    ;;
  shard)
    k="${SLURM_ARRAY_TASK_ID:?not inside a Slurm array task}"
    # shellcheck disable=SC2086
    exec "$java" ${HEDGESIM_JAVA_OPTS:-} -jar "$HEDGESIM_JAR" sweep "$HEDGESIM_SWEEP" \
      --shard "$k/$HEDGESIM_SHARDS" --out "$HEDGESIM_OUT/shard-$k" --resume --yes \
      --threads "${SLURM_CPUS_PER_TASK:-1}" --progress lines --progress-every 60
    ;;
  merge)
    shards=()
    for ((k = 1; k <= HEDGESIM_SHARDS; k++)); do shards+=("$HEDGESIM_OUT/shard-$k"); done
    # shellcheck disable=SC2086
    exec "$java" ${HEDGESIM_JAVA_OPTS:-} -jar "$HEDGESIM_JAR" merge "${shards[@]}" --out "$HEDGESIM_OUT/merged"
    ;;
  *)
    echo "$0: unknown HEDGESIM_STAGE '$stage' (submit, shard or merge)" >&2
    exit 2
    ;;
esac
