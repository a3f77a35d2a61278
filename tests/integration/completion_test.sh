#!/usr/bin/env bash
# The shell completions: bash completes commands, options and their values
# as a user would see them, the zsh file parses, and both know every
# command the binary has (so a new command cannot be forgotten there).
#   completion_test.sh SOURCE_DIR REVWATCH_BIN
set -uo pipefail
source_dir=$1
bin=$2
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }

commands=$("$bin" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF {print $1}')
[[ -n "$commands" ]] || fail "no subcommands in revwatch --help"
for command in $commands; do
  grep -qw -- "$command" "$source_dir/doc/completions/revwatch.bash" || fail "bash: no $command"
  grep -q -- "'$command:" "$source_dir/doc/completions/_revwatch" || fail "zsh: no $command"
done

zsh -n "$source_dir/doc/completions/_revwatch" || fail "zsh: the file does not parse"

# shellcheck source=/dev/null
source /usr/share/bash-completion/bash_completion
# shellcheck source=/dev/null
source "$source_dir/doc/completions/revwatch.bash"
complete_line() {  # prints the candidates for the words given (the last may be partial)
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _revwatch
  echo " ${COMPREPLY[*]} "
}
[[ $(complete_line revwatch se) == *" search "* ]] || fail "bash: 'se' does not give search"
[[ $(complete_line revwatch --db x.db bl) == *" blame "* ]] || fail "bash: after --db FILE"
[[ $(complete_line revwatch diff 3 --f) == *" --format "* ]] || fail "bash: diff --format"
[[ $(complete_line revwatch export 3 --format "") == " json warc " ]] || fail "bash: export formats"
[[ $(complete_line revwatch add x --alert-on de) == " denial " ]] || fail "bash: alert tags"
[[ $(complete_line revwatch alerts "") == *" send "* ]] || fail "bash: alerts send"
[[ $(complete_line revwatch --color always lo) == *" log "* ]] || fail "bash: after --color WHEN"
[[ $(complete_line revwatch feed "") == " add list items check rm " ]] || fail "bash: feed commands"
[[ $(complete_line revwatch feed add x --fo) == " --follow-days " ]] || fail "bash: feed add options"
[[ $(complete_line revwatch list --fe) == " --feed " ]] || fail "bash: list --feed"
[[ $(complete_line revwatch --color "") == " auto always never " ]] || fail "bash: --color values"
[[ $(complete_line revwatch list --) == *" --changed-since "* ]] || fail "bash: list options"
exit $failed
