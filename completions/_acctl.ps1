
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'acctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'acctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'acctl' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Sign in to a backend profile, check who you are, sign out')
            [CompletionResult]::new('lookup', 'lookup', [CompletionResultType]::ParameterValue, 'Find accounts by email, phone number or account ID')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset a customer''s password, guided step by step (the wizard)')
            [CompletionResult]::new('code', 'code', [CompletionResultType]::ParameterValue, 'Send a verification code to a contact on file, and verify the code the customer reads back')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Set a customer''s password: deliver a temporary one, or take one from stdin')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Lock or unlock an account')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Sign a customer out everywhere')
            [CompletionResult]::new('bulk', 'bulk', [CompletionResultType]::ParameterValue, 'One action over a list of accounts: planned, journalled, resumable, exactly once')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the audit log')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run the reference service in-process with demo accounts, for training')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A sandbox and the reset wizard in one process: see a reset from both sides')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show and create the config file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;auth' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in: store a token for the profile in the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, the backend, who you are signed in as, your role and scopes, and where the token came from (keyring, env or file)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Sign out: remove the profile''s token from the OS keyring (and the plaintext file)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;auth;login' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--with-token', '--with-token', [CompletionResultType]::ParameterName, 'Read the token from stdin instead of prompting')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep the token in a plaintext file readable only by you (when no OS keyring is available)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;auth;status' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;auth;logout' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in: store a token for the profile in the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, the backend, who you are signed in as, your role and scopes, and where the token came from (keyring, env or file)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Sign out: remove the profile''s token from the OS keyring (and the plaintext file)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;auth;help;login' {
            break
        }
        'acctl;auth;help;status' {
            break
        }
        'acctl;auth;help;logout' {
            break
        }
        'acctl;auth;help;help' {
            break
        }
        'acctl;lookup' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Treat every identifier as this kind instead of detecting it')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'With `-`: the input is CSV with a header row; take identifiers from this column')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;reset' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;code' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a verification code to a contact on file')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the code the customer reads back')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;code;send' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Where the code goes [default: email when on file, else sms]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation on a protected profile')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;code;verify' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--code-stdin', '--code-stdin', [CompletionResultType]::ParameterName, 'Read the code from stdin (one line) instead of prompting')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation on a protected profile')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;code;help' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a verification code to a contact on file')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the code the customer reads back')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;code;help;send' {
            break
        }
        'acctl;code;help;verify' {
            break
        }
        'acctl;code;help;help' {
            break
        }
        'acctl;password' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a customer''s password: deliver a temporary one, or take one from stdin')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;password;set' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'With --deliver: where the temporary password goes [default: the verified channel, else email, else sms]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--verification-stdin', '--verification-stdin', [CompletionResultType]::ParameterName, 'Read the verification token `acctl code verify` printed from stdin (one line) instead of `ACCTL_VERIFICATION`')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Without a verification token (needs the `password:force` scope; audited as forced)')
            [CompletionResult]::new('--deliver', '--deliver', [CompletionResultType]::ParameterName, 'Send the customer a temporary password they must change at the next sign-in')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the new password from stdin (one line)')
            [CompletionResult]::new('--keep-sessions', '--keep-sessions', [CompletionResultType]::ParameterName, 'Leave the customer''s other sessions signed in')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation on a protected profile')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;password;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a customer''s password: deliver a temporary one, or take one from stdin')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;password;help;set' {
            break
        }
        'acctl;password;help;help' {
            break
        }
        'acctl;account' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Lock an account: the customer cannot sign in and no reset can start')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock a locked account')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;account;lock' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation on a protected profile')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;account;unlock' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation on a protected profile')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;account;help' {
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Lock an account: the customer cannot sign in and no reset can start')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock a locked account')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;account;help;lock' {
            break
        }
        'acctl;account;help;unlock' {
            break
        }
        'acctl;account;help;help' {
            break
        }
        'acctl;sessions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Sign the customer out of every session (needs the sre or admin role)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;sessions;revoke' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation on a protected profile')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;sessions;help' {
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Sign the customer out of every session (needs the sre or admin role)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;sessions;help;revoke' {
            break
        }
        'acctl;sessions;help;help' {
            break
        }
        'acctl;bulk' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('force-reset', 'force-reset', [CompletionResultType]::ParameterValue, 'Force a password reset: a temporary password delivered on the channel on file, every session revoked, the customer notified')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Lock every account in the list')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock every account in the list')
            [CompletionResult]::new('revoke-sessions', 'revoke-sessions', [CompletionResultType]::ParameterValue, 'Sign every account in the list out of all its sessions')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Continue a job that was interrupted or killed: done items are skipped, the rest are sent with their original keys')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Print a job''s progress and summary')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the jobs whose journals are on this machine')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;bulk;force-reset' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The list: a file, or `-` for stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Read identifiers from this column of CSV input (with a header row)')
            [CompletionResult]::new('--max-affected', '--max-affected', [CompletionResultType]::ParameterName, 'Refuse to run if more than N accounts would change (default: the profile''s `max_affected`)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Requests per second at most, e.g. `20/s` (default: the profile''s `rate`)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Accounts in flight at once, 1 to 256 (default: the profile''s `concurrency`)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Where to write the job''s journal (default: the XDG state directory, by job id)')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue job JOB (planned from this same input) instead of planning a new one')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and stop: nothing is changed')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required under --no-input)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;bulk;lock' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The list: a file, or `-` for stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Read identifiers from this column of CSV input (with a header row)')
            [CompletionResult]::new('--max-affected', '--max-affected', [CompletionResultType]::ParameterName, 'Refuse to run if more than N accounts would change (default: the profile''s `max_affected`)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Requests per second at most, e.g. `20/s` (default: the profile''s `rate`)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Accounts in flight at once, 1 to 256 (default: the profile''s `concurrency`)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Where to write the job''s journal (default: the XDG state directory, by job id)')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue job JOB (planned from this same input) instead of planning a new one')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and stop: nothing is changed')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required under --no-input)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;bulk;unlock' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The list: a file, or `-` for stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Read identifiers from this column of CSV input (with a header row)')
            [CompletionResult]::new('--max-affected', '--max-affected', [CompletionResultType]::ParameterName, 'Refuse to run if more than N accounts would change (default: the profile''s `max_affected`)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Requests per second at most, e.g. `20/s` (default: the profile''s `rate`)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Accounts in flight at once, 1 to 256 (default: the profile''s `concurrency`)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Where to write the job''s journal (default: the XDG state directory, by job id)')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue job JOB (planned from this same input) instead of planning a new one')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and stop: nothing is changed')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required under --no-input)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;bulk;revoke-sessions' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The list: a file, or `-` for stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Read identifiers from this column of CSV input (with a header row)')
            [CompletionResult]::new('--max-affected', '--max-affected', [CompletionResultType]::ParameterName, 'Refuse to run if more than N accounts would change (default: the profile''s `max_affected`)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Requests per second at most, e.g. `20/s` (default: the profile''s `rate`)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Accounts in flight at once, 1 to 256 (default: the profile''s `concurrency`)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Where to write the job''s journal (default: the XDG state directory, by job id)')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue job JOB (planned from this same input) instead of planning a new one')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and stop: nothing is changed')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required under --no-input)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;bulk;resume' {
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Requests per second at most (default: the profile''s `rate`)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Accounts in flight at once (default: the profile''s `concurrency`)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm on a protected profile without asking (required under --no-input)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;bulk;status' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;bulk;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;bulk;help' {
            [CompletionResult]::new('force-reset', 'force-reset', [CompletionResultType]::ParameterValue, 'Force a password reset: a temporary password delivered on the channel on file, every session revoked, the customer notified')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Lock every account in the list')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock every account in the list')
            [CompletionResult]::new('revoke-sessions', 'revoke-sessions', [CompletionResultType]::ParameterValue, 'Sign every account in the list out of all its sessions')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Continue a job that was interrupted or killed: done items are skipped, the rest are sent with their original keys')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Print a job''s progress and summary')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the jobs whose journals are on this machine')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;bulk;help;force-reset' {
            break
        }
        'acctl;bulk;help;lock' {
            break
        }
        'acctl;bulk;help;unlock' {
            break
        }
        'acctl;bulk;help;revoke-sessions' {
            break
        }
        'acctl;bulk;help;resume' {
            break
        }
        'acctl;bulk;help;status' {
            break
        }
        'acctl;bulk;help;list' {
            break
        }
        'acctl;bulk;help;help' {
            break
        }
        'acctl;audit' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only events about this account (email, phone number or account ID)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Only events by this operator (reading others'' events needs the admin role)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only this action')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events since: an age (`90s`, `30m`, `24h`, `7d`, `2w`), a date, or an RFC 3339 time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most this many events')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;sandbox' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on: loopback only (127.0.0.1, ::1); port 0 picks a free one')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file to keep between runs [default: a fresh temporary one]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;demo' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--script', '--script', [CompletionResultType]::ParameterName, 'Run the flow unattended and print each step (no prompts)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;config' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file in use (whether or not it exists)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Add a profile to the config file, or update one; the rest of the file (other profiles, comments) is kept')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile of the config file the default (`default_profile`), the one used when neither -p nor ACCTL_PROFILE names one')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one key of a profile in the config file (the profile named by -p, else the default one); the rest of the file is kept as it is')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;config;path' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;config;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;config;init' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the account service''s Admin API [default for a new profile: http://127.0.0.1:8080]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;config;use' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;config;set' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;config;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file in use (whether or not it exists)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Add a profile to the config file, or update one; the rest of the file (other profiles, comments) is kept')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile of the config file the default (`default_profile`), the one used when neither -p nor ACCTL_PROFILE names one')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one key of a profile in the config file (the profile named by -p, else the default one); the rest of the file is kept as it is')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;config;help;path' {
            break
        }
        'acctl;config;help;show' {
            break
        }
        'acctl;config;help;init' {
            break
        }
        'acctl;config;help;use' {
            break
        }
        'acctl;config;help;set' {
            break
        }
        'acctl;config;help;help' {
            break
        }
        'acctl;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Backend profile from the config file [default: the file''s `default_profile`, else `local`]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the output columns (comma-separated; `--fields help` lists them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter each JSON record with a jq expression (built in; no jq needed)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why you are doing this: sent as the audit reason with every change')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket the change belongs to: sent as the audit ticket with every change')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region for national phone numbers, ISO 3166 (e.g. `CN`) [default: the profile''s `region`]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/acctl/config.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on stderr and in tables [default: auto; NO_COLOR turns it off]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is a usage error (exit 2)')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Ask for unmasked email and phone (needs the `accounts:pii` scope; audited)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv); never logs secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr: no progress, notices or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'acctl;help' {
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Sign in to a backend profile, check who you are, sign out')
            [CompletionResult]::new('lookup', 'lookup', [CompletionResultType]::ParameterValue, 'Find accounts by email, phone number or account ID')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset a customer''s password, guided step by step (the wizard)')
            [CompletionResult]::new('code', 'code', [CompletionResultType]::ParameterValue, 'Send a verification code to a contact on file, and verify the code the customer reads back')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Set a customer''s password: deliver a temporary one, or take one from stdin')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Lock or unlock an account')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Sign a customer out everywhere')
            [CompletionResult]::new('bulk', 'bulk', [CompletionResultType]::ParameterValue, 'One action over a list of accounts: planned, journalled, resumable, exactly once')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the audit log')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run the reference service in-process with demo accounts, for training')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A sandbox and the reset wizard in one process: see a reset from both sides')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show and create the config file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'acctl;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in: store a token for the profile in the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, the backend, who you are signed in as, your role and scopes, and where the token came from (keyring, env or file)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Sign out: remove the profile''s token from the OS keyring (and the plaintext file)')
            break
        }
        'acctl;help;auth;login' {
            break
        }
        'acctl;help;auth;status' {
            break
        }
        'acctl;help;auth;logout' {
            break
        }
        'acctl;help;lookup' {
            break
        }
        'acctl;help;reset' {
            break
        }
        'acctl;help;code' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a verification code to a contact on file')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the code the customer reads back')
            break
        }
        'acctl;help;code;send' {
            break
        }
        'acctl;help;code;verify' {
            break
        }
        'acctl;help;password' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a customer''s password: deliver a temporary one, or take one from stdin')
            break
        }
        'acctl;help;password;set' {
            break
        }
        'acctl;help;account' {
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Lock an account: the customer cannot sign in and no reset can start')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock a locked account')
            break
        }
        'acctl;help;account;lock' {
            break
        }
        'acctl;help;account;unlock' {
            break
        }
        'acctl;help;sessions' {
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Sign the customer out of every session (needs the sre or admin role)')
            break
        }
        'acctl;help;sessions;revoke' {
            break
        }
        'acctl;help;bulk' {
            [CompletionResult]::new('force-reset', 'force-reset', [CompletionResultType]::ParameterValue, 'Force a password reset: a temporary password delivered on the channel on file, every session revoked, the customer notified')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Lock every account in the list')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock every account in the list')
            [CompletionResult]::new('revoke-sessions', 'revoke-sessions', [CompletionResultType]::ParameterValue, 'Sign every account in the list out of all its sessions')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Continue a job that was interrupted or killed: done items are skipped, the rest are sent with their original keys')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Print a job''s progress and summary')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the jobs whose journals are on this machine')
            break
        }
        'acctl;help;bulk;force-reset' {
            break
        }
        'acctl;help;bulk;lock' {
            break
        }
        'acctl;help;bulk;unlock' {
            break
        }
        'acctl;help;bulk;revoke-sessions' {
            break
        }
        'acctl;help;bulk;resume' {
            break
        }
        'acctl;help;bulk;status' {
            break
        }
        'acctl;help;bulk;list' {
            break
        }
        'acctl;help;audit' {
            break
        }
        'acctl;help;sandbox' {
            break
        }
        'acctl;help;demo' {
            break
        }
        'acctl;help;config' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file in use (whether or not it exists)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved settings of the profile in use: flags, environment, config file and defaults combined. Never shows a token')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Add a profile to the config file, or update one; the rest of the file (other profiles, comments) is kept')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile of the config file the default (`default_profile`), the one used when neither -p nor ACCTL_PROFILE names one')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one key of a profile in the config file (the profile named by -p, else the default one); the rest of the file is kept as it is')
            break
        }
        'acctl;help;config;path' {
            break
        }
        'acctl;help;config;show' {
            break
        }
        'acctl;help;config;init' {
            break
        }
        'acctl;help;config;use' {
            break
        }
        'acctl;help;config;set' {
            break
        }
        'acctl;help;completions' {
            break
        }
        'acctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
