
use builtin;
use str;

set edit:completion:arg-completer[acctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'acctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'acctl'= {
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand auth 'Sign in to a backend profile, check who you are, sign out'
            cand lookup 'Find accounts by email, phone number or account ID'
            cand config 'Show and create the config file'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;auth'= {
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Sign in: store a token for the profile in the OS keyring'
            cand status 'Show the profile, the backend, who you are signed in as, your role and scopes, and where the token came from (keyring, env or file)'
            cand logout 'Sign out: remove the profile''s token from the OS keyring (and the plaintext file)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;auth;login'= {
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --with-token 'Read the token from stdin instead of prompting'
            cand --insecure-storage 'Keep the token in a plaintext file readable only by you (when no OS keyring is available)'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'acctl;auth;status'= {
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'acctl;auth;logout'= {
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'acctl;auth;help'= {
            cand login 'Sign in: store a token for the profile in the OS keyring'
            cand status 'Show the profile, the backend, who you are signed in as, your role and scopes, and where the token came from (keyring, env or file)'
            cand logout 'Sign out: remove the profile''s token from the OS keyring (and the plaintext file)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;auth;help;login'= {
        }
        &'acctl;auth;help;status'= {
        }
        &'acctl;auth;help;logout'= {
        }
        &'acctl;auth;help;help'= {
        }
        &'acctl;lookup'= {
            cand --by 'Treat every identifier as this kind instead of detecting it'
            cand --column 'With `-`: the input is CSV with a header row; take identifiers from this column'
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'acctl;config'= {
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand path 'Print the path of the config file in use (whether or not it exists)'
            cand show 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
            cand init 'Write a starter config file with one profile (named by -p, default `local`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;config;path'= {
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'acctl;config;show'= {
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'acctl;config;init'= {
            cand --url 'Base URL of the account service''s Admin API'
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --force 'Replace an existing config file'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'acctl;config;help'= {
            cand path 'Print the path of the config file in use (whether or not it exists)'
            cand show 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
            cand init 'Write a starter config file with one profile (named by -p, default `local`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;config;help;path'= {
        }
        &'acctl;config;help;show'= {
        }
        &'acctl;config;help;init'= {
        }
        &'acctl;config;help;help'= {
        }
        &'acctl;completions'= {
            cand -p 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand --profile 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --fields 'Choose and order the output columns (comma-separated; `--fields help` lists them)'
            cand --jq 'Filter each JSON record with a jq expression (built in; no jq needed)'
            cand --reason 'Why you are doing this: sent as the audit reason with every change'
            cand --ticket 'Ticket the change belongs to: sent as the audit ticket with every change'
            cand --region 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]'
            cand --color 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]'
            cand --no-input 'Never prompt; a missing value is a usage error (exit 2)'
            cand --reveal 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)'
            cand -v 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv); never logs secrets'
            cand -q 'Only errors on stderr: no progress, notices or hints'
            cand --quiet 'Only errors on stderr: no progress, notices or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'acctl;help'= {
            cand auth 'Sign in to a backend profile, check who you are, sign out'
            cand lookup 'Find accounts by email, phone number or account ID'
            cand config 'Show and create the config file'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;help;auth'= {
            cand login 'Sign in: store a token for the profile in the OS keyring'
            cand status 'Show the profile, the backend, who you are signed in as, your role and scopes, and where the token came from (keyring, env or file)'
            cand logout 'Sign out: remove the profile''s token from the OS keyring (and the plaintext file)'
        }
        &'acctl;help;auth;login'= {
        }
        &'acctl;help;auth;status'= {
        }
        &'acctl;help;auth;logout'= {
        }
        &'acctl;help;lookup'= {
        }
        &'acctl;help;config'= {
            cand path 'Print the path of the config file in use (whether or not it exists)'
            cand show 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
            cand init 'Write a starter config file with one profile (named by -p, default `local`)'
        }
        &'acctl;help;config;path'= {
        }
        &'acctl;help;config;show'= {
        }
        &'acctl;help;config;init'= {
        }
        &'acctl;help;completions'= {
        }
        &'acctl;help;help'= {
        }
    ]
    $completions[$command]
}
