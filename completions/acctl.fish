# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_acctl_global_optspecs
    string join \n p/profile= o/output= fields= jq= no-input reason= ticket= reveal region= config= color= v/verbose q/quiet h/help V/version
end

function __fish_acctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_acctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_acctl_using_subcommand
    set -l cmd (__fish_acctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c acctl -n "__fish_acctl_needs_command" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_needs_command" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_needs_command" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_needs_command" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_needs_command" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_needs_command" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_needs_command" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_needs_command" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_needs_command" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_needs_command" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_needs_command" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_needs_command" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_needs_command" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_needs_command" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "auth" -d 'Sign in to a backend profile, check who you are, sign out'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "lookup" -d 'Find accounts by email, phone number or account ID'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "config" -d 'Show and create the config file'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "login" -d 'Sign in: store a token for the profile in the OS keyring'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "status" -d 'Show the profile, the backend, who you are signed in as, your role and scopes, and where the token came from (keyring, env or file)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "logout" -d 'Sign out: remove the profile\'s token from the OS keyring (and the plaintext file)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-token -d 'Read the token from stdin instead of prompting'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l insecure-storage -d 'Keep the token in a plaintext file readable only by you (when no OS keyring is available)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Sign in: store a token for the profile in the OS keyring'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the profile, the backend, who you are signed in as, your role and scopes, and where the token came from (keyring, env or file)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Sign out: remove the profile\'s token from the OS keyring (and the plaintext file)'
complete -c acctl -n "__fish_acctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l by -d 'Treat every identifier as this kind instead of detecting it' -r -f -a "email\t''
phone\t''
id\t''"
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l column -d 'With `-`: the input is CSV with a header row; take identifiers from this column' -r
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand lookup" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "path" -d 'Print the path of the config file in use (whether or not it exists)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "show" -d 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "init" -d 'Write a starter config file with one profile (named by -p, default `local`)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l url -d 'Base URL of the account service\'s Admin API' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Replace an existing config file'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the config file in use (whether or not it exists)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a starter config file with one profile (named by -p, default `local`)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand completions" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand completions" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand completions" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand completions" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand completions" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand completions" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand completions" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand completions" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand completions" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand completions" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand completions" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand completions" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand completions" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup config completions help" -f -a "auth" -d 'Sign in to a backend profile, check who you are, sign out'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup config completions help" -f -a "lookup" -d 'Find accounts by email, phone number or account ID'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup config completions help" -f -a "config" -d 'Show and create the config file'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup config completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Sign in: store a token for the profile in the OS keyring'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the profile, the backend, who you are signed in as, your role and scopes, and where the token came from (keyring, env or file)'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Sign out: remove the profile\'s token from the OS keyring (and the plaintext file)'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the config file in use (whether or not it exists)'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a starter config file with one profile (named by -p, default `local`)'
