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
complete -c acctl -n "__fish_acctl_needs_command" -f -a "reset" -d 'Reset a customer\'s password, guided step by step (the wizard)'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "code" -d 'Send a verification code to a contact on file, and verify the code the customer reads back'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "password" -d 'Set a customer\'s password: deliver a temporary one, or take one from stdin'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "account" -d 'Lock or unlock an account'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "sessions" -d 'Sign a customer out everywhere'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "bulk" -d 'One action over a list of accounts: planned, journalled, resumable, exactly once'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "audit" -d 'Read the audit log'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "sandbox" -d 'Run the reference service in-process with demo accounts, for training'
complete -c acctl -n "__fish_acctl_needs_command" -f -a "demo" -d 'A sandbox and the reset wizard in one process: see a reset from both sides'
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
complete -c acctl -n "__fish_acctl_using_subcommand reset" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand reset" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand reset" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand reset" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand reset" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand reset" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand reset" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand reset" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand reset" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand reset" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand reset" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand reset" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand reset" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand reset" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -f -a "send" -d 'Send a verification code to a contact on file'
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -f -a "verify" -d 'Verify the code the customer reads back'
complete -c acctl -n "__fish_acctl_using_subcommand code; and not __fish_seen_subcommand_from send verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l channel -d 'Where the code goes [default: email when on file, else sms]' -r -f -a "email\t'The email address on file'
sms\t'The phone number on file, by SMS'"
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l yes -d 'Do not ask for confirmation on a protected profile'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l code-stdin -d 'Read the code from stdin (one line) instead of prompting'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l yes -d 'Do not ask for confirmation on a protected profile'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send a verification code to a contact on file'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify the code the customer reads back'
complete -c acctl -n "__fish_acctl_using_subcommand code; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -f -a "set" -d 'Set a customer\'s password: deliver a temporary one, or take one from stdin'
complete -c acctl -n "__fish_acctl_using_subcommand password; and not __fish_seen_subcommand_from set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l channel -d 'With --deliver: where the temporary password goes [default: the verified channel, else email, else sms]' -r -f -a "email\t'The email address on file'
sms\t'The phone number on file, by SMS'"
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l verification-stdin -d 'Read the verification token `acctl code verify` printed from stdin (one line) instead of `ACCTL_VERIFICATION`'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l force -d 'Without a verification token (needs the `password:force` scope; audited as forced)'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l deliver -d 'Send the customer a temporary password they must change at the next sign-in'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l password-stdin -d 'Read the new password from stdin (one line)'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l keep-sessions -d 'Leave the customer\'s other sessions signed in'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l yes -d 'Do not ask for confirmation on a protected profile'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a customer\'s password: deliver a temporary one, or take one from stdin'
complete -c acctl -n "__fish_acctl_using_subcommand password; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -f -a "lock" -d 'Lock an account: the customer cannot sign in and no reset can start'
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -f -a "unlock" -d 'Unlock a locked account'
complete -c acctl -n "__fish_acctl_using_subcommand account; and not __fish_seen_subcommand_from lock unlock help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -l yes -d 'Do not ask for confirmation on a protected profile'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from lock" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -l yes -d 'Do not ask for confirmation on a protected profile'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from unlock" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "lock" -d 'Lock an account: the customer cannot sign in and no reset can start'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Unlock a locked account'
complete -c acctl -n "__fish_acctl_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -f -a "revoke" -d 'Sign the customer out of every session (needs the sre or admin role)'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and not __fish_seen_subcommand_from revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l yes -d 'Do not ask for confirmation on a protected profile'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Sign the customer out of every session (needs the sre or admin role)'
complete -c acctl -n "__fish_acctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -f -a "force-reset" -d 'Force a password reset: a temporary password delivered on the channel on file, every session revoked, the customer notified'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -f -a "lock" -d 'Lock every account in the list'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -f -a "unlock" -d 'Unlock every account in the list'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -f -a "revoke-sessions" -d 'Sign every account in the list out of all its sessions'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -f -a "resume" -d 'Continue a job that was interrupted or killed: done items are skipped, the rest are sent with their original keys'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -f -a "status" -d 'Print a job\'s progress and summary'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -f -a "list" -d 'List the jobs whose journals are on this machine'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and not __fish_seen_subcommand_from force-reset lock unlock revoke-sessions resume status list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l input -d 'The list: a file, or `-` for stdin' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l column -d 'Read identifiers from this column of CSV input (with a header row)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l max-affected -d 'Refuse to run if more than N accounts would change (default: the profile\'s `max_affected`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l rate -d 'Requests per second at most, e.g. `20/s` (default: the profile\'s `rate`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l concurrency -d 'Accounts in flight at once, 1 to 256 (default: the profile\'s `concurrency`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l journal -d 'Where to write the job\'s journal (default: the XDG state directory, by job id)' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l resume -d 'Continue job JOB (planned from this same input) instead of planning a new one' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l dry-run -d 'Show the plan and stop: nothing is changed'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l yes -d 'Do not ask for confirmation (required under --no-input)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from force-reset" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l input -d 'The list: a file, or `-` for stdin' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l column -d 'Read identifiers from this column of CSV input (with a header row)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l max-affected -d 'Refuse to run if more than N accounts would change (default: the profile\'s `max_affected`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l rate -d 'Requests per second at most, e.g. `20/s` (default: the profile\'s `rate`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l concurrency -d 'Accounts in flight at once, 1 to 256 (default: the profile\'s `concurrency`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l journal -d 'Where to write the job\'s journal (default: the XDG state directory, by job id)' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l resume -d 'Continue job JOB (planned from this same input) instead of planning a new one' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l dry-run -d 'Show the plan and stop: nothing is changed'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l yes -d 'Do not ask for confirmation (required under --no-input)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from lock" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l input -d 'The list: a file, or `-` for stdin' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l column -d 'Read identifiers from this column of CSV input (with a header row)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l max-affected -d 'Refuse to run if more than N accounts would change (default: the profile\'s `max_affected`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l rate -d 'Requests per second at most, e.g. `20/s` (default: the profile\'s `rate`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l concurrency -d 'Accounts in flight at once, 1 to 256 (default: the profile\'s `concurrency`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l journal -d 'Where to write the job\'s journal (default: the XDG state directory, by job id)' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l resume -d 'Continue job JOB (planned from this same input) instead of planning a new one' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l dry-run -d 'Show the plan and stop: nothing is changed'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l yes -d 'Do not ask for confirmation (required under --no-input)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from unlock" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l input -d 'The list: a file, or `-` for stdin' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l column -d 'Read identifiers from this column of CSV input (with a header row)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l max-affected -d 'Refuse to run if more than N accounts would change (default: the profile\'s `max_affected`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l rate -d 'Requests per second at most, e.g. `20/s` (default: the profile\'s `rate`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l concurrency -d 'Accounts in flight at once, 1 to 256 (default: the profile\'s `concurrency`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l journal -d 'Where to write the job\'s journal (default: the XDG state directory, by job id)' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l resume -d 'Continue job JOB (planned from this same input) instead of planning a new one' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l dry-run -d 'Show the plan and stop: nothing is changed'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l yes -d 'Do not ask for confirmation (required under --no-input)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from revoke-sessions" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l rate -d 'Requests per second at most (default: the profile\'s `rate`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l concurrency -d 'Accounts in flight at once (default: the profile\'s `concurrency`)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l yes -d 'Confirm on a protected profile without asking (required under --no-input)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from help" -f -a "force-reset" -d 'Force a password reset: a temporary password delivered on the channel on file, every session revoked, the customer notified'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from help" -f -a "lock" -d 'Lock every account in the list'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Unlock every account in the list'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from help" -f -a "revoke-sessions" -d 'Sign every account in the list out of all its sessions'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Continue a job that was interrupted or killed: done items are skipped, the rest are sent with their original keys'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from help" -f -a "status" -d 'Print a job\'s progress and summary'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the jobs whose journals are on this machine'
complete -c acctl -n "__fish_acctl_using_subcommand bulk; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l account -d 'Only events about this account (email, phone number or account ID)' -r
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l actor -d 'Only events by this operator (reading others\' events needs the admin role)' -r
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l action -d 'Only this action' -r -f -a "challenge.create\t''
challenge.verify\t''
password.set\t''
account.lock\t''
account.unlock\t''
sessions.revoke\t''
account.reveal\t''
login\t''
message.deliver\t''"
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l since -d 'Only events since: an age (`90s`, `30m`, `24h`, `7d`, `2w`), a date, or an RFC 3339 time' -r
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l limit -d 'Print at most this many events' -r
complete -c acctl -n "__fish_acctl_using_subcommand audit" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand audit" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand audit" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand audit" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand audit" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand audit" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l listen -d 'Address to listen on: loopback only (127.0.0.1, ::1); port 0 picks a free one' -r
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l db -d 'SQLite database file to keep between runs [default: a fresh temporary one]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand sandbox" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand demo" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand demo" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand demo" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand demo" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand demo" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand demo" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand demo" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand demo" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand demo" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand demo" -l script -d 'Run the flow unattended and print each step (no prompts)'
complete -c acctl -n "__fish_acctl_using_subcommand demo" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand demo" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand demo" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand demo" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand demo" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -f -a "path" -d 'Print the path of the config file in use (whether or not it exists)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -f -a "show" -d 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -f -a "init" -d 'Add a profile to the config file, or update one; the rest of the file (other profiles, comments) is kept'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -f -a "use" -d 'Make a profile of the config file the default (`default_profile`), the one used when neither -p nor ACCTL_PROFILE names one'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -f -a "set" -d 'Change one key of a profile in the config file (the profile named by -p, else the default one); the rest of the file is kept as it is'
complete -c acctl -n "__fish_acctl_using_subcommand config; and not __fish_seen_subcommand_from path show init use set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l url -d 'Base URL of the account service\'s Admin API [default for a new profile: http://127.0.0.1:8080]' -r
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
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -s p -l profile -d 'Backend profile from the config file [default: the file\'s `default_profile`, else `local`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'Human-readable table (an account card for a single account)'
json\t'JSON: one document (an array when there are several records)'
ndjson\t'One JSON record a line'
csv\t'Comma-separated values with a header row'
tsv\t'Tab-separated values with a header row'"
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -l fields -d 'Choose and order the output columns (comma-separated; `--fields help` lists them)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -l jq -d 'Filter each JSON record with a jq expression (built in; no jq needed)' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -l reason -d 'Why you are doing this: sent as the audit reason with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -l ticket -d 'Ticket the change belongs to: sent as the audit ticket with every change' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -l region -d 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile\'s `region`]' -r
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -l config -d 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]' -r -F
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; a missing value is a usage error (exit 2)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -l reveal -d 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Only errors on stderr: no progress, notices or hints'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the config file in use (whether or not it exists)'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Add a profile to the config file, or update one; the rest of the file (other profiles, comments) is kept'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile of the config file the default (`default_profile`), the one used when neither -p nor ACCTL_PROFILE names one'
complete -c acctl -n "__fish_acctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change one key of a profile in the config file (the profile named by -p, else the default one); the rest of the file is kept as it is'
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
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "auth" -d 'Sign in to a backend profile, check who you are, sign out'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "lookup" -d 'Find accounts by email, phone number or account ID'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "reset" -d 'Reset a customer\'s password, guided step by step (the wizard)'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "code" -d 'Send a verification code to a contact on file, and verify the code the customer reads back'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "password" -d 'Set a customer\'s password: deliver a temporary one, or take one from stdin'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "account" -d 'Lock or unlock an account'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "sessions" -d 'Sign a customer out everywhere'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "bulk" -d 'One action over a list of accounts: planned, journalled, resumable, exactly once'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "audit" -d 'Read the audit log'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "sandbox" -d 'Run the reference service in-process with demo accounts, for training'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "demo" -d 'A sandbox and the reset wizard in one process: see a reset from both sides'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "config" -d 'Show and create the config file'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c acctl -n "__fish_acctl_using_subcommand help; and not __fish_seen_subcommand_from auth lookup reset code password account sessions bulk audit sandbox demo config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Sign in: store a token for the profile in the OS keyring'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the profile, the backend, who you are signed in as, your role and scopes, and where the token came from (keyring, env or file)'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Sign out: remove the profile\'s token from the OS keyring (and the plaintext file)'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from code" -f -a "send" -d 'Send a verification code to a contact on file'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from code" -f -a "verify" -d 'Verify the code the customer reads back'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from password" -f -a "set" -d 'Set a customer\'s password: deliver a temporary one, or take one from stdin'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "lock" -d 'Lock an account: the customer cannot sign in and no reset can start'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "unlock" -d 'Unlock a locked account'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "revoke" -d 'Sign the customer out of every session (needs the sre or admin role)'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from bulk" -f -a "force-reset" -d 'Force a password reset: a temporary password delivered on the channel on file, every session revoked, the customer notified'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from bulk" -f -a "lock" -d 'Lock every account in the list'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from bulk" -f -a "unlock" -d 'Unlock every account in the list'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from bulk" -f -a "revoke-sessions" -d 'Sign every account in the list out of all its sessions'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from bulk" -f -a "resume" -d 'Continue a job that was interrupted or killed: done items are skipped, the rest are sent with their original keys'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from bulk" -f -a "status" -d 'Print a job\'s progress and summary'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from bulk" -f -a "list" -d 'List the jobs whose journals are on this machine'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the config file in use (whether or not it exists)'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Add a profile to the config file, or update one; the rest of the file (other profiles, comments) is kept'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make a profile of the config file the default (`default_profile`), the one used when neither -p nor ACCTL_PROFILE names one'
complete -c acctl -n "__fish_acctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change one key of a profile in the config file (the profile named by -p, else the default one); the rest of the file is kept as it is'
