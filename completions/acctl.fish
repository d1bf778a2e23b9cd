complete --keep-order --exclusive --command acctl --arguments "(COMPLETE=fish acctl -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
