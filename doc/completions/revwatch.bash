# bash completion for revwatch (installed by cmake --install)
_revwatch() {
  local cur prev words cword
  _init_completion || return
  local commands="add rm list pause resume check log show diff at blame search export
    alerts test-mail extract compare demo daemon feed"
  local global="--db --config --color --utc --help --version"
  local command="" i
  for ((i = 1; i < cword; i++)); do
    case "${words[i]}" in
      --db|--config|--color) ((i++)) ;;
      -*) ;;
      *) command="${words[i]}"; break ;;
    esac
  done
  case "$prev" in
    --db|--config|--from|--output|--lexicon) _filedir; return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --format)
      case "$command" in
        export) COMPREPLY=($(compgen -W "json warc" -- "$cur")) ;;
        extract) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "ansi text html json" -- "$cur")) ;;
      esac
      return ;;
    --alert-on)
      COMPREPLY=($(compgen -W "headline denial negation quote number entity attribution
        paragraph-added paragraph-removed correction" -- "$cur"))
      return ;;
  esac
  if [[ -z "$command" ]]; then
    COMPREPLY=($(compgen -W "$commands $global" -- "$cur"))
    return
  fi
  local options="--help"
  case "$command" in
    add) options+=" --from --label --every --notify --alert-on" ;;
    list) options+=" --json --changed-since --tag --feed" ;;
    feed)
      case "${words[i + 1]}" in
        add) options+=" --follow-days --label --every --notify --alert-on" ;;
        list|items) options+=" --json" ;;
      esac ;;
    alerts) options+=" --json" ;;
    check) options+=" --all" ;;
    log) options+=" --json --substantive -p --patch" ;;
    show) options+=" --raw --headers --meta" ;;
    diff) options+=" --format --context -C" ;;
    blame) options+=" --json" ;;
    search) options+=" --url --since --removed --fts --json" ;;
    export) options+=" --format --output --gzip" ;;
    extract) options+=" --url --format" ;;
    compare) options+=" --format --json --lexicon" ;;
    demo) options+=" --keep" ;;
    daemon) options+=" --once --interval" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  elif [[ "$command" == extract || "$command" == compare ]]; then
    _filedir
  elif [[ "$command" == alerts ]]; then
    COMPREPLY=($(compgen -W "send" -- "$cur"))
  elif [[ "$command" == feed && $((i + 1)) -eq $cword ]]; then
    COMPREPLY=($(compgen -W "add list items check rm" -- "$cur"))
  fi
}
complete -F _revwatch revwatch
