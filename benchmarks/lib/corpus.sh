# Sourced by the corpus scripts: where ../shared/corpus is, found the same way as the test classes (Acceptance/Corpus.cs):
# $GMB_CORPUS (or the older $CORPUS), else shared/corpus beside the repository or beside a folder above it (a worktree).
# Sets CORPUS, or leaves it empty when there is none.
gmb_find_corpus() {
  CORPUS="${GMB_CORPUS:-${CORPUS:-}}"
  if [ -z "$CORPUS" ]; then
    local d
    d="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    while [ "$d" != / ]; do
      d="$(dirname "$d")"
      if [ -x "$d/shared/corpus/unpack" ]; then CORPUS="$d/shared/corpus"; break; fi
    done
  fi
  [ -n "$CORPUS" ] && [ -x "$CORPUS/unpack" ] || CORPUS=""
}
gmb_find_corpus
