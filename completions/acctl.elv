
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
            cand reset 'Reset a customer''s password, guided step by step (the wizard)'
            cand code 'Send a verification code to a contact on file, and verify the code the customer reads back'
            cand password 'Set a customer''s password: deliver a temporary one, or take one from stdin'
            cand account 'Lock or unlock an account'
            cand sessions 'Sign a customer out everywhere'
            cand bulk 'One action over a list of accounts: planned, journalled, resumable, exactly once'
            cand audit 'Read the audit log'
            cand sandbox 'Run the reference service in-process with demo accounts, for training'
            cand demo 'A sandbox and the reset wizard in one process: see a reset from both sides'
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
        &'acctl;reset'= {
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
        &'acctl;code'= {
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
            cand send 'Send a verification code to a contact on file'
            cand verify 'Verify the code the customer reads back'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;code;send'= {
            cand --channel 'Where the code goes [default: email when on file, else sms]'
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
            cand --yes 'Do not ask for confirmation on a protected profile'
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
        &'acctl;code;verify'= {
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
            cand --code-stdin 'Read the code from stdin (one line) instead of prompting'
            cand --yes 'Do not ask for confirmation on a protected profile'
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
        &'acctl;code;help'= {
            cand send 'Send a verification code to a contact on file'
            cand verify 'Verify the code the customer reads back'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;code;help;send'= {
        }
        &'acctl;code;help;verify'= {
        }
        &'acctl;code;help;help'= {
        }
        &'acctl;password'= {
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
            cand set 'Set a customer''s password: deliver a temporary one, or take one from stdin'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;password;set'= {
            cand --channel 'With --deliver: where the temporary password goes [default: the verified channel, else email, else sms]'
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
            cand --verification-stdin 'Read the verification token `acctl code verify` printed from stdin (one line) instead of `ACCTL_VERIFICATION`'
            cand --force 'Without a verification token (needs the `password:force` scope; audited as forced)'
            cand --deliver 'Send the customer a temporary password they must change at the next sign-in'
            cand --password-stdin 'Read the new password from stdin (one line)'
            cand --keep-sessions 'Leave the customer''s other sessions signed in'
            cand --yes 'Do not ask for confirmation on a protected profile'
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
        &'acctl;password;help'= {
            cand set 'Set a customer''s password: deliver a temporary one, or take one from stdin'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;password;help;set'= {
        }
        &'acctl;password;help;help'= {
        }
        &'acctl;account'= {
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
            cand lock 'Lock an account: the customer cannot sign in and no reset can start'
            cand unlock 'Unlock a locked account'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;account;lock'= {
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
            cand --yes 'Do not ask for confirmation on a protected profile'
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
        &'acctl;account;unlock'= {
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
            cand --yes 'Do not ask for confirmation on a protected profile'
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
        &'acctl;account;help'= {
            cand lock 'Lock an account: the customer cannot sign in and no reset can start'
            cand unlock 'Unlock a locked account'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;account;help;lock'= {
        }
        &'acctl;account;help;unlock'= {
        }
        &'acctl;account;help;help'= {
        }
        &'acctl;sessions'= {
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
            cand revoke 'Sign the customer out of every session (needs the sre or admin role)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;sessions;revoke'= {
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
            cand --yes 'Do not ask for confirmation on a protected profile'
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
        &'acctl;sessions;help'= {
            cand revoke 'Sign the customer out of every session (needs the sre or admin role)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;sessions;help;revoke'= {
        }
        &'acctl;sessions;help;help'= {
        }
        &'acctl;bulk'= {
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
            cand force-reset 'Force a password reset: a temporary password delivered on the channel on file, every session revoked, the customer notified'
            cand lock 'Lock every account in the list'
            cand unlock 'Unlock every account in the list'
            cand revoke-sessions 'Sign every account in the list out of all its sessions'
            cand resume 'Continue a job that was interrupted or killed: done items are skipped, the rest are sent with their original keys'
            cand status 'Print a job''s progress and summary'
            cand list 'List the jobs whose journals are on this machine'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;bulk;force-reset'= {
            cand --input 'The list: a file, or `-` for stdin'
            cand --column 'Read identifiers from this column of CSV input (with a header row)'
            cand --max-affected 'Refuse to run if more than N accounts would change (default: the profile''s `max_affected`)'
            cand --rate 'Requests per second at most, e.g. `20/s` (default: the profile''s `rate`)'
            cand --concurrency 'Accounts in flight at once, 1 to 256 (default: the profile''s `concurrency`)'
            cand --journal 'Where to write the job''s journal (default: the XDG state directory, by job id)'
            cand --resume 'Continue job JOB (planned from this same input) instead of planning a new one'
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
            cand --dry-run 'Show the plan and stop: nothing is changed'
            cand --yes 'Do not ask for confirmation (required under --no-input)'
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
        &'acctl;bulk;lock'= {
            cand --input 'The list: a file, or `-` for stdin'
            cand --column 'Read identifiers from this column of CSV input (with a header row)'
            cand --max-affected 'Refuse to run if more than N accounts would change (default: the profile''s `max_affected`)'
            cand --rate 'Requests per second at most, e.g. `20/s` (default: the profile''s `rate`)'
            cand --concurrency 'Accounts in flight at once, 1 to 256 (default: the profile''s `concurrency`)'
            cand --journal 'Where to write the job''s journal (default: the XDG state directory, by job id)'
            cand --resume 'Continue job JOB (planned from this same input) instead of planning a new one'
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
            cand --dry-run 'Show the plan and stop: nothing is changed'
            cand --yes 'Do not ask for confirmation (required under --no-input)'
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
        &'acctl;bulk;unlock'= {
            cand --input 'The list: a file, or `-` for stdin'
            cand --column 'Read identifiers from this column of CSV input (with a header row)'
            cand --max-affected 'Refuse to run if more than N accounts would change (default: the profile''s `max_affected`)'
            cand --rate 'Requests per second at most, e.g. `20/s` (default: the profile''s `rate`)'
            cand --concurrency 'Accounts in flight at once, 1 to 256 (default: the profile''s `concurrency`)'
            cand --journal 'Where to write the job''s journal (default: the XDG state directory, by job id)'
            cand --resume 'Continue job JOB (planned from this same input) instead of planning a new one'
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
            cand --dry-run 'Show the plan and stop: nothing is changed'
            cand --yes 'Do not ask for confirmation (required under --no-input)'
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
        &'acctl;bulk;revoke-sessions'= {
            cand --input 'The list: a file, or `-` for stdin'
            cand --column 'Read identifiers from this column of CSV input (with a header row)'
            cand --max-affected 'Refuse to run if more than N accounts would change (default: the profile''s `max_affected`)'
            cand --rate 'Requests per second at most, e.g. `20/s` (default: the profile''s `rate`)'
            cand --concurrency 'Accounts in flight at once, 1 to 256 (default: the profile''s `concurrency`)'
            cand --journal 'Where to write the job''s journal (default: the XDG state directory, by job id)'
            cand --resume 'Continue job JOB (planned from this same input) instead of planning a new one'
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
            cand --dry-run 'Show the plan and stop: nothing is changed'
            cand --yes 'Do not ask for confirmation (required under --no-input)'
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
        &'acctl;bulk;resume'= {
            cand --rate 'Requests per second at most (default: the profile''s `rate`)'
            cand --concurrency 'Accounts in flight at once (default: the profile''s `concurrency`)'
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
            cand --yes 'Confirm on a protected profile without asking (required under --no-input)'
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
        &'acctl;bulk;status'= {
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
        &'acctl;bulk;list'= {
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
        &'acctl;bulk;help'= {
            cand force-reset 'Force a password reset: a temporary password delivered on the channel on file, every session revoked, the customer notified'
            cand lock 'Lock every account in the list'
            cand unlock 'Unlock every account in the list'
            cand revoke-sessions 'Sign every account in the list out of all its sessions'
            cand resume 'Continue a job that was interrupted or killed: done items are skipped, the rest are sent with their original keys'
            cand status 'Print a job''s progress and summary'
            cand list 'List the jobs whose journals are on this machine'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;bulk;help;force-reset'= {
        }
        &'acctl;bulk;help;lock'= {
        }
        &'acctl;bulk;help;unlock'= {
        }
        &'acctl;bulk;help;revoke-sessions'= {
        }
        &'acctl;bulk;help;resume'= {
        }
        &'acctl;bulk;help;status'= {
        }
        &'acctl;bulk;help;list'= {
        }
        &'acctl;bulk;help;help'= {
        }
        &'acctl;audit'= {
            cand --account 'Only events about this account (email, phone number or account ID)'
            cand --actor 'Only events by this operator (reading others'' events needs the admin role)'
            cand --action 'Only this action'
            cand --since 'Only events since: an age (`90s`, `30m`, `24h`, `7d`, `2w`), a date, or an RFC 3339 time'
            cand --limit 'Print at most this many events'
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
        &'acctl;sandbox'= {
            cand --listen 'Address to listen on: loopback only (127.0.0.1, ::1); port 0 picks a free one'
            cand --db 'SQLite database file to keep between runs [default: a fresh temporary one]'
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
        &'acctl;demo'= {
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
            cand --script 'Run the flow unattended and print each step (no prompts)'
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
            cand init 'Add a profile to the config file, or update one; the rest of the file (other profiles, comments) is kept'
            cand use 'Make a profile of the config file the default (`default_profile`), the one used when neither -p nor ACCTL_PROFILE names one'
            cand set 'Change one key of a profile in the config file (the profile named by -p, else the default one); the rest of the file is kept as it is'
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
            cand --url 'Base URL of the account service''s Admin API [default for a new profile: http://127.0.0.1:8080]'
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
        &'acctl;config;use'= {
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
        &'acctl;config;set'= {
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
        &'acctl;config;help'= {
            cand path 'Print the path of the config file in use (whether or not it exists)'
            cand show 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
            cand init 'Add a profile to the config file, or update one; the rest of the file (other profiles, comments) is kept'
            cand use 'Make a profile of the config file the default (`default_profile`), the one used when neither -p nor ACCTL_PROFILE names one'
            cand set 'Change one key of a profile in the config file (the profile named by -p, else the default one); the rest of the file is kept as it is'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'acctl;config;help;path'= {
        }
        &'acctl;config;help;show'= {
        }
        &'acctl;config;help;init'= {
        }
        &'acctl;config;help;use'= {
        }
        &'acctl;config;help;set'= {
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
            cand reset 'Reset a customer''s password, guided step by step (the wizard)'
            cand code 'Send a verification code to a contact on file, and verify the code the customer reads back'
            cand password 'Set a customer''s password: deliver a temporary one, or take one from stdin'
            cand account 'Lock or unlock an account'
            cand sessions 'Sign a customer out everywhere'
            cand bulk 'One action over a list of accounts: planned, journalled, resumable, exactly once'
            cand audit 'Read the audit log'
            cand sandbox 'Run the reference service in-process with demo accounts, for training'
            cand demo 'A sandbox and the reset wizard in one process: see a reset from both sides'
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
        &'acctl;help;reset'= {
        }
        &'acctl;help;code'= {
            cand send 'Send a verification code to a contact on file'
            cand verify 'Verify the code the customer reads back'
        }
        &'acctl;help;code;send'= {
        }
        &'acctl;help;code;verify'= {
        }
        &'acctl;help;password'= {
            cand set 'Set a customer''s password: deliver a temporary one, or take one from stdin'
        }
        &'acctl;help;password;set'= {
        }
        &'acctl;help;account'= {
            cand lock 'Lock an account: the customer cannot sign in and no reset can start'
            cand unlock 'Unlock a locked account'
        }
        &'acctl;help;account;lock'= {
        }
        &'acctl;help;account;unlock'= {
        }
        &'acctl;help;sessions'= {
            cand revoke 'Sign the customer out of every session (needs the sre or admin role)'
        }
        &'acctl;help;sessions;revoke'= {
        }
        &'acctl;help;bulk'= {
            cand force-reset 'Force a password reset: a temporary password delivered on the channel on file, every session revoked, the customer notified'
            cand lock 'Lock every account in the list'
            cand unlock 'Unlock every account in the list'
            cand revoke-sessions 'Sign every account in the list out of all its sessions'
            cand resume 'Continue a job that was interrupted or killed: done items are skipped, the rest are sent with their original keys'
            cand status 'Print a job''s progress and summary'
            cand list 'List the jobs whose journals are on this machine'
        }
        &'acctl;help;bulk;force-reset'= {
        }
        &'acctl;help;bulk;lock'= {
        }
        &'acctl;help;bulk;unlock'= {
        }
        &'acctl;help;bulk;revoke-sessions'= {
        }
        &'acctl;help;bulk;resume'= {
        }
        &'acctl;help;bulk;status'= {
        }
        &'acctl;help;bulk;list'= {
        }
        &'acctl;help;audit'= {
        }
        &'acctl;help;sandbox'= {
        }
        &'acctl;help;demo'= {
        }
        &'acctl;help;config'= {
            cand path 'Print the path of the config file in use (whether or not it exists)'
            cand show 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token'
            cand init 'Add a profile to the config file, or update one; the rest of the file (other profiles, comments) is kept'
            cand use 'Make a profile of the config file the default (`default_profile`), the one used when neither -p nor ACCTL_PROFILE names one'
            cand set 'Change one key of a profile in the config file (the profile named by -p, else the default one); the rest of the file is kept as it is'
        }
        &'acctl;help;config;path'= {
        }
        &'acctl;help;config;show'= {
        }
        &'acctl;help;config;init'= {
        }
        &'acctl;help;config;use'= {
        }
        &'acctl;help;config;set'= {
        }
        &'acctl;help;completions'= {
        }
        &'acctl;help;help'= {
        }
    ]
    $completions[$command]
}
